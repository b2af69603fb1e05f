/**
 * What every benchmark shares: a bounded-concurrency driver, percentiles, request totals, a
 * thread's CPU time, and the rows and table of results.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Runs `job(0 … count-1)` with at most `concurrency` in flight; resolves with the wall time in ms. */
export async function drive(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - started;
}

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Sum of every endpoint's requests (all statuses), or of one status across endpoints. */
export function totalRequests(counts: Record<string, Record<string, number>>, status?: string): number {
  let total = 0;
  for (const byStatus of Object.values(counts)) {
    for (const [s, n] of Object.entries(byStatus)) if (status === undefined || s === status) total += n;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Results

export type Unit = 'ms' | 'bytes' | 'count' | 'per-command' | 'per-second';
export type Verdict = 'PASS' | 'FAIL' | '—';

export interface Row {
  benchmark: string;
  figure: string;
  value: string;
  reference: string;
  ratio: string;
  verdict: Verdict;
  raw: { value: number; unit: Unit; reference?: number; ratio?: number };
}

export function format(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
    case 'bytes':
      return `${(value / 1048576).toFixed(1)} MiB`;
    case 'per-command':
      return value.toFixed(4);
    case 'per-second':
      return `${value.toFixed(0)}/s`;
    case 'count':
      return String(Math.round(value));
  }
}

export interface RowInput {
  benchmark: string;
  figure: string;
  value: number;
  unit: Unit;
  /** A figure to compare with (verdict '—'); `refLabel` names it. */
  ref?: number;
  refLabel?: string;
  /** A bound the value must not exceed (verdict PASS/FAIL). */
  max?: number;
  /** A bound the value must reach (verdict PASS/FAIL). */
  min?: number;
  /** A value it must equal (verdict PASS/FAIL). */
  equals?: number;
}

/** One table row; the ratio is value ÷ (bound or reference) when that is not zero. */
export function row(r: RowInput): Row {
  const against = r.max ?? r.min ?? r.equals ?? r.ref;
  const ratio = against !== undefined && against !== 0 && Number.isFinite(r.value) ? r.value / against : undefined;
  let reference = '';
  let verdict: Verdict = '—';
  if (r.max !== undefined) {
    reference = `≤ ${format(r.max, r.unit)}`;
    verdict = r.value <= r.max ? 'PASS' : 'FAIL';
  } else if (r.min !== undefined) {
    reference = `≥ ${format(r.min, r.unit)}`;
    verdict = r.value >= r.min ? 'PASS' : 'FAIL';
  } else if (r.equals !== undefined) {
    reference = `= ${format(r.equals, r.unit)}`;
    verdict = r.value === r.equals ? 'PASS' : 'FAIL';
  } else if (r.ref !== undefined) {
    reference = `${r.refLabel ?? 'ref'} ${format(r.ref, r.unit)}`;
  }
  return {
    benchmark: r.benchmark,
    figure: r.figure,
    value: format(r.value, r.unit),
    reference,
    ratio: ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
    verdict,
    raw: { value: r.value, unit: r.unit, ...(against !== undefined ? { reference: against } : {}), ...(ratio !== undefined ? { ratio } : {}) },
  };
}

/** A benchmark that could not run at all. */
export function failedRow(benchmark: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { benchmark, figure: `error: ${message.slice(0, 80)}`, value: '', reference: '', ratio: '', verdict: 'FAIL', raw: { value: Number.NaN, unit: 'count' } };
}

const COLUMNS = ['benchmark', 'figure', 'value', 'reference', 'ratio', 'verdict'] as const;

export function renderTable(rows: readonly Row[]): string {
  const cells = [COLUMNS.map(String), ...rows.map((r) => COLUMNS.map((c) => r[c]))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  const line = (cs: string[]) => cs.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * The calling thread's user + system CPU in ms (Linux: /proc/thread-self/stat, in clock ticks of
 * 10 ms); event-loop busy time where /proc is not there.
 */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return performance.eventLoopUtilization().active;
  }
}
