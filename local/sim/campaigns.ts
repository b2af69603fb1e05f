/**
 * Generates the outbound campaigns of one VDN from the seed: statuses, device types, ids, names,
 * dates, batches and the dialling streams behind their counts. Pure: same inputs, same campaigns.
 */
import { expectedDaily, type RateSchedule, type Stream } from './streams.js';
import { hash32, intBetween, rng } from './random.js';
import { HOUR_MS, type TenantCalendar } from './tz.js';

/** 1 draft (undocumented, as in the vendor sample), 2 running, 3 paused, 4 completed. */
export type CampaignStatus = 1 | 2 | 3 | 4;

/** Most batches a campaign gets; part of the call id encoding. */
export const MAX_BATCHES = 4;

export const DEVICE_TYPES: readonly number[] = [1, 2, 3, 5, 6];

export interface SimBatch {
  /** The vendor batch id (the customField of the data rows). */
  batchId: string;
  stream: Stream;
}

export interface SimCampaign {
  vdn: number;
  /** Position in the VDN's list; part of the call id encoding. */
  index: number;
  id: number;
  name: string;
  status: CampaignStatus;
  deviceType: number;
  strBeginTime: string;
  strEndTime: string;
  callerNo: string;
  /** The vendor-visible batches; empty when the campaign has none. */
  batches: SimBatch[];
  /** One per batch, or a single one when there are no batches. */
  streams: Stream[];
  /** Paused campaigns: when dialling stopped. */
  pausedAt?: Date;
  /** Connect-rate changes the campaign is scripted with (the demo campaign's collapse and recovery). */
  script?: RateSchedule;
}

export interface GenerateOptions {
  seed: number;
  campaignsPerVdn: number;
  runningShare: number;
  calendar: TenantCalendar;
  /** The instant the world was created: "today" for dates and pauses. */
  anchorMs: number;
}

const NAMES = [
  '春季回访 Spring follow-up',
  '信用卡激活 Card activation',
  '满意度调查 CSAT survey',
  '账单提醒 Bill reminder',
  '续保通知 Renewal notice',
  '宽带升级 Broadband upgrade',
  '逾期提醒 Payment reminder',
  '新品推广 Product launch',
  '会员关怀 Member care',
  '预约确认 Appointment check',
  '物流通知 Delivery notice',
  '流量包推荐 Data plan offer',
  '贷款回访 Loan follow-up',
  'VIP客户关怀 VIP care',
  'SAAS_JST',
  '双十一预热 Singles Day',
];

const CALLER_NUMBERS = ['10080', '10080', '95555', '4008895588', '02150556666'];

