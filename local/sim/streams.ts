/**
 * The hour model behind every outbound count. A campaign dials through one "stream" per batch
 * (or one stream when it has no batches). Within a stream, hour slot (day, hour) holds `v` calls
 * whose start times, order and outcomes are closed-form functions of the seed, so counting the
 * calls up to an instant is O(1) per slot and any single call can be decoded from its id.
 *
 * - call k of a slot starts at `slotStart + floor((3600k + u) / v)` seconds (k < v ≤ 3600);
 * - the first n calls hold `floor(n·p + φ)` connected ones (a Bresenham spread), so call k
 *   connected ⇔ that number grows between k and k+1; each rate change (a collapse, a scripted
 *   recovery) splits the slot at its instant and the calls after it follow the new rate;
 * - a stream that starts mid-hour (`fromMs`) keeps the slot's grid: the calls before it just do
 *   not exist (`Slot.first`).
 */
import { unit4 } from './random.js';
import type { TenantCalendar } from './tz.js';

/** One dialling stream: a campaign, or one batch of it. */
export interface Stream {
  /** Unique per stream, used for caching. */
  id: string;
  /** Hash base of the stream. */
  key: number;
  /** Mean calls per hour at shape 1. */
  base: number;
  /** Mean connect probability. */
  connect: number;
  /** Dialling window: local hour slots [startHour, endHour). */
  startHour: number;
  endHour: number;
  /** Local days with calls, inclusive; firstDay > lastDay never dials. */
  firstDay: number;
  lastDay: number;
  /** No call starts at or after this instant (a pause); Infinity when none. */
  cutoffMs: number;
  /** Numbers loaded into the stream; 0 means "exactly what was dialled" (completed). */
  listSize: number;
  /** No call starts before this instant (a stream that began mid-hour); absent when none. */
  fromMs?: number;
  /** The same volume every hour of the window and no hourly jitter in the connect rate. */
  flat?: boolean;
}

/** From `atMs` on, calls connect with probability `rate`. */
export interface RateChange {
  atMs: number;
  rate: number;
}

/** Rate changes in time order; before the first one a slot connects at its own rate. */
export type RateSchedule = readonly RateChange[];

export interface Slot {
  startSec: number;
  v: number;
  u: number;
  p: number;
  phi: number;
  phi2: number;
  /** Calls k < first do not exist (they would start before the stream's `fromMs`). */
  first: number;
  /** Hash inputs for the spread of a third or later rate phase. */
  key: number;
  day: number;
  hour: number;
}

export interface Tally {
  called: number;
  connected: number;
}

/** Relative dialling volume by local hour (the window picks a part of it). */
const DIAL_SHAPE = [
  0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.5, 0.6, 0.8, 1.1, 1.25, 1.15, 0.75, 0.85, 1.1, 1.2, 1.1, 0.95, 0.8, 0.7, 0.6, 0.5,
  0.4,
];

/** Calls of a stream in one hour slot. */
export function slotVolume(s: Stream, day: number, hour: number): number {
  if (day < s.firstDay || day > s.lastDay || hour < s.startHour || hour >= s.endHour) return 0;
  if (s.flat) return Math.min(3600, Math.round(s.base));
  const shape = DIAL_SHAPE[hour] ?? 0.5;
  return Math.min(3600, Math.round(s.base * shape * (0.7 + 0.6 * unit4(s.key, day, hour, 1))));
}

/** Expected calls of a full dialling day (used to size the number list). */
export function expectedDaily(s: Pick<Stream, 'base' | 'startHour' | 'endHour' | 'flat'>): number {
  if (s.flat) return s.base * Math.max(0, s.endHour - s.startHour);
  let sum = 0;
  for (let h = s.startHour; h < s.endHour; h++) sum += DIAL_SHAPE[h] ?? 0.5;
  return s.base * sum;
}

