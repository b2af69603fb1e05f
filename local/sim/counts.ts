/**
 * Outbound counts of a stream (and so of a batch or campaign) at an instant: O(days + hours) the
 * first time, then O(1) per call thanks to a memo of finished days and finished hours of today.
 * The memo is cleared whenever a scenario changes the past.
 */
import type { SimCampaign } from './campaigns.js';
import { dayTally, limitSec, slotOf, slotTally, startedBy, type RateSchedule, type Stream } from './streams.js';
import { HOUR_MS, type TenantCalendar } from './tz.js';

/** Everything the statistics and CMS endpoints report, as plain numbers. */
export interface Counts {
  /** Numbers loaded (finished + in progress + not yet called). */
  totalCount: number;
  unCallCount: number;
  totalCalled: number;
  totalConnected: number;
  totalFinished: number;
  dailyCalled: number;
  dailyConnected: number;
  dailyFinished: number;
  /** Today's workload: dialled today + queued now. */
  dailyCount: number;
  /** Calls started within the last minute, taken as still in progress. */
  inProgress: number;
  /** Numbers queued for the next minutes (running campaigns inside their dialling window). */
  waiting: number;
}

/** Calls younger than this (seconds) count as executing. */
const IN_PROGRESS_S = 60;

interface StreamMemo {
  /** Prior days summed: firstDay..priorThrough. */
  priorThrough: number;
  priorCalled: number;
  priorConnected: number;
  /** Today's finished hour slots summed: 0..slotsDone-1 of `day`. */
  day: number;
  slotsDone: number;
  doneCalled: number;
  doneConnected: number;
}

/** Per-stream memo of counts that can no longer change. */
export class TallyCache {
  private readonly memos = new Map<string, StreamMemo>();

  of(id: string): StreamMemo {
    let memo = this.memos.get(id);
    if (!memo) {
      memo = { priorThrough: -Infinity, priorCalled: 0, priorConnected: 0, day: NaN, slotsDone: 0, doneCalled: 0, doneConnected: 0 };
      this.memos.set(id, memo);
    }
    return memo;
  }

  clear(): void {
    this.memos.clear();
  }
}

export function zeroCounts(): Counts {
  return {
    totalCount: 0,
    unCallCount: 0,
    totalCalled: 0,
    totalConnected: 0,
    totalFinished: 0,
    dailyCalled: 0,
    dailyConnected: 0,
    dailyFinished: 0,
    dailyCount: 0,
    inProgress: 0,
    waiting: 0,
  };
}

export function addCounts(into: Counts, add: Counts): Counts {
  for (const key of Object.keys(into) as Array<keyof Counts>) into[key] += add[key];
  return into;
}

export function streamCounts(
  cal: TenantCalendar,
  cache: TallyCache,
  s: Stream,
  nowMs: number,
  today: number,
  running: boolean,
  rates?: RateSchedule,
): Counts {
  const limit = limitSec(s, nowMs);
  const nowSec = Math.floor(nowMs / 1000);
  const memo = cache.of(s.id);

  // Days before today never change (the clock may go back in tests: then start over).
  const lastPrior = Math.min(s.lastDay, today - 1);
  if (memo.priorThrough > lastPrior) Object.assign(memo, { priorThrough: -Infinity, priorCalled: 0, priorConnected: 0 });
  for (let day = Math.max(memo.priorThrough + 1, s.firstDay); day <= lastPrior; day++) {
    const t = dayTally(cal, s, day, limit, rates);
    memo.priorCalled += t.called;
    memo.priorConnected += t.connected;
    memo.priorThrough = day;
  }

  // Today's finished hours never change either; only the current hour is counted live.
  const dayStartSec = cal.dayStart(today) / 1000;
  const slots = cal.slotCount(today);
  const finished = Math.min(slots, Math.max(0, Math.floor((nowSec + 1 - dayStartSec) / 3600)));
  if (memo.day !== today || memo.slotsDone > finished) {
    Object.assign(memo, { day: today, slotsDone: 0, doneCalled: 0, doneConnected: 0 });
  }
  const done = { called: memo.doneCalled, connected: memo.doneConnected };
  for (let h = memo.slotsDone; h < finished; h++) slotTally(cal, s, today, h, limit, done, rates);
  Object.assign(memo, { slotsDone: finished, doneCalled: done.called, doneConnected: done.connected });
  const daily = { called: done.called, connected: done.connected };
  if (finished < slots) slotTally(cal, s, today, finished, limit, daily, rates);

  let inProgress = 0;
  let currentVolume = 0;
  if (running && today >= s.firstDay && today <= s.lastDay) {
    const slot = slotOf(cal, s, today, Math.floor((nowMs - cal.dayStart(today)) / HOUR_MS));
    const e = nowSec - slot.startSec;
    inProgress = startedBy(slot, e) - startedBy(slot, e - IN_PROGRESS_S);
    currentVolume = slot.v;
  }
  const totalCalled = memo.priorCalled + daily.called;
  const totalCount = s.listSize === 0 ? totalCalled : Math.max(s.listSize, totalCalled);
  const unCallCount = totalCount - totalCalled;
  const waiting = Math.min(unCallCount, Math.ceil(currentVolume / 12));
  return {
    totalCount,
    unCallCount,
    totalCalled,
    totalConnected: memo.priorConnected + daily.connected,
    totalFinished: totalCalled - inProgress,
    dailyCalled: daily.called,
    dailyConnected: daily.connected,
    dailyFinished: daily.called - inProgress,
    dailyCount: daily.called + waiting,
    inProgress,
    waiting,
  };
}

/** A batch's counts, named by its vendor batch id. */
export interface BatchCounts extends Counts {
  batchId: string;
}

/** A campaign's counts (the sum of its batches) and each batch's. */
export interface CampaignCounts {
  campaign: SimCampaign;
  total: Counts;
  /** One per vendor-visible batch (empty when the campaign has none). */
  batches: BatchCounts[];
}

export function campaignCounts(
  cal: TenantCalendar,
  cache: TallyCache,
  campaign: SimCampaign,
  nowMs: number,
  rates?: RateSchedule,
): CampaignCounts {
  const running = campaign.status === 2;
  const today = cal.dayOf(nowMs);
  const perStream: Counts[] = [];
  for (const s of campaign.streams) perStream.push(streamCounts(cal, cache, s, nowMs, today, running, rates));
  const total = zeroCounts();
  for (const c of perStream) addCounts(total, c);
  const batches = campaign.batches.map((b, i) => ({ ...(perStream[i] ?? zeroCounts()), batchId: b.batchId }));
  return { campaign, total, batches };
}