/** How many campaigns get each status; every status appears once there are 4 or more. */
function statusPlan(n: number, runningShare: number): CampaignStatus[] {
  const drafts = n >= 4 ? Math.max(1, Math.round(n / 12)) : 0;
  const running = Math.min(n - drafts, Math.max(1, Math.round(n * runningShare)));
  const rest = n - drafts - running;
  const paused = Math.ceil(rest / 2);
  const plan: CampaignStatus[] = [];
  for (let i = 0; i < n; i++) plan.push(i < drafts ? 1 : i < drafts + running ? 2 : i < drafts + running + paused ? 3 : 4);
  return plan;
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function generateCampaigns(vdn: number, opts: GenerateOptions): SimCampaign[] {
  const { seed, calendar: cal, anchorMs } = opts;
  const n = opts.campaignsPerVdn;
  const next = rng(hash32(seed, vdn, 'campaigns'));
  const statuses = shuffle(statusPlan(n, opts.runningShare), next);
  const anchorDay = cal.dayOf(anchorMs);
  const deviceOffset = intBetween(next, 0, DEVICE_TYPES.length - 1);
  const nameOffset = intBetween(next, 0, NAMES.length - 1);
  const ids = new Set<number>();
  const campaigns: SimCampaign[] = [];

  for (let index = 0; index < n; index++) {
    const status = statuses[index] ?? 2;
    let id = 1_000_000_000 + (hash32(seed, vdn, index, 'id') % 1_147_000_000);
    while (ids.has(id)) id += 1;
    ids.add(id);
    const cycle = Math.floor(index / NAMES.length);
    const name = `${NAMES[(index + nameOffset) % NAMES.length]}${cycle > 0 ? ` ${cycle + 1}` : ''}`;
    const startHour = intBetween(next, 8, 9);
    const endHour = intBetween(next, 20, 21);

    let beginDay: number;
    let endDay: number;
    let pausedAtMs: number | undefined;
    if (status === 1) {
      beginDay = anchorDay + intBetween(next, 1, 10);
      endDay = beginDay + intBetween(next, 5, 30);
    } else if (status === 4) {
      endDay = anchorDay - intBetween(next, 1, 20);
      beginDay = endDay - intBetween(next, 3, 25);
    } else {
      beginDay = anchorDay - intBetween(next, status === 3 ? 2 : 1, 30);
      endDay = anchorDay + intBetween(next, 5, 60);
    }
    if (status === 3) {
      // Paused today at a round hour; or just now if that hour is still ahead; or yesterday
      // when the world starts before today's dialling began.
      const pauseHour = intBetween(next, 10, 15);
      const today = cal.dayStart(anchorDay);
      const todayPause = today + pauseHour * HOUR_MS;
      if (anchorMs >= todayPause) pausedAtMs = todayPause;
      else if (anchorMs > today + startHour * HOUR_MS) pausedAtMs = anchorMs;
      else pausedAtMs = cal.dayStart(anchorDay - 1) + pauseHour * HOUR_MS;
    }

    const dateOnly = status === 1 || next() < 0.25;
    const strBeginTime = dateOnly ? cal.formatDay(beginDay) : `${cal.formatDay(beginDay)} ${pad2(startHour)}:00:00`;
    const strEndTime = dateOnly ? cal.formatDay(endDay) : `${cal.formatDay(endDay)} 23:59:59`;

    const batchCount = status === 1 ? 2 : next() < 0.4 ? intBetween(next, 2, MAX_BATCHES) : 0;
    const base = 20 + next() * 180;
    const connect = 0.35 + next() * 0.5;
    const draftList = intBetween(next, 200, 5000);
    const weights = Array.from({ length: Math.max(1, batchCount) }, () => 0.5 + next());
    const weightSum = weights.reduce((a, b) => a + b, 0);

    const streams: Stream[] = weights.map((w, b) => {
      const share = w / weightSum;
      const stream: Stream = {
        id: `${vdn}:${index}:${b}`,
        key: hash32(seed, vdn, index, b, 'stream'),
        base: Math.max(1, base * share),
        connect: Math.min(0.85, Math.max(0.35, connect + (next() - 0.5) * 0.1)),
        startHour,
        endHour,
        firstDay: status === 1 ? Number.POSITIVE_INFINITY : beginDay,
        lastDay: status === 1 ? Number.NEGATIVE_INFINITY : pausedAtMs !== undefined ? cal.dayOf(pausedAtMs) : endDay,
        cutoffMs: pausedAtMs ?? Number.POSITIVE_INFINITY,
        listSize: 0,
      };
      if (status === 1) stream.listSize = Math.max(1, Math.round(draftList * share));
      else if (status !== 4) stream.listSize = Math.ceil(expectedDaily(stream) * (endDay - beginDay + 1) * 1.15);
      return stream;
    });

    const batchIds = new Set<string>();
    const batches: SimBatch[] = [];
    if (batchCount > 0) {
      streams.forEach((stream, b) => {
        let batchId = String(100_000 + (hash32(seed, vdn, index, b, 'batch') % 900_000));
        while (batchIds.has(batchId)) batchId = String(Number(batchId) + 1);
        batchIds.add(batchId);
        batches.push({ batchId, stream });
      });
    }

    campaigns.push({
      vdn,
      index,
      id,
      name,
      status,
      deviceType: DEVICE_TYPES[(index + deviceOffset) % DEVICE_TYPES.length] ?? 2,
      strBeginTime,
      strEndTime,
      callerNo: CALLER_NUMBERS[hash32(seed, vdn, index, 'caller') % CALLER_NUMBERS.length] ?? '10080',
      batches,
      streams,
      ...(pausedAtMs !== undefined ? { pausedAt: new Date(pausedAtMs) } : {}),
    });
  }
  return campaigns;
}