export function slotOf(cal: TenantCalendar, s: Stream, day: number, hour: number): Slot {
  const v = slotVolume(s, day, hour);
  const jitter = s.flat ? 0 : (unit4(s.key, day, hour, 2) - 0.5) * 0.1;
  const slot: Slot = {
    startSec: cal.dayStart(day) / 1000 + hour * 3600,
    v,
    u: Math.floor(unit4(s.key, day, hour, 3) * 3600),
    p: Math.min(0.98, Math.max(0.02, s.connect + jitter)),
    phi: unit4(s.key, day, hour, 4),
    phi2: unit4(s.key, day, hour, 5),
    first: 0,
    key: s.key,
    day,
    hour,
  };
  if (s.fromMs !== undefined) slot.first = rawStartedBy(slot, Math.ceil(s.fromMs / 1000) - 1 - slot.startSec);
  return slot;
}

/** Calls of the slot's grid (existing or not) started at or before `startSec + e`. Integer arithmetic: exact. */
function rawStartedBy(slot: Slot, e: number): number {
  if (e < 0 || slot.v === 0) return 0;
  const num = (e + 1) * slot.v - slot.u;
  if (num <= 0) return 0;
  return Math.min(slot.v, Math.floor((num + 3599) / 3600));
}

/** How many calls of the slot started at or before `startSec + e`. */
export function startedBy(slot: Slot, e: number): number {
  return Math.max(0, rawStartedBy(slot, e) - slot.first);
}

/** Start (epoch seconds) of call k of the slot. */
export function callStart(slot: Slot, k: number): number {
  return slot.startSec + Math.floor((3600 * k + slot.u) / slot.v);
}

/** The Bresenham offset of rate phase i (0: the slot's own rate; i: after the i-th change). */
function phaseOffset(slot: Slot, i: number): number {
  return i === 0 ? slot.phi : i === 1 ? slot.phi2 : unit4(slot.key, slot.day, slot.hour, 4 + i);
}

/**
 * Connected calls among the grid's first m (existing or not). Each phase spreads its own calls,
 * so the count grows by 0 or 1 per call across phase boundaries too.
 */
function rawConnected(slot: Slot, m: number, rates?: RateSchedule): number {
  let done = 0;
  let connected = 0;
  let rate = slot.p;
  let phase = 0;
  for (const change of rates ?? []) {
    const atSec = Math.ceil(change.atMs / 1000);
    const before = atSec <= slot.startSec ? 0 : rawStartedBy(slot, atSec - 1 - slot.startSec);
    if (m <= before) break;
    connected += Math.floor((before - done) * rate + phaseOffset(slot, phase));
    done = before;
    rate = change.rate;
    phase++;
  }
  return connected + Math.floor((m - done) * rate + phaseOffset(slot, phase));
}

/** Connected calls among the slot's first n existing calls. */
export function connectedAmong(slot: Slot, n: number, rates?: RateSchedule): number {
  if (n <= 0) return 0;
  return rawConnected(slot, slot.first + n, rates) - rawConnected(slot, slot.first, rates);
}

/** Whether call k of the slot connected. */
export function callConnected(slot: Slot, k: number, rates?: RateSchedule): boolean {
  return rawConnected(slot, k + 1, rates) > rawConnected(slot, k, rates);
}

/** The last second at which the stream may have started a call, given the current instant. */
export function limitSec(s: Stream, nowMs: number): number {
  return Math.min(Math.floor(nowMs / 1000), Math.ceil(s.cutoffMs / 1000) - 1);
}

/** Calls started (and connected) in one hour slot up to `limit` (epoch seconds, inclusive). */
export function slotTally(
  cal: TenantCalendar,
  s: Stream,
  day: number,
  hour: number,
  limit: number,
  into: Tally,
  rates?: RateSchedule,
): void {
  if (day < s.firstDay || day > s.lastDay || hour < s.startHour || hour >= s.endHour) return;
  const slot = slotOf(cal, s, day, hour);
  const n = startedBy(slot, limit - slot.startSec);
  if (n === 0) return;
  into.called += n;
  into.connected += connectedAmong(slot, n, rates);
}

/** Calls started (and connected) on one local day up to `limit` (epoch seconds, inclusive). */
export function dayTally(cal: TenantCalendar, s: Stream, day: number, limit: number, rates?: RateSchedule): Tally {
  const tally: Tally = { called: 0, connected: 0 };
  if (day < s.firstDay || day > s.lastDay) return tally;
  const slots = Math.min(cal.slotCount(day), s.endHour);
  for (let h = Math.max(0, s.startHour); h < slots; h++) slotTally(cal, s, day, h, limit, tally, rates);
  return tally;
}
