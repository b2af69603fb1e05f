/**
 * A fake Socket Mode endpoint: `apps.connections.open` hands out a ws:// URL on this server, which
 * speaks just enough WebSocket (RFC 6455: handshake, text frames, ping/pong, close) for Bolt's
 * Socket Mode client. Tests push envelopes (slash commands, interactions) and read the acks.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface SocketModeFake {
  /** What `apps.connections.open` answers: the ws:// URL of this server. */
  url(): string;
  /** Resolves when a client has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** Sends an envelope; resolves with the client's ack (its `payload`, if any). */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The handshake answer for a client's `Sec-WebSocket-Key` (RFC 6455 §1.3). */
export function acceptKey(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

function frame(opcode: number, data: Buffer): Buffer {
  const len = data.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), Buffer.from(BigInt(len).toString(16).padStart(16, '0'), 'hex')]);
  return Buffer.concat([head, data]);
}

/** Reads complete client frames (always masked) from a buffer; returns them and the rest. */
function readFrames(buf: Buffer): { frames: Array<{ opcode: number; data: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; data: Buffer }> = [];
  let off = 0;
  while (buf.length - off >= 2) {
    const opcode = buf[off]! & 0x0f;
    let len = buf[off + 1]! & 0x7f;
    let p = off + 2;
    if (len === 126) {
      if (buf.length < p + 2) break;
      len = buf.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      if (buf.length < p + 8) break;
      len = Number(buf.readBigUInt64BE(p));
      p += 8;
    }
    if (buf.length < p + 4 + len) break;
    const mask = buf.subarray(p, p + 4);
    const data = Buffer.from(buf.subarray(p + 4, p + 4 + len));
    for (let i = 0; i < data.length; i++) data[i]! ^= mask[i % 4]!;
    frames.push({ opcode, data });
    off = p + 4 + len;
  }
  return { frames, rest: buf.subarray(off) };
}

export async function startSocketModeFake(): Promise<SocketModeFake> {
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  let socket: Duplex | undefined;
  let onConnected: (() => void) | undefined;
  const connectedP = new Promise<void>((r) => (onConnected = r));
  const waiting = new Map<string, (payload: Record<string, unknown>) => void>();

  const sendText = (obj: unknown) => socket?.write(frame(0x1, Buffer.from(JSON.stringify(obj))));

  server.on('upgrade', (req: IncomingMessage, sock: Duplex) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') return sock.destroy();
    const accept = acceptKey(key);
    sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = sock;
    let pending: Buffer = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const f of frames) {
        if (f.opcode === 0x9) sock.write(frame(0xa, f.data));
        else if (f.opcode === 0x8) sock.end(frame(0x8, Buffer.alloc(0)));
        else if (f.opcode === 0x1) {
          const msg = JSON.parse(f.data.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
          if (msg.envelope_id) waiting.get(msg.envelope_id)?.(msg.payload ?? {});
        }
      }
    });
    sock.on('error', () => undefined);
    sendText({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0AICC' } });
    onConnected?.();
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: () => `ws://127.0.0.1:${port}/link`,
    connected: () => connectedP,
    send(type, payload) {
      const envelopeId = randomUUID();
      const acked = new Promise<Record<string, unknown>>((r) => waiting.set(envelopeId, r));
      sendText({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' });
      return acked;
    },
    async close() {
      socket?.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
