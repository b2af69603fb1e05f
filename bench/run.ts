/**
 * `npm run bench [-- --quick]`: runs each benchmark in a child process of its own (child.ts), on
 * 127.0.0.1, prints one table and writes the same rows, with the environment, to
 * bench/results.json. `--quick` is a smoke run with reduced counts: its figures are not comparable
 * with a full run's.
 */
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import type { BenchmarkName, BenchmarkOptions } from './child.js';
import { failedRow, renderTable, type Row } from './support.js';

const quick = process.argv.includes('--quick');
/** `--only NAME[,NAME]`: run only these benchmarks (by their name in the plan). */
const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
const only = process.argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : undefined;
/** A child still running after this long is killed and its benchmark failed. */
const CHILD_LIMIT_MS = 6 * 60_000;

type Step = { [N in BenchmarkName]: { name: N; title: string; options: BenchmarkOptions<N> } }[BenchmarkName];

const plan: Step[] = [
  { name: 'ack', title: 'ack latency', options: quick ? { commands: 200, concurrency: 50, slowCommands: 50, warmup: 100 } : { commands: 2000, concurrency: 50, slowCommands: 300, warmup: 500 } },
  { name: 'cost', title: 'CPU per command', options: quick ? { commands: 300, warmup: 100, sizes: [12, 1000], concurrency: 10 } : { commands: 1000, warmup: 300, sizes: [12, 1000], concurrency: 10 } },
  { name: 'economy', title: 'upstream economy', options: { commands: quick ? 100 : 500, concurrency: 25, campaigns: 20, latencyMs: 100 } },
  { name: 'collector', title: 'collector at scale', options: quick ? { sizes: [200], bots: 5, latencyMs: 100 } : { sizes: [1000, 5000], bots: 20, latencyMs: 100 } },
  { name: 'memory', title: 'memory', options: quick ? { commands: 500, concurrency: 20, sizes: [12, 1000] } : { commands: 5000, concurrency: 20, sizes: [12, 1000] } },
  { name: 'soak', title: 'soak', options: quick ? { commands: 2000, concurrency: 100, ticks: 24 } : { commands: 20_000, concurrency: 100, ticks: 288 } },
];

/** Runs one benchmark in a child; it must send its rows and then exit by itself. */
function runChild(step: Step): Promise<Row[]> {
  return new Promise((resolve) => {
    // --expose-gc lets the soak read memory after a full collection.
    const child = fork(new URL('./child.ts', import.meta.url), [step.name, JSON.stringify(step.options)], { execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let rows: Row[] | undefined;
    const timer = setTimeout(() => {
      rows = [...(rows ?? []), failedRow(step.title, new Error(`still running after ${CHILD_LIMIT_MS / 60_000} min (open handles?); killed`))];
      child.kill('SIGKILL');
    }, CHILD_LIMIT_MS);
    child.on('message', (m) => {
      rows = m as Row[];
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!rows) rows = [failedRow(step.title, new Error(`exited with ${signal ?? code} before reporting`))];
      else if (code !== 0 && !signal) rows.push(failedRow(step.title, new Error(`exited with code ${code}`)));
      resolve(rows);
    });
  });
}

const started = Date.now();
// Other work on the machine skews every figure; the load average before we start says how much.
const loadAtStart = loadavg()[0]!;
const rows: Row[] = [];
for (const step of plan.filter((s) => !only || only.has(s.name))) {
  const t0 = Date.now();
  process.stderr.write(`${step.title}…`);
  rows.push(...(await runChild(step)));
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
const durationS = (Date.now() - started) / 1000;

console.log(renderTable(rows));
console.log(`\n${quick ? 'quick run' : 'full run'} in ${durationS.toFixed(1)} s on node ${process.version}, ${cpus().length} CPUs, 1-min load average at start ${loadAtStart.toFixed(2)}`);

const environment = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', platform: `${process.platform} ${process.arch}`, date: new Date().toISOString(), quick, durationS, loadAverage1mAtStart: loadAtStart };
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify({ environment, rows }, null, 2)}\n`);
if (rows.some((r) => r.verdict === 'FAIL')) process.exitCode = 1;
