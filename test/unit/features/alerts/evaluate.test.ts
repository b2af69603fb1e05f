/** The alert lifecycle as a pure function: every transition, and the Slack work each one owes. */
import { describe, expect, it } from 'vitest';
import { step, type Sample, type StepRule } from '../../../../src/features/alerts/evaluate.js';
import type { AlertState, AlertStateWrite } from '../../../../src/store/alert-states.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-20T02:00:00Z');
const rule: StepRule = { op: '<', threshold: 40, clearValue: 45, minVolume: 50, forS: 600, repeatS: 4 * 3600 };
const v = (value: number | undefined, volume = 400): Sample => ({ kind: 'value', value, volume });

function state(over: Partial<AlertState> = {}): AlertState {
  return { ruleId: 1, subject: 'c1', state: 'ok', since: T0 - 60 * MIN, version: 3, updatedAt: T0 - 5 * MIN, ...over };
}

/**
 * Feeds a series of samples five minutes apart, as the store would (each write bumps the version),
 * and as if every action succeeded (a post records its ts, a reply when the channel was told).
 */
function run(r: StepRule, samples: Sample[], start: AlertState | undefined = undefined, t0 = T0) {
  let prev = start;
  const log: Array<{ at: number; state: string; actions: string[] }> = [];
  samples.forEach((sample, i) => {
    const now = t0 + i * 5 * MIN;
    const res = step(r, prev, sample, now);
    if (res.changed) prev = { ...(prev ?? { ruleId: 1, subject: 'c1', version: 0 }), ...strip(res.next), version: (prev?.version ?? 0) + 1 } as AlertState;
    if (prev && res.actions.includes('post-firing')) prev = { ...prev, messageTs: `ts${i}`, threadTs: `ts${i}`, lastNotifiedAt: now };
    if (prev && (res.actions.includes('reminder') || res.actions.includes('thread-resolved'))) prev = { ...prev, lastNotifiedAt: now };
    log.push({ at: now, state: res.next.state, actions: res.actions });
  });
  return { log, last: prev };
}

const strip = (w: AlertStateWrite) => Object.fromEntries(Object.entries(w).map(([k, x]) => [k, x ?? undefined]));

describe('step: pending, firing, resolved', () => {
  it('a breach goes pending and says when it would fire', () => {
    const r = step(rule, state(), v(31), T0);
    expect(r).toMatchObject({ changed: true, actions: [], verdict: 'breached', firesAt: T0 + 10 * MIN });
    expect(r.next).toMatchObject({ state: 'pending', since: T0, lastValue: 31, lastVolume: 400 });
  });

  it('fires once the breach has held for `for`, and posts once', () => {
    const { log } = run(rule, [v(31), v(30), v(29), v(28)]);
    expect(log.map((l) => l.state)).toEqual(['pending', 'pending', 'firing', 'firing']);
    expect(log.map((l) => l.actions)).toEqual([[], [], ['post-firing'], []]);
  });

  it('a tick that comes a hair early still fires after `for` (tick jitter), but not one a minute early', () => {
    const pending = state({ state: 'pending', since: T0 });
    expect(step(rule, pending, v(30), T0 + 10 * MIN - 5).next.state).toBe('firing');
    expect(step(rule, pending, v(30), T0 + 9 * MIN).next.state).toBe('pending');
  });

  it('fires at once with for:0', () => {
    const r = step({ ...rule, forS: 0 }, undefined, v(31), T0);
    expect(r.next).toMatchObject({ state: 'firing', since: T0 });
    expect(r.actions).toEqual(['post-firing']);
  });

  it('a pending alert that recovers goes back to ok silently', () => {
    const r = step(rule, state({ state: 'pending', since: T0 - 5 * MIN }), v(41), T0);
    expect(r.next.state).toBe('ok');
    expect(r.actions).toEqual([]);
  });

  it('resolves at the clear level with an edit and a thread reply', () => {
    const firing = state({ state: 'firing', since: T0 - 30 * MIN, messageTs: '1.1', messageChannel: 'C1', threadTs: '1.1', lastNotifiedAt: T0 - 30 * MIN });
    const r = step(rule, firing, v(46), T0);
    expect(r.next).toMatchObject({ state: 'resolved', since: T0, lastValue: 46, messageTs: '1.1' });
    expect(r.actions).toEqual(['update', 'thread-resolved']);
  });

  it('a new breach after resolution starts a new incident (new message later)', () => {
    const resolved = state({ state: 'resolved', since: T0 - 30 * MIN, messageTs: '1.1', lastNotifiedAt: T0 - 30 * MIN, ackedBy: 'U1' });
    const r = step(rule, resolved, v(31), T0);
    expect(r.next).toMatchObject({ state: 'pending', since: T0 });
    expect(r.next.messageTs).toBeNull();
    expect(r.next.ackedBy).toBeNull();
  });

  it('a healthy value that does not change anything writes nothing', () => {
    const ok = state({ lastValue: 60, lastVolume: 400 });
    expect(step(rule, ok, v(60), T0)).toMatchObject({ changed: false, actions: [] });
  });

  it('works the other way round for counts (`waiting > 20`, clear 15)', () => {
    const waiting: StepRule = { op: '>', threshold: 20, clearValue: 15, minVolume: 0, forS: 0, repeatS: 0 };
    const { log } = run(waiting, [v(25), v(18), v(21), v(14)]);
    expect(log.map((l) => l.state)).toEqual(['firing', 'firing', 'firing', 'resolved']);
    expect(log.map((l) => l.actions)).toEqual([['post-firing'], [], [], ['update', 'thread-resolved']]);
  });
});

