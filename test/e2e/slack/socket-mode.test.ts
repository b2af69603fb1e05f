/**
 * Socket Mode end to end: with SLACK_APP_TOKEN the bot opens a connection through
 * `apps.connections.open` and receives a slash command over the socket instead of HTTP; it acks the
 * envelope at once and answers through response_url. Health stays on PORT.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/bot.js';
import { loadConfig } from '../../../src/platform/config.js';
import { startFakeSlack, startSocketModeFake, type FakeSlack, type SocketModeFake } from '../../../local/fakeslack/index.js';
import { silentLogger } from '../../../src/platform/log.js';
import { botEnvFor } from '../../../local/sim/bot-env.js';
import { startSimulator, type Simulator } from '../../../local/sim/server.js';
import { blocksText } from '../../support/e2e.js';

let sim: Simulator;
let socket: SocketModeFake;
let slack: FakeSlack;
let bot: RunningBot;
beforeAll(async () => {
  sim = await startSimulator();
  socket = await startSocketModeFake();
  slack = await startFakeSlack({ socketModeUrl: () => socket.url() });
  const config = loadConfig({
    ...botEnvFor(sim),
    SLACK_BOT_TOKEN: 'xoxb-socket',
    SLACK_SIGNING_SECRET: 'unused-in-socket-mode',
    SLACK_APP_TOKEN: 'xapp-socket',
    SLACK_API_URL: slack.url,
    DATABASE_URL: ':memory:',
    PORT: '0',
  });
  expect(config.slack.mode).toBe('socket');
  bot = await startBot({ config, clock: () => new Date(), log: silentLogger, host: '127.0.0.1', startCollector: false });
  await socket.connected();
});
afterAll(async () => {
  await bot?.stop();
  await socket?.close();
  await slack?.close();
  await sim?.close();
});

it('answers /aicc received over the socket', async () => {
  const open = slack.calls.find((c) => c.method === 'apps.connections.open');
  expect(open?.token).toBe('xapp-socket');
  const ack = socket.send('slash_commands', {
    command: '/aicc',
    text: 'stats',
    user_id: 'U1',
    channel_id: 'C1',
    team_id: 'T1',
    response_url: slack.responseUrl('socket-cmd', { channel: 'C1', user: 'U1' }),
    trigger_id: 't',
  });
  await expect(ack).resolves.toBeDefined();
  const started = Date.now();
  while (!slack.responses.some((r) => r.id === 'socket-cmd') && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
  const answer = slack.responses.find((r) => r.id === 'socket-cmd');
  expect(blocksText(answer?.body.blocks)).toMatch(/Campaign stats/);
  expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
});

it('the fake speaks RFC 6455: the handshake answer for the RFC sample key', async () => {
  const { acceptKey } = await import('../../../local/fakeslack/socket-mode.js');
  expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});
