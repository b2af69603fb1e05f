/**
 * Crash during a digest: the bot runs as a real child process and is killed with SIGKILL while it
 * posts; after a restart the digest is in the channel exactly once (possibly marked late), never
 * twice, never lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../local/fakeslack/index.js';
import { startSimulator, type Simulator } from '../../local/sim/server.js';
import { openStore } from '../../src/store/index.js';
import { botEnvFor } from '../../local/sim/bot-env.js';

let sim: Simulator;
let slack: FakeSlack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  slack = await startFakeSlack({ channels: [{ id: 'CCRASHA', name: 'a' }, { id: 'CCRASHB', name: 'b' }] });
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});
afterAll(async () => {
  await slack?.close();
  await sim?.close();
});

function startBotProcess(db: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: 'xoxb-crash-test',
      SLACK_SIGNING_SECRET: 'crash-secret',
      SLACK_API_URL: slack.url,
      ...botEnvFor(sim),
      DATABASE_URL: db,
      PORT: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A daily digest due this very minute (UTC), created ten minutes ago. */
async function dueSubscription(db: string, channelId: string): Promise<number> {
  const store = await openStore({ url: db });
  const now = new Date();
  const at = `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
  const sub = await store.digests.create({ channelId, vdn: 1, at, days: 'daily', timeZone: 'UTC', createdBy: 'UOWNER', createdAt: now.getTime() - 10 * 60_000 });
  await store.close();
  return sub.id;
}

const digestPosts = (channel: string) => slack.messages(channel).filter((m) => !m.threadTs && m.metadata?.event_type === 'aicc_digest');

async function deliveries(db: string, id: number) {
  const store = await openStore({ url: db });
  try {
    return await store.deliveries.bySubscription(id);
  } finally {
    await store.close();
  }
}

describe('SIGKILL while posting a digest', () => {
  it('killed after Slack accepted the post: the restarted bot finds it and does not post again', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'crash-')), 'bot.sqlite');
    const id = await dueSubscription(db, 'CCRASHA');
    slack.failNext('chat.postMessage', { stall: 60_000, applyFirst: true });
    const first = startBotProcess(db);
    await until(() => digestPosts('CCRASHA').length === 1, 30_000, 'the first post');
    first.kill('SIGKILL');
    startBotProcess(db);
    await until(async () => (await deliveries(db, id)).length > 0, 60_000, 'the recovery to record the delivery');
    expect(digestPosts('CCRASHA')).toHaveLength(1);
    expect((await deliveries(db, id)).map((d) => d.status)).toEqual(['posted']);
  }, 120_000);

  it('killed before Slack got the post: the restarted bot posts it once', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'crash-')), 'bot.sqlite');
    const id = await dueSubscription(db, 'CCRASHB');
    slack.failNext('chat.postMessage', { stall: 60_000, applyFirst: false });
    const before = slack.calls.length;
    const first = startBotProcess(db);
    await until(() => slack.calls.slice(before).some((c) => c.method === 'chat.postMessage' && c.body.channel === 'CCRASHB'), 30_000, 'the first attempt');
    expect(digestPosts('CCRASHB')).toHaveLength(0);
    first.kill('SIGKILL');
    const restartedAt = slack.calls.length;
    startBotProcess(db);
    // The delivery row is written after the post: once it is there, the restarted bot is done with the slot.
    await until(async () => (await deliveries(db, id)).length > 0, 60_000, 'the restarted bot to record the delivery');
    expect(digestPosts('CCRASHB')).toHaveLength(1);
    expect(slack.calls.slice(restartedAt).filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CCRASHB' && !c.body.thread_ts)).toHaveLength(1);
    const statuses = (await deliveries(db, id)).map((d) => d.status);
    expect(statuses).toHaveLength(1);
    expect(['posted', 'late']).toContain(statuses[0]);
  }, 120_000);
});
