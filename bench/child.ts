/**
 * Runs one benchmark in a process of its own, so its RSS, warm-up and open handles are its own,
 * and sends its rows to `run.ts`. Usage (by run.ts): `child.ts NAME OPTIONS_JSON`.
 */
import { ackLatency } from './ack-latency.js';
import { collectorScale } from './collector-scale.js';
import { commandCost } from './command-cost.js';
import { economy } from './economy.js';
import { memory } from './memory.js';
import { soak } from './soak.js';
import { failedRow, type Row } from './support.js';

export const BENCHMARKS = {
  ack: ackLatency,
  economy,
  collector: collectorScale,
  cost: commandCost,
  soak,
  memory,
} satisfies Record<string, (options: never) => Promise<Row[]>>;

export type BenchmarkName = keyof typeof BENCHMARKS;
export type BenchmarkOptions<N extends BenchmarkName> = Parameters<(typeof BENCHMARKS)[N]>[0];

const [name, json] = process.argv.slice(2);
if (process.send && name && json) {
  const run = BENCHMARKS[name as BenchmarkName] as (options: unknown) => Promise<Row[]>;
  const rows = await run(JSON.parse(json)).catch((error: unknown) => [failedRow(name, error)]);
  // Nothing else: the process must exit by itself once every server is closed.
  process.send(rows, () => process.disconnect());
}
