/**
 * SIGTERM with an answer in flight: the bot runs as a real child process, a slash command's AICC
 * call is slow, and SIGTERM arrives after the ack and before the answer. The answer still reaches
 * the command's response_url, a request after the signal is not taken, and the process exits 0.
 * A second signal exits at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest, slashCommandBody, startFakeSlack, type FakeSlack } from '../../local/fakeslack/index.js';
import { botEnvFor } from '../../local/sim/bot-env.js';
import { startSimulator, type Simulator } from '../../local/sim/server.js';

const SECRET = 'shutdown-secret';
let sim: Simulator;
let slack: FakeSlack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  slack = await startFakeSlack();
});
afterEach(() => {
  sim.clearFaults();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});
afterAll(async () => {
  await slack?.close();
  await sim?.close();
});

interface BotChild {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  signalAt(): number;
  out(): string;
}

async function startBotProcess(): Promise<BotChild> {
  const db = join(mkdtempSync(join(tmpdir(), 'shutdown-')), 'bot.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-shutdown', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, ...botEnvFor(sim), DATABASE_URL: db, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let signalledAt = 0;
  const kill = child.kill.bind(child);
  child.kill = (s?: NodeJS.Signals | number) => {
    signalledAt ||= Date.now();
    return kill(s);
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - signalledAt })),
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /bot listening.*?port[=":]+(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return { child, url: `http://127.0.0.1:${port}`, exited, signalAt: () => signalledAt, out: () => out };
}

function sendSlash(url: string, text: string, responseUrl: string): Promise<Response> {
  const body = slashCommandBody({ text, response_url: responseUrl });
  return fetch(`${url}/slack/events`, { method: 'POST', headers: signSlackRequest({ body, signingSecret: SECRET }), body });
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SIGTERM', () => {
  it('lets an answer in flight reach response_url, takes no new request, and exits 0', async () => {
    const bot = await startBotProcess();
    // The collector's first tick has run; from now on every AICC call takes 2.5 s.
    sim.setFaults('all', { latencyMs: 2_500 });
    const responseUrl = slack.responseUrl('shutdown-1');
    const ack = await sendSlash(bot.url, 'task 1798316116', responseUrl);
    expect(ack.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.responses.filter((r) => r.id === 'shutdown-1')).toHaveLength(0);
    expect(bot.out()).not.toContain('stopping');
    bot.child.kill('SIGTERM');
    await until(() => bot.out().includes('stopping'), 5_000, 'the bot to start stopping');
    // Not taking new work: the listening socket is closed, and a request on a kept-alive connection gets a 503.
    const late = await sendSlash(bot.url, 'help', slack.responseUrl('shutdown-2')).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(12_000);
    const answers = slack.responses.filter((r) => r.id === 'shutdown-1');
    expect(answers).toHaveLength(1);
    // The answer itself (here: the simulator does not know the task), not a lost request.
    expect(JSON.stringify(answers[0]!.body)).toContain('1798316116');
    expect(bot.out()).toMatch(/"msg":"stopped"/);
    expect(slack.responses.filter((r) => r.id === 'shutdown-2')).toHaveLength(0);
  }, 60_000);

  it('exits at once on a second signal', async () => {
    const bot = await startBotProcess();
    sim.setFaults('all', { latencyMs: 8_000 });
    await sendSlash(bot.url, 'task 1798316116', slack.responseUrl('shutdown-3'));
    await new Promise((r) => setTimeout(r, 300));
    bot.child.kill('SIGTERM');
    await until(() => bot.out().includes('stopping'), 5_000, 'the bot to start stopping');
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit.ms).toBeLessThan(2_000);
    expect(exit.code).not.toBe(0);
  }, 60_000);
});
