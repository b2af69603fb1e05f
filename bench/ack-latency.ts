/**
 * Acknowledgement latency: signed `/aicc` commands against the real bot with a slow simulator,
 * beside a bare Bolt app that only acks, driven the same way on the same machine, and beside a bare
 * Bolt app that acks and answers through response_url (`respond()`), driven closed-loop like the bot
 * (its ack p99 and throughput are the bot's targets); then a short run with a 10 s upstream, where
 * no ack may take longer than Slack's 3 s.
 *
 * The app under test runs alone on the main thread; simulator, fake Slack and client run in a
 * worker (outside-world.ts). Against the bot, 50 "users" each send a command and wait for its
 * answer before sending the next. Bare Bolt then gets the very same arrival times (a replay of the
 * bot run's send times), so the two ack figures differ only by what the apps do. The first
 * commands of each drive are a warm-up left out of the figures: a cold process acks up to ten
 * times slower, and a burst that must open its connections first shows that ramp, not the app.
 * The 10 s run frees a slot at the ack instead, so all its commands reach the bot at once.
 */
import { startBareBolt, type BareAnswers } from './bare-bolt.js';
import type { DriveArgs, DriveResult } from './outside-world.js';
import { seedDay, startStack } from './stack.js';
import { percentile, row, threadCpuMs, totalRequests, type Row } from './support.js';

export interface AckOptions {
  commands: number;
  concurrency: number;
  /** Commands in the 10 s upstream run. */
  slowCommands: number;
  /** Commands at the start of the drive left out of the figures (same mix, same drive). */
  warmup: number;
}

const B = 'ack latency';
const SLACK_ACK_LIMIT_MS = 3000;
const UPSTREAM_MS = 300;
/** AICC_TIMEOUT_MS when unset, which the 10 s run keeps. */
const DEFAULT_TIMEOUT_MS = 15_000;
const MIX = ['stats', 'stats {id}', 'task {id}', 'campaigns'];

/** The bot's ack p99 may be at most this many times the answering bare app's (issue 13). */
const ACK_P99_FACTOR = 1.25;

/**
 * Bare Bolt, HTTP receiver, one command listener that only acks, sent commands at `schedule`; or,
 * with `answers`, one that acks and then answers through response_url with Bolt's `respond()`,
 * driven closed-loop (each user waits for the answer) like the bot: "ok", or, with `replay`, the
 * bot's own answer to the same command text (the same blocks, so the same work for the fake Slack).
 */
async function bareBolt(o: AckOptions, mode: { schedule: number[] } | { answers: true; replay?: Record<string, Record<string, unknown>> }): Promise<DriveResult & { cpu: CpuSplit }> {
  const answering = 'answers' in mode;
  const replay = answering ? mode.replay : undefined;
  // The bot's answer to `stats 1665730461` stands for every `stats {id}`.
  const answers: BareAnswers = !answering ? false : replay ? (text) => replay[text.replace(/\d+/g, '{id}')] ?? { text: 'ok' } : 'ok';
  const bare = await startBareBolt(answers);
  try {
    return await measured(() =>
      answering
        ? bare.world.drive({ url: bare.url, count: o.warmup + o.commands, concurrency: o.concurrency, texts: MIX, answers: true, holdUntil: 'answer', warmup: o.warmup })
        : bare.world.drive({ url: bare.url, count: mode.schedule.length, concurrency: o.concurrency, texts: MIX, answers: false, schedule: mode.schedule, warmup: o.warmup }),
    );
  } finally {
    await bare.close();
  }
}

/** The bot against a simulator answering every call after `latencyMs`. */
async function bot(latencyMs: number, d: Omit<DriveArgs, 'url'>, opts: { day?: boolean } = {}): Promise<DriveResult & { upstreamCalls: number; cpu: CpuSplit }> {
  const stack = await startStack({ sim: { faults: { all: { latencyMs } } } });
  try {
    if (opts.day) {
      await seedDay(stack);
      await stack.world.counts(true);
    }
    const result = await measured(() => stack.world.drive({ ...d, url: stack.botUrl }));
    return { ...result, upstreamCalls: totalRequests(await stack.world.counts()) };
  } finally {
    await stack.close();
  }
}

/**
 * Where the machine's CPU went over a drive, in ms per command: the app's main thread, the rest of
 * the process but the outside world (V8's GC and compiler helpers, libuv's pool), and the outside
 * world's worker (fake Slack, simulator, client). In a closed loop on two cores, throughput is
 * bounded by all three together, not by the app's thread alone.
 */
interface CpuSplit {
  main: number;
  helpers: number;
  world: number;
}

const total = (c: CpuSplit) => c.main + c.helpers + c.world;

async function measured<R extends DriveResult>(run: () => Promise<R>): Promise<R & { cpu: CpuSplit }> {
  const main0 = threadCpuMs();
  const all0 = process.cpuUsage();
  const r = await run();
  const main = threadCpuMs() - main0;
  const all = process.cpuUsage(all0);
  const n = r.sentAt.length;
  const total = (all.user + all.system) / 1000;
  return { ...r, cpu: { main: main / n, helpers: Math.max(0, total - main - r.worldCpuMs) / n, world: r.worldCpuMs / n } };
}

/** Commands answered per second after the warm-up: from the first measured send to the drive's end. */
function throughput(r: DriveResult, warmup: number): number {
  const measured = r.sentAt.length - warmup;
  return measured / ((r.driveMs - (r.sentAt[warmup] ?? 0)) / 1000);
}

