/**
 * CPU per command on the bot's thread: `stats CAMPAIGN` and VDN-wide `stats` at the demo's size
 * (12 campaigns) and at 1,000, the statistics already cached (one upstream call per interval) and a
 * day of statistics snapshots stored for their hourly charts, so what is left is the bot's own work
 * per command. At the demo's size also `help` (the bot's floor:
 * the HTTP front with its replay record, Bolt, the reader's language, the answer), `task` and
 * `campaigns`, beside the bare Bolt app that acknowledges and answers "ok" (bare-bolt.ts), driven
 * the same way in the same run: the throughput target compares the two apps, and this says where
 * the difference is.
 *
 * The app runs alone on the main thread (the simulator, fake Slack and client are in a worker), so
 * the main thread's CPU time over the drive (Linux: /proc/thread-self/stat), divided by the
 * commands, is the app's CPU per command (GC on helper threads excluded). CPU time, not wall time:
 * other work on the machine does not inflate it the way it inflates event-loop busy time.
 */
import { startBareBolt } from './bare-bolt.js';
import type { OutsideWorld } from './outside-world.js';
import { seedDay, startStack } from './stack.js';
import { row, threadCpuMs, type Row } from './support.js';

export interface CommandCostOptions {
  commands: number;
  warmup: number;
  /** Campaign counts to measure at; the first is the reference. */
  sizes: number[];
  /** Commands in flight at once (each user waits for the answer). */
  concurrency: number;
}

const B = 'CPU per command';
const TEXTS = ['stats {id}', 'stats'];

/** Main-thread CPU ms per command of `texts`, each driven on its own after a warm-up. */
async function cpuPerCommand(o: CommandCostOptions, world: OutsideWorld, url: string, texts: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const text of texts) {
    const d = { url, concurrency: o.concurrency, texts: [text], campaigns: 'all' as const, answers: true, holdUntil: 'answer' as const };
    await world.drive({ ...d, count: o.warmup });
    const before = threadCpuMs();
    const r = await world.drive({ ...d, count: o.commands });
    const cpuMs = threadCpuMs() - before;
    if (r.unanswered + r.non200 > 0) throw new Error(`${r.unanswered + r.non200} of ${o.commands} '${text}' unanswered`);
    out[text] = cpuMs / o.commands;
  }
  return out;
}

/** CPU ms of the main thread per command, per command text, at one VDN size. */
async function measure(o: CommandCostOptions, campaigns: number, texts: readonly string[]): Promise<Record<string, number>> {
  const stack = await startStack({ sim: { campaignsPerVdn: campaigns, runningShare: 0.5 } });
  try {
    await seedDay(stack);
    return await cpuPerCommand(o, stack.world, stack.botUrl, texts);
  } finally {
    await stack.close();
  }
}

/** The bare Bolt app that answers, driven like the bot (any text: it answers "ok" to all). */
async function measureBare(o: CommandCostOptions): Promise<number> {
  const bare = await startBareBolt('ok');
  try {
    return (await cpuPerCommand(o, bare.world, bare.url, ['stats']))['stats']!;
  } finally {
    await bare.close();
  }
}

/** At the demo's size only: the floor and the other commands of the ack benchmark's mix. */
const FLOOR_TEXTS = ['help', 'task {id}', 'campaigns'];

export async function commandCost(o: CommandCostOptions): Promise<Row[]> {
  const [base, ...rest] = o.sizes;
  const bare = await measureBare(o);
  const ref = await measure(o, base!, [...TEXTS, ...FLOOR_TEXTS]);
  const rows: Row[] = [row({ benchmark: B, figure: `bare Bolt that acks and answers "ok" (${o.commands} cmds @${o.concurrency})`, value: bare, unit: 'ms' })];
  for (const text of [...FLOOR_TEXTS, ...TEXTS]) {
    rows.push(row({ benchmark: B, figure: `\`${text}\` at ${base} campaigns (${o.commands} cmds @${o.concurrency})`, value: ref[text]!, unit: 'ms', ref: bare, refLabel: 'bare Bolt that answers' }));
  }
  for (const size of rest) {
    const at = await measure(o, size, TEXTS);
    for (const text of TEXTS) {
      const bound = text === 'stats {id}' ? { max: 1.5 * ref[text]! } : { ref: ref[text]!, refLabel: `at ${base}` };
      rows.push(row({ benchmark: B, figure: `\`${text}\` at ${size} campaigns${text === 'stats {id}' ? ` (≤ 1.5× at ${base})` : ''}`, value: at[text]!, unit: 'ms', ...bound }));
    }
  }
  return rows;
}
