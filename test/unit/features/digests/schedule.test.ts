import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import {
  catchUpDecision,
  describeDays,
  describeSchedule,
  formatDays,
  nextRuns,
  parseAt,
  parseDays,
  parseTimeZone,
  planCatchUp,
  scheduledSlotsBetween,
  type Weekday,
} from '../../../../src/features/digests/schedule.js';

const days = (text: string): readonly Weekday[] => {
  const r = parseDays(text);
  if (!r.ok) throw new Error(`expected ${text} to parse`);
  return r.value;
};
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('parseAt', () => {
  it('accepts 24-hour HH:MM and H:MM', () => {
    expect(parseAt('09:00')).toEqual({ ok: true, value: { hour: 9, minute: 0 } });
    expect(parseAt('9:05')).toEqual({ ok: true, value: { hour: 9, minute: 5 } });
    expect(parseAt('23:59')).toEqual({ ok: true, value: { hour: 23, minute: 59 } });
    expect(parseAt('00:00')).toEqual({ ok: true, value: { hour: 0, minute: 0 } });
  });
  it('refuses anything else', () => {
    for (const bad of ['24:00', '12:60', '9', '9am', '09:00:00', '', '-1:00', '123:00']) {
      expect(parseAt(bad).ok, bad).toBe(false);
    }
  });
});

