/**
 * The collector's calls are background calls: they use every connection of a service while no
 * command needs one, and a command that finds them all busy takes the next one that frees, before
 * any collector call still waiting. Against a server that holds each request until the test lets it go.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../../../src/aicc/transport.js';
import { systemClock } from '../../../../src/platform/clock.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { json, startScriptedServer, type ScriptedServer } from '../../../support/scripted-server.js';

let server: ScriptedServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
});

/** A server that answers a request only when told, and the paths in the order it received them. */
async function holdingServer() {
  const held = new Map<string, ServerResponse>();
  server = await startScriptedServer((req, res) => {
    held.set(req.url, res);
  });
  const arrived = () => server!.received.map((r) => r.url);
  const waitFor = async (n: number) => {
    for (let i = 0; i < 500 && server!.received.length < n; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server!.received.length).toBeGreaterThanOrEqual(n);
  };
  const answer = (url: string) => json(held.get(url)!, 200, { url });
  return { arrived, waitFor, answer };
}

describe('background calls and commands', () => {
  it('a command waits for one background call, never for the background queue', async () => {
    const s = await holdingServer();
    transport = createTransport({ service: 'cms', baseUrl: server!.url, timeoutMs: 5000, maxConcurrency: 2, clock: systemClock, log: silentLogger });
    const call = (path: string, background: boolean) => transport!.request({ endpoint: 'probe', method: 'GET', path, background });
    const collector = ['/bg1', '/bg2', '/bg3', '/bg4'].map((p) => call(p, true));
    await s.waitFor(2);
    // Both connections are busy; the other collector calls wait in the transport, not at the server.
    await new Promise((r) => setTimeout(r, 50));
    expect(s.arrived()).toEqual(['/bg1', '/bg2']);

    const command = call('/command', false);
    s.answer('/bg1');
    await s.waitFor(3);
    // The freed connection went to the command, ahead of /bg3 and /bg4.
    await new Promise((r) => setTimeout(r, 50));
    expect(s.arrived()).toEqual(['/bg1', '/bg2', '/command']);
    s.answer('/command');
    expect((await command).json).toEqual({ url: '/command' });

    await s.waitFor(4);
    s.answer('/bg2');
    await s.waitFor(5);
    expect(s.arrived()).toEqual(['/bg1', '/bg2', '/command', '/bg3', '/bg4']);
    s.answer('/bg3');
    s.answer('/bg4');
    expect((await Promise.all(collector)).map((r) => (r.json as { url: string }).url)).toEqual(['/bg1', '/bg2', '/bg3', '/bg4']);
  });

  it("a background call's deadline starts when it gets its connection", async () => {
    const s = await holdingServer();
    transport = createTransport({ service: 'cms', baseUrl: server!.url, timeoutMs: 300, maxConcurrency: 1, clock: systemClock, log: silentLogger });
    const first = transport.request({ endpoint: 'probe', method: 'GET', path: '/first', background: true });
    const second = transport.request({ endpoint: 'probe', method: 'GET', path: '/second', background: true });
    await s.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    s.answer('/first');
    await first;
    await s.waitFor(2);
    // 200 ms waiting behind /first do not count against /second's 300.
    await new Promise((r) => setTimeout(r, 150));
    s.answer('/second');
    expect((await second).json).toEqual({ url: '/second' });
  });
});
