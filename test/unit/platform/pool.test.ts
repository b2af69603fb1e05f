import { describe, expect, it } from 'vitest';
import { createLimiter, createPriorityGate, pool } from '../../../src/platform/pool.js';

/** A task the test finishes by hand. */
function task<T = void>() {
  let finish!: (v: T) => void;
  const done = new Promise<T>((resolve) => (finish = resolve));
  return { run: () => done, finish };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('pool', () => {
  it('keeps the order of the items with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await pool([5, 1, 3, 2], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20]);
    expect(most).toBe(2);
  });
});

describe('priority gate', () => {
  it('runs background work while slots are free, in order, and queues the rest', async () => {
    const gate = createPriorityGate(2);
    const started: number[] = [];
    const tasks = [task(), task(), task()];
    const runs = tasks.map((t, i) => gate.run('background', () => (started.push(i), t.run())));
    await tick();
    expect(started).toEqual([0, 1]);
    expect([gate.inFlight, gate.waiting]).toEqual([2, 1]);
    tasks[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.finish();
    tasks[2]!.finish();
    await Promise.all(runs);
    expect([gate.inFlight, gate.waiting]).toEqual([0, 0]);
  });

  it('never holds foreground work, and starts no background work while foreground fills the slots', async () => {
    const gate = createPriorityGate(2);
    const bg = [task(), task(), task()];
    const started: string[] = [];
    const bgRuns = bg.map((t, i) => gate.run('background', () => (started.push(`bg${i}`), t.run())));
    await tick();
    // A command arrives with both slots taken: it starts at once (the connection pool queues it).
    const fg = task<string>();
    const fgRun = gate.run('foreground', () => (started.push('fg'), fg.run()));
    await tick();
    expect(started).toEqual(['bg0', 'bg1', 'fg']);
    // One background call ends: its connection goes to the command, and no background call starts.
    bg[0]!.finish();
    await tick();
    expect(started).toEqual(['bg0', 'bg1', 'fg']);
    expect(gate.inFlight).toBe(2);
    fg.finish('answer');
    expect(await fgRun).toBe('answer');
    await tick();
    expect(started).toEqual(['bg0', 'bg1', 'fg', 'bg2']);
    bg[1]!.finish();
    bg[2]!.finish();
    await Promise.all(bgRuns);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const gate = createPriorityGate(1);
    await expect(gate.run('background', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('background', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(await gate.run('background', async () => 'next')).toBe('next');
    expect(gate.inFlight).toBe(0);
  });

  it('a limiter is a gate of background work only', async () => {
    const limit = createLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limit(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
