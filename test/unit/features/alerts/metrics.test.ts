/** The metric table, comparisons, default clear levels, the notice state machine and time words. */
import { describe, expect, it } from 'vitest';
import { breaches, clears, defaultClear, formatThreshold, formatValue, METRICS } from '../../../../src/features/alerts/metrics.js';
import { noticeStep } from '../../../../src/features/alerts/notice-step.js';
import { durationWords, nextMidnight, parseDuration } from '../../../../src/features/alerts/time.js';
import type { ServiceNotice } from '../../../../src/store/service-notices.js';
import { translator } from '../../../../src/i18n/index.js';

const en = translator('en');

describe('metrics', () => {
  it('reads rates in percent with the day’s volume', () => {
    expect(METRICS.connection_rate.source).toBe('stats');
    if (METRICS.connection_rate.source === 'stats') {
      expect(METRICS.connection_rate.read({ campaignId: '1', dailyCalled: 400, dailyConnected: 124, batches: [] })).toEqual({ value: 31, volume: 400 });
      expect(METRICS.connection_rate.read({ campaignId: '1', dailyCalled: 0, dailyConnected: 0, batches: [] })).toEqual({ value: undefined, volume: 0 });
    }
    const task = { taskId: '1', total: 200, connected: 50, completed: 150, waiting: 12 };
    for (const [name, value] of [['task_connection_rate', 25], ['completion_rate', 75], ['waiting', 12]] as const) {
      const m = METRICS[name];
      if (m.source === 'cms') expect(m.read(task)).toEqual({ value, volume: 200 });
    }
    const rows = [
      { recordTime: new Date(), type: 'hour' as const, accessCode: 'b', calls: 100, exitConsulting: 60, staffNoConsult: 10, staffConsult: 10, interfaceRequests: 200, interfaceSuccesses: 150 },
      { recordTime: new Date(), type: 'hour' as const, accessCode: 'b', calls: 20, exitConsulting: 20, staffNoConsult: 0, staffConsult: 0 },
    ];
    const a = METRICS.autonomy_rate;
    const i = METRICS.interface_success_rate;
    if (a.source === 'oifde') expect(a.read(rows)).toEqual({ value: 80, volume: 120 });
    if (i.source === 'oifde') expect(i.read(rows)).toEqual({ value: 75, volume: 120 });
  });

  it('compares and clears with hysteresis in both directions', () => {
    expect(breaches('<', 40, 39.9)).toBe(true);
    expect(breaches('<', 40, 40)).toBe(false);
    expect(breaches('<=', 40, 40)).toBe(true);
    expect(breaches('>', 20, 21)).toBe(true);
    expect(breaches('>=', 20, 20)).toBe(true);
    expect(clears('<', 45, 44.9)).toBe(false);
    expect(clears('<', 45, 45)).toBe(true);
    expect(clears('<=', 40, 40)).toBe(false);
    expect(clears('>', 15, 15)).toBe(true);
    expect(clears('>=', 20, 20)).toBe(false);
  });

  it('clears five points on the healthy side for rates; 5 calls or a tenth for counts; halfway to zero at small thresholds', () => {
    expect(defaultClear(METRICS.connection_rate, '<', 40)).toBe(45);
    expect(defaultClear(METRICS.connection_rate, '<', 98)).toBe(100);
    // Small thresholds: halfway to zero rather than at zero, so the alert can resolve.
    expect(defaultClear(METRICS.interface_success_rate, '>', 3)).toBe(1.5);
    expect(defaultClear(METRICS.waiting, '>', 5)).toBe(3);
    expect(defaultClear(METRICS.waiting, '>', 1)).toBe(0);
    expect(defaultClear(METRICS.waiting, '>', 20)).toBe(15);
    expect(defaultClear(METRICS.waiting, '>', 200)).toBe(180);
    expect(defaultClear(METRICS.waiting, '<', 10)).toBe(15);
  });

  it('formats values in their unit', () => {
    expect(formatValue(en, METRICS.connection_rate, 31.24)).toBe('31.2%');
    expect(formatValue(en, METRICS.waiting, 1)).toBe('1 call');
    expect(formatValue(en, METRICS.waiting, 14)).toBe('14 calls');
    expect(formatValue(en, METRICS.waiting, undefined)).toBe('–');
    expect(formatThreshold(en, METRICS.connection_rate, 40)).toBe('40%');
    expect(formatThreshold(en, METRICS.waiting, 20)).toBe('20');
  });
});

