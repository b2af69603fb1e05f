/**
 * Server-sent events for the console page: each open page is one response kept open; updates are
 * broadcast to all of them, and a comment line every few seconds keeps proxies and the browser
 * from timing the stream out. A page that goes away is dropped on its `close` event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS } from './http.js';

export interface SseEvent {
  event: string;
  data: unknown;
}

export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: NodeJS.Timeout;

  constructor(keepAliveMs = 15_000) {
    this.timer = setInterval(() => this.write(': keep-alive\n\n'), keepAliveMs);
    this.timer.unref();
  }

  /** How many pages are listening. */
  get size(): number {
    return this.clients.size;
  }

  /** Opens a stream and sends `first` (the full state) on it, so nothing falls between load and live. */
  attach(req: IncomingMessage, res: ServerResponse, first: SseEvent): void {
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n\n${format(first)}`);
    this.clients.add(res);
    const drop = () => this.clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
  }

  broadcast(e: SseEvent): void {
    this.write(format(e));
  }

  /** Ends every stream; the server can then close. */
  close(): void {
    clearInterval(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) {
      if (res.writableEnded || res.destroyed) this.clients.delete(res);
      else res.write(chunk);
    }
  }
}

/** One event; JSON never contains a raw newline, so `data:` fits on one line. */
function format(e: SseEvent): string {
  return `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}
