/**
 * The world outside the app under test, in a worker thread: the simulator, the fake Slack, and the
 * client sending signed slash commands. With all of it off the main thread, an ack measured there
 * waits only for the app's own work, and the main thread's heap is the app's alone.
 *
 * The main thread calls `spawnOutsideWorld()`; in the worker this module serves those calls.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { manualClock, type ManualClock } from '../src/platform/clock.js';
import { startFakeSlack, type FakeSlack } from '../local/fakeslack/index.js';
import { startSimulator, type SimCredentials, type SimOptions, type Simulator } from '../local/sim/server.js';
import { slashClient, type Answer } from './slash-client.js';
import { drive, threadCpuMs } from './support.js';

/** The VDN the bot is configured for (AICC_VDN_IDS). */
export const VDN = 8;

export interface WorldOptions {
  /** Simulator options; no simulator when absent (the bare Bolt reference needs only Slack). */
  sim?: Omit<SimOptions, 'clock' | 'log'>;
  /** Run the simulator on a manual clock starting here (epoch ms); move it with `advanceClock`. */
  clockStartMs?: number;
}

export interface Started {
  slackUrl: string;
  sim?: { url: string; credentials: SimCredentials; botCodes: string[] };
}

export interface DriveArgs {
  url: string;
  count: number;
  /** Commands in flight at once. */
  concurrency: number;
  /** Command texts used in turn; `{id}` becomes a campaign id of the VDN, in turn. */
  texts: string[];
  /** Which campaigns `{id}` takes (default running). */
  campaigns?: 'running' | 'all';
  /** Time each command's response_url answer too. */
  answers: boolean;
  /** A command holds its slot until its ack (default) or until its answer (a user waiting for it). */
  holdUntil?: 'ack' | 'answer';
  /** Send command i no earlier than schedule[i] ms after the start (replays another drive's `sentAt`). */
  schedule?: number[];
  /** Leave the first `warmup` commands out of the figures (a warm-up in the same drive, so the
   * measured commands find connections open and code hot). */
  warmup?: number;
  /** Keep the first answer to each of `texts` (see DriveResult.samples). */
  sampleAnswers?: boolean;
}

export interface DriveResult {
  acks: number[];
  answers: Answer[];
  non200: number;
  unanswered: number;
  driveMs: number;
  /** When each command was sent, in ms from the start. */
  sentAt: number[];
  /** CPU time of this worker (fake Slack, simulator, client) over the drive, in ms. */
  worldCpuMs: number;
  /** With `sampleAnswers`: the first answer (its message) to each of `texts`, by text. */
  samples?: Record<string, Record<string, unknown>>;
}

/** A `chat.postMessage` the fake received. */
export interface Post {
  channel: string;
  blocks: number;
  inThread: boolean;
}

export interface OutsideWorld {
  /** Fresh servers (closing any earlier ones). */
  start(options: WorldOptions): Promise<Started>;
  drive(args: DriveArgs): Promise<DriveResult>;
  /** The simulator's request counts (endpoint → status → n) since the last reset. */
  counts(reset?: boolean): Promise<Record<string, Record<string, number>>>;
  advanceClock(ms: number): Promise<void>;
  /** Posts received since the last call. */
  takePosts(): Promise<Post[]>;
  /** This worker's heap in use, after a full GC when the process has --expose-gc. */
  heapUsed(): Promise<number>;
  /** Closes the servers of the last `start`. */
  stop(): Promise<void>;
  /** Ends the worker. */
  close(): Promise<void>;
}

type Op = Exclude<keyof OutsideWorld, 'close'>;
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export function spawnOutsideWorld(): OutsideWorld {
  // Workers do not inherit tsx's loader: register it first, then load this file.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let seq = 0;
  worker.on('message', (r: Reply) => {
    const w = waiting.get(r.id);
    waiting.delete(r.id);
    if (r.ok) w?.resolve(r.value);
    else w?.reject(new Error(`outside world: ${r.error}`));
  });
  // A dead worker fails every call, pending or later, instead of leaving it waiting forever.
  let dead: Error | undefined;
  const fail = (error: Error) => {
    dead ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`outside world exited (${code})`)));
  const call = <T>(op: Op, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      if (dead) return reject(dead);
      waiting.set(++seq, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id: seq, op, args });
    });
  return {
    start: (options) => call('start', options),
    drive: (args) => call('drive', args),
    counts: (reset) => call('counts', reset),
    advanceClock: (ms) => call('advanceClock', ms),
    takePosts: () => call('takePosts'),
    heapUsed: () => call('heapUsed'),
    stop: () => call('stop'),
    async close() {
      await call('stop').catch(() => undefined);
      await worker.terminate();
    },
  };
}