describe('step: flapping, hysteresis and volume', () => {
  it('flapping around the threshold never fires: `for` absorbs it', () => {
    const { log } = run(rule, [v(39), v(41), v(38), v(42), v(39), v(41), v(37), v(43)]);
    expect(log.every((l) => l.actions.length === 0)).toBe(true);
    expect(log.map((l) => l.state)).not.toContain('firing');
  });

  it('a firing alert flapping between threshold and clear stays firing without a word', () => {
    const firing = state({ state: 'firing', since: T0, messageTs: '1.1', lastNotifiedAt: T0 });
    const { log } = run(rule, [v(41), v(38), v(44), v(39), v(42)], firing, T0 + 5 * MIN);
    expect(log.map((l) => l.state)).toEqual(['firing', 'firing', 'firing', 'firing', 'firing']);
    expect(log.flatMap((l) => l.actions)).toEqual([]);
    expect(step(rule, firing, v(42), T0 + 5 * MIN).verdict).toBe('holding');
  });

  it('below `min` volume there is no verdict: nothing fires, nothing resolves', () => {
    expect(step(rule, state(), v(5, 49), T0)).toMatchObject({ verdict: 'low-volume', actions: [] });
    expect(step(rule, state(), v(5, 49), T0).next.state).toBe('ok');
    expect(step(rule, state({ state: 'pending', since: T0 - 20 * MIN }), v(5, 10), T0).next.state).toBe('ok');
    const firing = state({ state: 'firing', since: T0 - 20 * MIN, messageTs: '1.1', lastNotifiedAt: T0 - 5 * 3600_000 });
    const r = step(rule, firing, v(90, 10), T0);
    expect(r.next.state).toBe('firing');
    // No reminder either: the value cannot be judged.
    expect(r.actions).toEqual([]);
    expect(step(rule, state(), v(undefined, 0), T0).verdict).toBe('low-volume');
  });
});

