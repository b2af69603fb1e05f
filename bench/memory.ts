/**
 * Memory of the production bot: the compiled bot in a process of its own, started with the Node
 * flags of `npm start` (read from package.json), against the simulator and fake Slack in this
 * process's worker. RSS (Linux: /proc/PID/status) idle, once ready and after the first collector
 * tick, and after N commands, at the demo's size (12 campaigns) and at 1,000. At the demo's size the
 * bot also runs once with the `--max-…` flags alone, for the CPU those memory flags cost (the bot
 * process's user+system time over the N commands, per command) and what they save.
 *
 * The bot is compiled once per run into node_modules/.cache/aicc-bench (tsc with
 * tsconfig.build.json), so the figure is the current source's and `dist/` is left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { botEnvFor } from '../local/sim/bot-env.js';
import { spawnOutsideWorld, VDN } from './outside-world.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slash-client.js';
import { row, type Row } from './support.js';

export interface MemoryOptions {
  commands: number;
  concurrency: number;
  sizes: number[];
}

const B = 'memory (compiled bot, own process)';
const MiB = 1048576;
const IDLE_MAX = 100 * MiB;
const AFTER_MAX = 150 * MiB;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'node_modules/.cache/aicc-bench');
const MIX = ['help', 'stats', 'campaigns', 'stats {id}', 'task {id}', 'campaigns all'];

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** tsc emits despite type errors elsewhere in the tree (noEmitOnError is off); a missing file fails below. */
async function build(): Promise<string> {
  await rm(OUT, { recursive: true, force: true });
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT]).catch(() => undefined);
  // As `npm run build` does: the catalogues other than English are JSON, read when first needed.
  const messages = join(ROOT, 'src/i18n/messages');
  for (const f of await readdir(messages)) if (f.endsWith('.json')) await copyFile(join(messages, f), join(OUT, 'src/i18n/messages', f));
  return join(OUT, 'src/main.js');
}

/** The Node flags of the start script (`node FLAGS scripts/start.mjs`). */
async function startFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts['start']!.split(/\s+/).filter((a) => a.startsWith('--'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The process's user + system CPU time in milliseconds (Linux: /proc/PID/stat, in clock ticks of 10 ms). */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function rss(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`bot exited (${child.exitCode}) before it was ready`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error('bot not ready after 60 s');
}

async function measure(o: MemoryOptions, main: string, flags: string[], campaigns: number) {
  const world = spawnOutsideWorld();
  const dir = await mkdtemp(join(tmpdir(), 'aicc-bench-mem-'));
  let child: ChildProcess | undefined;
  try {
    const started = await world.start({ sim: { campaignsPerVdn: campaigns, runningShare: 0.5 } });
    const port = await freePort();
    const env = {
      PATH: process.env['PATH'] ?? '',
      ...botEnvFor(started.sim!),
      AICC_VDN_IDS: String(VDN),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: started.slackUrl,
      PORT: String(port),
      DATABASE_URL: join(dir, 'bot.sqlite'),
      LOG_LEVEL: 'warn',
    };
    child = spawn(process.execPath, [...flags, main], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'ignore'] });
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, child);
    // Let the first collector tick and start-up work finish.
    await sleep(5_000);
    const idle = await rss(child.pid!);
    const cpuBefore = await cpuMs(child.pid!);
    const r = await world.drive({ url, count: o.commands, concurrency: o.concurrency, texts: MIX, campaigns: 'all', answers: true, holdUntil: 'answer' });
    await sleep(1_000);
    const after = await rss(child.pid!);
    const cpuPerCommand = (await cpuMs(child.pid!)) - cpuBefore;
    return { idle, after, cpuPerCommand: cpuPerCommand / o.commands, unanswered: r.unanswered + r.non200 };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await world.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function memory(o: MemoryOptions): Promise<Row[]> {
  const main = await build();
  const flags = await startFlags();
  const rows: Row[] = [];
  for (const campaigns of o.sizes) {
    const m = await measure(o, main, flags, campaigns);
    const label = `${campaigns} campaigns, node ${flags.join(' ')}`;
    const demo = campaigns === o.sizes[0];
    const bound = (max: number) => (demo ? { max } : { ref: max, refLabel: 'demo-size bound' });
    rows.push(
      row({ benchmark: B, figure: `RSS idle (${label})`, value: m.idle.rss, unit: 'bytes', ...bound(IDLE_MAX) }),
      row({ benchmark: B, figure: `RSS after ${o.commands} cmds @${o.concurrency} (${campaigns} campaigns)`, value: m.after.rss, unit: 'bytes', ...bound(AFTER_MAX) }),
      row({ benchmark: B, figure: `peak RSS (${campaigns} campaigns)`, value: m.after.peak, unit: 'bytes', ref: AFTER_MAX, refLabel: 'bound after cmds' }),
      row({ benchmark: B, figure: `commands without an answer (${campaigns} campaigns)`, value: m.unanswered, unit: 'count', equals: 0 }),
    );
    const plain = flags.filter((f) => f.startsWith('--max-'));
    if (demo && plain.length < flags.length) {
      // The same run with the heap limits alone: what the other flags cost in CPU and save in memory.
      const p = await measure(o, main, plain, campaigns);
      const with_ = `node ${flags.join(' ')}`;
      const without = `node ${plain.join(' ')}`;
      rows.push(
        row({ benchmark: B, figure: `bot CPU per command (${campaigns} campaigns, ${with_})`, value: m.cpuPerCommand, unit: 'ms', ref: p.cpuPerCommand, refLabel: without }),
        row({ benchmark: B, figure: `RSS idle / after ${o.commands} cmds with ${without}`, value: p.idle.rss, unit: 'bytes', ref: p.after.rss, refLabel: 'after cmds' }),
      );
    }
  }
  return rows;
}