function serve(): void {
  let slack: FakeSlack | undefined;
  let sim: Simulator | undefined;
  let clock: ManualClock | undefined;
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`no ${what} running`);
    return v;
  };
  const ops: { [K in Op]: (...args: never[]) => Promise<unknown> } = {
    async start(o: WorldOptions): Promise<Started> {
      await ops.stop();
      slack = await startFakeSlack();
      clock = o.clockStartMs === undefined ? undefined : manualClock(o.clockStartMs);
      sim = o.sim ? await startSimulator({ ...o.sim, ...(clock ? { clock } : {}) }) : undefined;
      return { slackUrl: slack.url, ...(sim ? { sim: { url: sim.url, credentials: sim.credentials, botCodes: sim.world.bots.map((b) => b.accessCode) } } : {}) };
    },
    async drive(a: DriveArgs): Promise<DriveResult> {
      const fake = need(slack, 'fake Slack');
      const ids = (sim?.world.campaigns(VDN) ?? []).filter((c) => a.campaigns === 'all' || c.status === 2).map((c) => String(c.id));
      const text = (i: number) => a.texts[i % a.texts.length]!.replace('{id}', ids[Math.floor(i / a.texts.length) % ids.length] ?? '');
      const client = slashClient(a.url, fake);
      const r: DriveResult = { acks: [], answers: [], non200: 0, unanswered: 0, driveMs: 0, sentAt: [], worldCpuMs: 0 };
      const cpuBefore = threadCpuMs();
      const pending: Promise<void>[] = [];
      const start = performance.now();
      r.driveMs = await drive(a.count, a.concurrency, async (i) => {
        const wait = (a.schedule?.[i] ?? 0) - (performance.now() - start);
        if (wait > 0) await sleep(wait);
        r.sentAt[i] = performance.now() - start;
        const sent = await client.send(text(i), { answer: a.answers });
        const counted = i >= (a.warmup ?? 0);
        if (sent.status !== 200) r.non200 += 1;
        else if (counted) r.acks.push(sent.ackMs);
        const template = a.texts[i % a.texts.length]!;
        const answered = sent.answer?.then((ans) => {
          if (!ans) return void (r.unanswered += 1);
          if (a.sampleAnswers) (r.samples ??= {})[template] ??= ans.body;
          if (counted) r.answers.push(ans);
        });
        if (answered && a.holdUntil === 'answer') await answered;
        else if (answered) pending.push(answered);
      });
      await Promise.all(pending);
      r.worldCpuMs = threadCpuMs() - cpuBefore;
      client.close();
      // The fake records every answer; that memory is the harness's, not the app's.
      fake.responses.length = 0;
      return r;
    },
    async counts(reset?: boolean) {
      const counts = need(sim, 'simulator').requestCounts();
      if (reset) sim?.resetRequestCounts();
      return counts;
    },
    async advanceClock(ms: number) {
      need(clock, 'manual clock').advance(ms);
    },
    async takePosts(): Promise<Post[]> {
      const calls = need(slack, 'fake Slack').calls.splice(0);
      return calls
        .filter((c) => c.method === 'chat.postMessage')
        .map((c) => ({ channel: String(c.body['channel']), blocks: Array.isArray(c.body['blocks']) ? c.body['blocks'].length : 0, inThread: c.body['thread_ts'] !== undefined }));
    },
    async heapUsed() {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    },
    async stop() {
      await slack?.close();
      await sim?.close();
      slack = undefined;
      sim = undefined;
    },
  };
  parentPort!.on('message', (m: { id: number; op: Op; args: never[] }) => {
    (ops[m.op] as (...args: never[]) => Promise<unknown>)(...m.args).then(
      (value) => parentPort!.postMessage({ id: m.id, ok: true, value } satisfies Reply),
      (error: unknown) => parentPort!.postMessage({ id: m.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Reply),
    );
  });
}

if (!isMainThread) serve();
