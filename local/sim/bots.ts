/**
 * OIFDE voice bots and their call statistics reports (by hour of one day, or by day over the 30
 * days before it), computed from the seed per hour slot like the outbound counts.
 */
import { digits, hash32, unit4 } from './random.js';
import { HOUR_MS, type TenantCalendar } from './tz.js';

export interface SimBot {
  index: number;
  /** 18 digits, like the vendor sample's "943370855474270208". */
  accessCode: string;
  name: string;
  key: number;
  /** Mean calls per hour at shape 1. */
  base: number;
}

/** The counts of one report row; the route adds tenantId, accessCode, type and the rate strings. */
export interface BotCounts {
  recordTime: number;
  callCount: number;
  exitNoConsultCount: number;
  callStaffNoConsultCount: number;
  callStaffConsultCount: number;
  exitConsultingCount: number;
  interactCount: number;
  interfaceRequestCount: number;
  interfaceSuccessCount: number;
}

/** Inbound traffic by local hour: nothing from 02:00 to 04:59, a peak late morning. */
const BOT_SHAPE = [
  0.1, 0.05, 0, 0, 0, 0.05, 0.2, 0.5, 0.9, 1.2, 1.3, 1.25, 0.9, 1.0, 1.2, 1.2, 1.1, 1.0, 0.8, 0.7, 0.6, 0.45, 0.3, 0.2,
];

const BOT_NAMES = ['账单查询 Billing bot', '报修助手 Repair bot', '套餐咨询 Plans bot', '物流查询 Parcel bot', '预约挂号 Booking bot'];

export function generateBots(seed: number, count: number): SimBot[] {
  const codes = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    let accessCode = `9${digits(17, seed, index, 'bot')}`;
    for (let i = 1; codes.has(accessCode); i++) accessCode = `9${digits(17, seed, index, 'bot', i)}`;
    codes.add(accessCode);
    const cycle = Math.floor(index / BOT_NAMES.length);
    return {
      index,
      accessCode,
      name: `${BOT_NAMES[index % BOT_NAMES.length]}${cycle > 0 ? ` ${cycle + 1}` : ''}`,
      key: hash32(seed, index, 'bot-key'),
      base: 10 + (hash32(seed, index, 'bot-base') % 150),
    };
  });
}

function emptyRow(recordTime: number): BotCounts {
  return {
    recordTime,
    callCount: 0,
    exitNoConsultCount: 0,
    callStaffNoConsultCount: 0,
    callStaffConsultCount: 0,
    exitConsultingCount: 0,
    interactCount: 0,
    interfaceRequestCount: 0,
    interfaceSuccessCount: 0,
  };
}

/** One hour slot; `fraction` < 1 for the hour in progress. */
function hourRow(bot: SimBot, day: number, hour: number, recordTime: number, fraction: number): BotCounts {
  const row = emptyRow(recordTime);
  const full = Math.round(bot.base * (BOT_SHAPE[hour] ?? 0.5) * (0.7 + 0.6 * unit4(bot.key, day, hour, 1)));
  const calls = Math.floor(full * fraction);
  if (calls === 0) return row;
  const exitNo = Math.floor(calls * (0.08 + 0.12 * unit4(bot.key, day, hour, 2)));
  const staffNo = Math.floor(calls * (0.12 + 0.15 * unit4(bot.key, day, hour, 3)));
  const staffConsult = Math.floor(calls * (0.08 + 0.12 * unit4(bot.key, day, hour, 4)));
  const exitConsulting = calls - exitNo - staffNo - staffConsult;
  row.callCount = calls;
  row.exitNoConsultCount = exitNo;
  row.callStaffNoConsultCount = staffNo;
  row.callStaffConsultCount = staffConsult;
  row.exitConsultingCount = exitConsulting;
  row.interactCount = exitNo + 2 * staffNo + 5 * staffConsult + 3 * exitConsulting;
  // Back-end lookups only in office hours, and not in every hour: those rows say "-1.0000".
  if (hour >= 7 && unit4(bot.key, day, hour, 5) >= 0.2) {
    const requests = Math.round(calls * (1 + 2 * unit4(bot.key, day, hour, 6)));
    row.interfaceRequestCount = requests;
    row.interfaceSuccessCount = requests - Math.round(requests * 0.12 * unit4(bot.key, day, hour, 7));
  }
  return row;
}

function sumRows(recordTime: number, rows: BotCounts[]): BotCounts {
  const total = emptyRow(recordTime);
  for (const row of rows) {
    for (const key of Object.keys(total) as Array<keyof BotCounts>) if (key !== 'recordTime') total[key] += row[key];
  }
  return total;
}

/** The hour rows of one local day, up to `nowMs` (the current hour partly). */
export function hourRows(cal: TenantCalendar, bot: SimBot, day: number, nowMs: number): BotCounts[] {
  const start = cal.dayStart(day);
  const rows: BotCounts[] = [];
  for (let hour = 0; hour < cal.slotCount(day); hour++) {
    const slotStart = start + hour * HOUR_MS;
    if (slotStart > nowMs) break;
    const fraction = Math.min(1, (nowMs - slotStart) / HOUR_MS);
    rows.push(hourRow(bot, day, hour, slotStart, fraction));
  }
  return rows;
}

/** One row per day for the 30 days before `day` (oldest first), each the sum of its hours. */
export function dayRows(cal: TenantCalendar, bot: SimBot, day: number, nowMs: number): BotCounts[] {
  const rows: BotCounts[] = [];
  for (let d = day - 30; d < day; d++) {
    const start = cal.dayStart(d);
    if (start > nowMs) break;
    rows.push(sumRows(start, hourRows(cal, bot, d, nowMs)));
  }
  return rows;
}

/** A rate as the vendor writes it: four decimals, or "-1.0000" when there is no denominator. */
export function rate4(numerator: number, denominator: number): string {
  return denominator === 0 ? '-1.0000' : (numerator / denominator).toFixed(4);
}