export async function ackLatency(o: AckOptions): Promise<Row[]> {
  // A day of snapshots first, so `stats CAMPAIGN` draws its hourly chart as in production.
  const main = await bot(UPSTREAM_MS, { count: o.warmup + o.commands, warmup: o.warmup, concurrency: o.concurrency, texts: MIX, answers: true, holdUntil: 'answer', sampleAnswers: true }, { day: true });
  const bare = await bareBolt(o, { schedule: main.sentAt });
  const answering = await bareBolt(o, { answers: true });
  const replaying = await bareBolt(o, { answers: true, replay: main.samples ?? {} });
  // A fresh bot with nothing cached: every command waits on the 10 s upstream.
  const slow = await bot(10_000, { count: o.slowCommands, concurrency: o.concurrency, texts: MIX, answers: true, holdUntil: 'ack' });

  const answerMs = main.answers.map((a) => a.ms);
  const label = `${o.commands} cmds after ${o.warmup} warm-up, ${o.concurrency} users, 300 ms upstream`;
  return [
    row({ benchmark: B, figure: `ack p50 (${label})`, value: percentile(main.acks, 50), unit: 'ms', ref: percentile(bare.acks, 50), refLabel: 'bare Bolt p50' }),
    row({ benchmark: B, figure: 'ack p99', value: percentile(main.acks, 99), unit: 'ms', ref: percentile(bare.acks, 99), refLabel: 'bare Bolt p99' }),
    row({ benchmark: B, figure: `ack p99 against a bare Bolt that answers (same drive, closed-loop; ≤ ${ACK_P99_FACTOR}×)`, value: percentile(main.acks, 99), unit: 'ms', max: ACK_P99_FACTOR * percentile(answering.acks, 99) }),
    row({ benchmark: B, figure: 'bare Bolt that answers: ack p50 / p99', value: percentile(answering.acks, 99), unit: 'ms', ref: percentile(answering.acks, 50), refLabel: 'p50' }),
    row({ benchmark: B, figure: 'throughput (closed-loop, ≥ bare Bolt that answers)', value: throughput(main, o.warmup), unit: 'per-second', min: throughput(answering, o.warmup) }),
    row({ benchmark: B, figure: 'throughput against a bare Bolt replaying the bot\'s own answers (the same blocks)', value: throughput(main, o.warmup), unit: 'per-second', ref: throughput(replaying, o.warmup), refLabel: 'bare Bolt replaying them' }),
    row({ benchmark: B, figure: '  CPU per command, all three (see below), bot against that bare app', value: total(main.cpu), unit: 'ms', ref: total(replaying.cpu), refLabel: 'bare Bolt replaying' }),
    row({ benchmark: B, figure: 'CPU per command in that closed loop (whole drive): app main thread', value: main.cpu.main, unit: 'ms', ref: answering.cpu.main, refLabel: 'bare Bolt that answers' }),
    row({ benchmark: B, figure: '  the same: V8 and libuv helper threads', value: main.cpu.helpers, unit: 'ms', ref: answering.cpu.helpers, refLabel: 'bare Bolt that answers' }),
    row({ benchmark: B, figure: '  the same: outside world (fake Slack, simulator, client)', value: main.cpu.world, unit: 'ms', ref: answering.cpu.world, refLabel: 'bare Bolt that answers' }),
    row({ benchmark: B, figure: '  the same: all three (two cores give 2,000 ms a second)', value: total(main.cpu), unit: 'ms', ref: total(answering.cpu), refLabel: 'bare Bolt that answers' }),
    row({ benchmark: B, figure: 'ack max', value: Math.max(...main.acks), unit: 'ms', max: SLACK_ACK_LIMIT_MS }),
    row({ benchmark: B, figure: 'full answer p50', value: percentile(answerMs, 50), unit: 'ms', ref: UPSTREAM_MS, refLabel: 'one upstream call' }),
    row({ benchmark: B, figure: 'full answer p99', value: percentile(answerMs, 99), unit: 'ms', ref: UPSTREAM_MS, refLabel: 'one upstream call' }),
    row({ benchmark: B, figure: 'answers that are error messages', value: main.answers.filter((a) => a.error).length, unit: 'count', ref: o.commands, refLabel: 'of' }),
    row({ benchmark: B, figure: 'upstream calls (warm-up included)', value: main.upstreamCalls, unit: 'count', ref: o.warmup + o.commands, refLabel: 'commands' }),
    row({ benchmark: B, figure: 'commands not acked with 200', value: bare.non200 + answering.non200 + replaying.non200 + main.non200 + slow.non200, unit: 'count', equals: 0 }),
    row({ benchmark: B, figure: 'commands without an answer', value: main.unanswered + answering.unanswered + replaying.unanswered + slow.unanswered, unit: 'count', equals: 0 }),
    row({ benchmark: B, figure: `max ack (${o.slowCommands} cmds, ${o.concurrency} at once, 10 s upstream)`, value: Math.max(...slow.acks), unit: 'ms', max: SLACK_ACK_LIMIT_MS }),
    row({ benchmark: B, figure: '10 s upstream: slowest answer', value: Math.max(...slow.answers.map((a) => a.ms)), unit: 'ms', ref: DEFAULT_TIMEOUT_MS, refLabel: 'AICC_TIMEOUT_MS' }),
  ];
}
