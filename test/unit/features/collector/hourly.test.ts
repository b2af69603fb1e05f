import { describe, expect, it } from 'vitest';
import { hourlyIncreases, localDay, sumHourly, type CounterReading } from '../../../../src/features/collector/hourly.js';

const TZ = 'Asia/Shanghai';
// Saturday 2026-11-21 in Shanghai (UTC+8): the day starts at 2026-11-20T16:00Z.
const day = localDay(Date.parse('2026-11-21T06:30:00Z'), TZ);
const at = (hhmm: string) => Date.parse(`2026-11-21T${hhmm}:00+08:00`);
const readings = (pairs: ReadonlyArray<readonly [string, number | undefined]>): CounterReading[] => pairs.map(([t, value]) => ({ at: at(t), value }));
const MIN = 60_000;
const opts = { now: at('23:59'), toleranceMs: 10 * MIN };

describe('localDay', () => {
  it('has the 24 local hours of the day, labelled in the zone', () => {
    expect(day.date).toBe('2026-11-21');
    expect(day.start).toBe(Date.parse('2026-11-20T16:00:00Z'));
    expect(day.hours).toHaveLength(24);
    expect(day.hours[9]).toEqual({ start: at('09:00'), end: at('10:00'), label: '09:00' });
    expect(localDay(day.start, TZ, -1).date).toBe('2026-11-20');
  });
  it('has 23 hours on the day clocks go forward and 25 on the day they go back', () => {
    expect(localDay(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin').hours).toHaveLength(23);
    const back = localDay(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(back.hours.reduce((n, h) => n + (h.end - h.start), 0)).toBe(25 * 3_600_000);
  });
});

describe('hourlyIncreases', () => {
  it('is the growth between the readings at each hour boundary', () => {
    const r = readings([
      ['08:58', 0],
      ['09:30', 40],
      ['09:58', 100],
      ['10:59', 250],
    ]);
    const v = hourlyIncreases(r, day, { ...opts, now: at('11:00') });
    // Hour 8 has a reading but none near its start: its growth is unknown.
    expect(v.slice(8, 11)).toEqual([null, 100, 150]);
  });
  it('starts each day from 0 at midnight, never from yesterday’s last reading', () => {
    const r = readings([
      ['00:20', 3],
      ['00:58', 9],
      ['01:59', 20],
    ]);
    // Yesterday's 23:58 reading of 900 must not make hour 0 negative or huge.
    r.unshift({ at: day.start - 2 * MIN, value: 900 });
    expect(hourlyIncreases(r, day, { ...opts, now: at('02:00') }).slice(0, 3)).toEqual([9, 11, null]);
  });
  it('counts a counter that started again from its new value', () => {
    const r = readings([
      ['09:59', 100],
      ['10:20', 150],
      ['10:25', 20],
      ['10:59', 40],
    ]);
    expect(hourlyIncreases(r, day, opts)[10]).toBe(50 + 20 + 20);
  });
  it('leaves an hour without a reading near its start or inside it as a gap, never 0', () => {
    const r = readings([
      ['08:59', 10],
      ['09:58', 30],
      // nothing from 10:00 to 11:50
      ['11:55', 90],
      ['12:58', 120],
    ]);
    const v = hourlyIncreases(r, day, { ...opts, now: at('13:00') });
    expect(v.slice(9, 13)).toEqual([20, null, null, 30]);
  });
  it('skips unknown readings instead of reading them as 0', () => {
    const r = readings([
      ['09:58', 30],
      ['10:30', undefined],
      ['10:58', 50],
    ]);
    expect(hourlyIncreases(r, day, opts)[10]).toBe(20);
    expect(hourlyIncreases(readings([['09:58', 30], ['10:58', undefined]]), day, opts)[10]).toBeNull();
  });
  it('counts the hour in progress up to now and leaves later hours empty', () => {
    const r = readings([
      ['09:58', 30],
      ['10:20', 45],
    ]);
    const v = hourlyIncreases(r, day, { ...opts, now: at('10:21') });
    expect(v[10]).toBe(15);
    expect(v[11]).toBeNull();
    expect(v[23]).toBeNull();
  });
  it('follows a cumulative counter that does not reset at midnight', () => {
    const r = [{ at: day.start - 5 * MIN, value: 1000 }, { at: at('00:58'), value: 1010 }];
    expect(hourlyIncreases(r, day, { ...opts, resetsDaily: false })[0]).toBe(10);
  });
});

describe('sumHourly', () => {
  it('adds series hour by hour, an unknown making the hour unknown', () => {
    expect(sumHourly([[1, 2, null], [3, null, 5]], 3)).toEqual([4, null, null]);
    expect(sumHourly([], 2)).toEqual([0, 0]);
  });
});