describe('step: reminders, acknowledgement and mute', () => {
  const firing = state({ state: 'firing', since: T0, messageTs: '1.1', messageChannel: 'C1', threadTs: '1.1', lastNotifiedAt: T0, updatedAt: T0 });

  it('reminds every `repeat` while firing', () => {
    expect(step(rule, { ...firing, updatedAt: T0 + 3 * 3600_000 }, v(30), T0 + 3 * 3600_000 + 5 * MIN).actions).toEqual([]);
    expect(step(rule, { ...firing, updatedAt: T0 + 4 * 3600_000 - 5 * MIN }, v(30), T0 + 4 * 3600_000).actions).toEqual(['update', 'reminder']);
    expect(step({ ...rule, repeatS: 0 }, firing, v(30), T0 + 9 * 3600_000).actions).toEqual([]);
  });

  it('an acknowledged alert gets no reminders', () => {
    expect(step(rule, { ...firing, ackedBy: 'U1', ackedAt: T0 }, v(30), T0 + 5 * 3600_000).actions).toEqual([]);
  });

  it('a muted rule still moves through its states but posts nothing', () => {
    const muted = { ...rule, mutedUntil: T0 + 60 * MIN };
    const { log, last } = run(muted, [v(31), v(30), v(29), v(28)]);
    expect(log.map((l) => l.state)).toEqual(['pending', 'pending', 'firing', 'firing']);
    expect(log.flatMap((l) => l.actions)).toEqual([]);
    // After the mute, the alert that fired meanwhile is posted (once).
    const after = step(muted, last, v(27), T0 + 60 * MIN);
    expect(after.actions).toEqual(['post-firing']);
  });

  it('when a mute ends, a still-firing alert gets one reminder', () => {
    const muted = { ...rule, mutedUntil: T0 + 60 * MIN };
    expect(step(muted, firing, v(30), T0 + 30 * MIN).actions).toEqual([]);
    expect(step(muted, { ...firing, updatedAt: T0 + 55 * MIN }, v(30), T0 + 60 * MIN).actions).toEqual(['update', 'reminder']);
    expect(step(muted, { ...firing, lastNotifiedAt: T0 + 60 * MIN, updatedAt: T0 + 60 * MIN }, v(30), T0 + 65 * MIN).actions).toEqual([]);
  });

  it('a muted alert that resolves only edits its message', () => {
    const r = step({ ...rule, mutedUntil: T0 + 60 * MIN }, firing, v(50), T0 + 10 * MIN);
    expect(r.next.state).toBe('resolved');
    expect(r.actions).toEqual(['update']);
  });
});

describe('step: inactive campaigns and missing data', () => {
  const firing = state({ state: 'firing', since: T0 - 20 * MIN, messageTs: '1.1', lastNotifiedAt: T0 - 20 * MIN });
  const paused: Sample = { kind: 'inactive', reason: 'campaign paused' };

  it('a campaign that stops running resolves its alert with that reason', () => {
    const r = step(rule, firing, paused, T0);
    expect(r.next).toMatchObject({ state: 'resolved', reason: 'campaign paused' });
    expect(r.actions).toEqual(['update', 'thread-resolved']);
    expect(step(rule, state({ state: 'pending', since: T0 - 5 * MIN }), paused, T0).next).toMatchObject({ state: 'ok', reason: 'campaign paused' });
    expect(step(rule, state({ reason: 'campaign paused' }), paused, T0).changed).toBe(false);
  });

  it('without data nothing fires or resolves; ok and pending become nodata', () => {
    expect(step(rule, firing, { kind: 'nodata' }, T0)).toMatchObject({ changed: false, actions: [], verdict: 'nodata' });
    expect(step(rule, state(), { kind: 'nodata' }, T0).next).toMatchObject({ state: 'nodata', since: T0 });
    expect(step(rule, state({ state: 'pending', since: T0 - 5 * MIN }), { kind: 'nodata' }, T0).next.state).toBe('nodata');
    // When data returns, the breach starts over.
    expect(step(rule, state({ state: 'nodata', since: T0 - 20 * MIN }), v(30), T0).next).toMatchObject({ state: 'pending', since: T0 });
  });
});

describe('step: owed work after a crash', () => {
  it('a firing state without a message owes its post, unless it was written moments ago', () => {
    const lost = state({ state: 'firing', since: T0 - 5 * MIN, updatedAt: T0 - 5 * MIN });
    expect(step(rule, lost, v(30), T0).actions).toEqual(['post-firing']);
    const inFlight = state({ state: 'firing', since: T0, updatedAt: T0 - 1000, lastValue: 30, lastVolume: 400 });
    expect(step(rule, inFlight, v(30), T0)).toMatchObject({ changed: false, actions: [] });
    // Owed work is owed whatever the data says now.
    expect(step(rule, lost, { kind: 'nodata' }, T0).actions).toEqual(['post-firing']);
  });

  it('a resolution that was never told owes the edit and the reply', () => {
    const untold = state({ state: 'resolved', since: T0 - 5 * MIN, messageTs: '1.1', lastNotifiedAt: T0 - 30 * MIN, updatedAt: T0 - 5 * MIN });
    expect(step(rule, untold, v(60), T0).actions).toEqual(['update', 'thread-resolved']);
    expect(step(rule, { ...untold, lastNotifiedAt: T0 - 5 * MIN }, v(60), T0).actions).toEqual([]);
  });
});