describe('parseDays / formatDays / describeDays', () => {
  it('keywords', () => {
    expect(days('daily')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(days('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(days('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(days('weekends')).toEqual([0, 6]);
    expect(days('Sat,Sun')).toEqual([0, 6]);
  });
  it('lists, ranges, full names, wrapping ranges and duplicates', () => {
    expect(days('mon-wed')).toEqual([1, 2, 3]);
    expect(days('mon, wed-fri')).toEqual([1, 3, 4, 5]);
    expect(days('Monday,thursday')).toEqual([1, 4]);
    expect(days('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(days('mon,mon,mon-tue')).toEqual([1, 2]);
    expect(days('tue–thu')).toEqual([2, 3, 4]);
  });
  it('refuses unknown words and empty items', () => {
    for (const bad of ['', 'funday', 'mon-', 'mon,,tue', '1-5', 'mon-fri-sat']) {
      expect(parseDays(bad).ok, bad).toBe(false);
    }
  });
  it('canonical text and words', () => {
    expect(formatDays(days('weekdays'))).toBe('mon-fri');
    expect(formatDays(days('sun,sat'))).toBe('sat,sun');
    expect(formatDays(days('everyday'))).toBe('daily');
    expect(formatDays(days('mon,wed,thu,fri'))).toBe('mon,wed-fri');
    expect(describeDays(days('mon-fri'), translator('en'))).toBe('Mon–Fri');
    expect(describeDays(days('weekends'), translator('en'))).toBe('Sat, Sun');
    expect(describeDays(days('daily'), translator('en'))).toBe('daily');
    expect(describeSchedule({ at: '9:00', days: 'weekdays', timeZone: 'asia/shanghai' }, translator('en'))).toBe('09:00 Mon–Fri (Asia/Shanghai)');
  });
});

describe('parseTimeZone', () => {
  it('accepts IANA names, case-insensitive, and returns the canonical spelling', () => {
    expect(parseTimeZone('Asia/Shanghai')).toEqual({ ok: true, value: 'Asia/Shanghai' });
    expect(parseTimeZone('america/new_york')).toEqual({ ok: true, value: 'America/New_York' });
    expect(parseTimeZone('UTC')).toEqual({ ok: true, value: 'UTC' });
  });
  it('refuses unknown zones and fixed offsets', () => {
    for (const bad of ['Mars/Olympus', '+08:00', 'GMT+8 ', '', 'Asia/Shanghai; rm -rf']) {
      expect(parseTimeZone(bad).ok, bad).toBe(false);
    }
  });
});

describe('nextRuns', () => {
  it('weekdays in Asia/Shanghai (UTC+8, no DST), skipping the weekend', () => {
    // Friday 2026-11-20 10:00 Shanghai: today's 09:00 has passed.
    const after = new Date('2026-11-20T02:00:00Z');
    expect(iso(nextRuns({ at: '09:00', days: 'mon-fri', timeZone: 'Asia/Shanghai' }, after, 3))).toEqual([
      '2026-11-23T01:00:00.000Z', // Mon
      '2026-11-24T01:00:00.000Z',
      '2026-11-25T01:00:00.000Z',
    ]);
  });
  it('includes today when the time is still ahead, and is strictly after', () => {
    const spec = { at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai' };
    expect(iso(nextRuns(spec, new Date('2026-11-20T00:59:00Z'), 1))).toEqual(['2026-11-20T01:00:00.000Z']);
    expect(iso(nextRuns(spec, new Date('2026-11-20T01:00:00Z'), 1))).toEqual(['2026-11-21T01:00:00.000Z']);
  });
  it('weekends only', () => {
    const runs = nextRuns({ at: '10:00', days: 'weekends', timeZone: 'Asia/Shanghai' }, new Date('2026-11-18T00:00:00Z'), 4);
    expect(iso(runs)).toEqual(['2026-11-21T02:00:00.000Z', '2026-11-22T02:00:00.000Z', '2026-11-28T02:00:00.000Z', '2026-11-29T02:00:00.000Z']);
  });
  it('a range such as mon-wed', () => {
    const runs = nextRuns({ at: '06:30', days: 'mon-wed', timeZone: 'UTC' }, new Date('2026-11-19T00:00:00Z'), 4);
    expect(runs.map((d) => d.getUTCDay())).toEqual([1, 2, 3, 1]);
  });
  it('the local date decides the weekday, not the UTC date', () => {
    // 07:30 Monday in Shanghai is 23:30 Sunday UTC.
    const [first] = nextRuns({ at: '07:30', days: 'mon', timeZone: 'Asia/Shanghai' }, new Date('2026-11-20T00:00:00Z'), 1);
    expect(first!.toISOString()).toBe('2026-11-22T23:30:00.000Z');
  });
  it('America/New_York keeps local 09:00 across the DST change (UTC time moves)', () => {
    const runs = nextRuns({ at: '09:00', days: 'daily', timeZone: 'America/New_York' }, new Date('2026-03-07T00:00:00Z'), 3);
    expect(iso(runs)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });
  it('spring forward: 02:30 does not exist on 2026-03-08 in New York; it runs once, at 03:30 EDT', () => {
    const runs = nextRuns({ at: '02:30', days: 'daily', timeZone: 'America/New_York' }, new Date('2026-03-07T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2026-03-08T07:30:00.000Z', // 03:30 EDT, the gap's end plus 30 minutes
      '2026-03-09T06:30:00.000Z', // 02:30 EDT
      '2026-03-10T06:30:00.000Z',
    ]);
  });
  it('fall back: 01:30 happens twice on 2026-11-01 in New York; it runs once, at the first (EDT)', () => {
    const spec = { at: '01:30', days: 'daily', timeZone: 'America/New_York' };
    const runs = nextRuns(spec, new Date('2026-10-31T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2026-11-01T05:30:00.000Z', // 01:30 EDT
      '2026-11-02T06:30:00.000Z', // 01:30 EST, the next day
      '2026-11-03T06:30:00.000Z',
    ]);
    // Asked during the repeated hour (01:45 EDT), the second 01:30 (EST) is not a slot.
    expect(iso(nextRuns(spec, new Date('2026-11-01T05:45:00Z'), 1))).toEqual(['2026-11-02T06:30:00.000Z']);
    expect(scheduledSlotsBetween(spec, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T12:00:00Z'))).toHaveLength(1);
  });
  it('a count of zero gives nothing', () => {
    expect(nextRuns({ at: '09:00', days: 'daily', timeZone: 'UTC' }, new Date(), 0)).toEqual([]);
  });
});

describe('scheduledSlotsBetween and catch-up', () => {
  const spec = { at: '09:00', days: 'mon-fri', timeZone: 'Asia/Shanghai' };
  it('lists the slots in (from, to]', () => {
    // From Friday 08:00 to Tuesday 09:00 Shanghai: Fri, Mon, Tue.
    const slots = scheduledSlotsBetween(spec, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-24T01:00:00Z'));
    expect(iso(slots)).toEqual(['2026-11-20T01:00:00.000Z', '2026-11-23T01:00:00.000Z', '2026-11-24T01:00:00.000Z']);
    expect(scheduledSlotsBetween(spec, new Date('2026-11-20T01:00:00Z'), new Date('2026-11-20T05:00:00Z'))).toEqual([]);
    expect(scheduledSlotsBetween(spec, new Date('2026-11-24T00:00:00Z'), new Date('2026-11-20T00:00:00Z'))).toEqual([]);
  });
  it('posts late within the grace, records a miss beyond it', () => {
    const slot = new Date('2026-11-20T01:00:00Z');
    expect(catchUpDecision(slot, new Date('2026-11-20T01:00:00Z'), 120)).toBe('post-late');
    expect(catchUpDecision(slot, new Date('2026-11-20T02:59:00Z'), 120)).toBe('post-late');
    expect(catchUpDecision(slot, new Date('2026-11-20T03:00:00Z'), 120)).toBe('post-late');
    expect(catchUpDecision(slot, new Date('2026-11-20T03:00:01Z'), 120)).toBe('miss');
    expect(catchUpDecision(slot, new Date('2026-11-20T01:30:00Z'), 15)).toBe('miss');
    expect(() => catchUpDecision(slot, new Date('2026-11-20T00:00:00Z'), 120)).toThrow(RangeError);
  });
  it('down from Friday 08:00 to 10:30: the one slot is posted late', () => {
    const plan = planCatchUp(spec, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-20T02:30:00Z'), 120);
    expect(plan).toEqual([{ slot: new Date('2026-11-20T01:00:00Z'), decision: 'post-late' }]);
  });
  it('down over a weekend: older slots are misses, only the newest may post', () => {
    const within = planCatchUp(spec, new Date('2026-11-19T12:00:00Z'), new Date('2026-11-23T02:00:00Z'), 120);
    expect(within.map((p) => [p.slot.toISOString(), p.decision])).toEqual([
      ['2026-11-20T01:00:00.000Z', 'miss'],
      ['2026-11-23T01:00:00.000Z', 'post-late'],
    ]);
    const beyond = planCatchUp(spec, new Date('2026-11-19T12:00:00Z'), new Date('2026-11-23T04:00:00Z'), 120);
    expect(beyond.map((p) => p.decision)).toEqual(['miss', 'miss']);
  });
});