describe('time words', () => {
  it('parses and prints durations', () => {
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('2d')).toBe(172_800);
    expect(parseDuration('10')).toBe(600);
    expect(parseDuration('soon')).toBeUndefined();
    expect(durationWords(5400)).toBe('1h 30m');
    expect(durationWords(14_400)).toBe('4h');
  });

  it('tomorrow is the next midnight in the tenant’s zone', () => {
    // 23:30 in Shanghai on the 20th → midnight of the 21st there.
    expect(new Date(nextMidnight(Date.parse('2026-11-20T15:30:00Z'), 'Asia/Shanghai')).toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2026-11-20T16:30:00Z'), 'Asia/Shanghai')).toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });
});

describe('noticeStep', () => {
  const T = Date.parse('2026-11-20T02:00:00Z');
  const outage = { since: T - 15 * 60_000, ruleCount: 14, channel: 'COPS', error: 'timeout' };
  const notice = (over: Partial<ServiceNotice>): ServiceNotice => ({ service: 'cms', state: 'ok', since: T - 3600_000, version: 2, updatedAt: T - 300_000, ...over });

  it('posts once when a service goes down and stays quiet while it is down', () => {
    expect(noticeStep(undefined, outage, T)).toMatchObject({ changed: true, actions: ['post-nodata'], next: { state: 'nodata', since: outage.since, reason: 'timeout' } });
    expect(noticeStep(notice({ state: 'nodata', messageTs: '1.1', messageChannel: 'COPS' }), outage, T)).toMatchObject({ changed: false, actions: [] });
  });

  it('says data is back once it has stayed back for a second tick, then forgets the message', () => {
    const down = notice({ state: 'nodata', since: outage.since, messageTs: '1.1', messageChannel: 'COPS' });
    const first = noticeStep(down, undefined, T);
    expect(first).toMatchObject({ changed: true, actions: [], next: { state: 'recovering', since: outage.since, messageTs: '1.1' } });
    const recovering = notice({ state: 'recovering', since: first.next.since, messageTs: '1.1', messageChannel: 'COPS' });
    expect(noticeStep(recovering, undefined, T + 300_000)).toMatchObject({ changed: true, actions: ['announce-back'], next: { state: 'ok', since: T + 300_000 } });
    expect(noticeStep(notice({}), undefined, T)).toMatchObject({ changed: false, actions: [] });
  });

  it('a single good tick inside a flaky outage says nothing, and the outage goes on in the same message', () => {
    const recovering = notice({ state: 'recovering', since: outage.since, messageTs: '1.1', messageChannel: 'COPS' });
    expect(noticeStep(recovering, outage, T)).toMatchObject({ changed: true, actions: [], next: { state: 'nodata', messageTs: '1.1' } });
  });

  it('retries a post or an announcement a crash left owed, but not one in flight', () => {
    expect(noticeStep(notice({ state: 'nodata' }), outage, T).actions).toEqual(['post-nodata']);
    expect(noticeStep(notice({ state: 'nodata', updatedAt: T - 1000 }), outage, T).actions).toEqual([]);
    expect(noticeStep(notice({ messageTs: '1.1', messageChannel: 'COPS' }), undefined, T).actions).toEqual(['announce-back']);
    // Down again before "back" was said: the old message is true again.
    expect(noticeStep(notice({ messageTs: '1.1', messageChannel: 'COPS' }), outage, T)).toMatchObject({ actions: [], next: { state: 'nodata', messageTs: '1.1' } });
  });
});
