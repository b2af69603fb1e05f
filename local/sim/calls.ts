/**
 * Single calls: ids in the vendor's style ("1644464743-1388": start epoch seconds, a dash, a
 * sequence number), decoding an id back to its slot, and the call's details. The sequence number
 * packs the campaign index, the batch and the call's rank in its hour slot, so no call is stored.
 */
import { createHash, createHmac } from 'node:crypto';
import { MAX_BATCHES, type SimCampaign } from './campaigns.js';
import { callConnected, callStart, limitSec, slotOf, type RateSchedule } from './streams.js';
import { digits, hash32 } from './random.js';
import { HOUR_MS, type TenantCalendar } from './tz.js';

export interface CallRecord {
  callId: string;
  vdnId: number;
  campaignId: string;
  batchId?: string;
  called: string;
  connected: boolean;
  /** Epoch seconds: ring start, answer (connected calls only), hang-up. */
  ackBeginSec: number;
  callBeginSec?: number;
  callEndSec: number;
  failCode: string;
  resultCode: string;
  /** Connected calls: a fake pre-signed recording URL (a secret while valid). */
  recordPath?: string;
}

/** Failure reasons: CTI fail code and the display result code paired with it (invented, vendor-like). */
const FAILURES: ReadonlyArray<readonly [string, string]> = [
  ['00602', 'OB00602'], // no answer
  ['00602', 'OB00602'],
  ['00602', 'OB00602'],
  ['00600', 'OB00600'], // busy
  ['00600', 'OB00600'],
  ['00601', 'OB00601'], // rejected
  ['00604', 'OB00604'], // powered off
  ['00605', 'OB00605'], // number does not exist
];

export function encodeCallId(startSec: number, campaignIndex: number, batch: number, k: number, perVdn: number): string {
  return `${startSec}-${(k * MAX_BATCHES + batch) * perVdn + campaignIndex}`;
}

export function decodeCallId(
  callId: string,
  perVdn: number,
): { startSec: number; campaignIndex: number; batch: number; k: number } | undefined {
  const m = /^(\d{9,11})-(\d{1,15})$/.exec(callId);
  if (!m) return undefined;
  const seq = Number(m[2]);
  const campaignIndex = seq % perVdn;
  const rest = (seq - campaignIndex) / perVdn;
  return { startSec: Number(m[1]), campaignIndex, batch: rest % MAX_BATCHES, k: Math.floor(rest / MAX_BATCHES) };
}

/**
 * The details of call k of a slot, or undefined when no such call happened (yet) or it has not
 * ended by `nowMs` (the record is written at hang-up).
 */
export function lookupCall(
  seed: number,
  cal: TenantCalendar,
  campaigns: readonly SimCampaign[],
  callId: string,
  nowMs: number,
  ratesOf: (campaign: SimCampaign) => RateSchedule | undefined,
): CallRecord | undefined {
  const decoded = decodeCallId(callId, Math.max(1, campaigns.length));
  if (!decoded) return undefined;
  const campaign = campaigns[decoded.campaignIndex];
  const stream = campaign?.streams[decoded.batch];
  if (!campaign || !stream) return undefined;
  const { startSec, k } = decoded;
  const day = cal.dayOf(startSec * 1000);
  const hour = Math.floor((startSec * 1000 - cal.dayStart(day)) / HOUR_MS);
  const slot = slotOf(cal, stream, day, hour);
  if (k >= slot.v || k < slot.first || callStart(slot, k) !== startSec || startSec > limitSec(stream, nowMs)) return undefined;

  const connected = callConnected(slot, k, ratesOf(campaign));
  const h = hash32(stream.key, startSec, k);
  const ring = 3 + (h % 15);
  const talk = 20 + ((h >>> 4) % 280);
  const failRing = 8 + ((h >>> 12) % 40);
  const callEndSec = connected ? startSec + ring + talk : startSec + failRing;
  if (callEndSec * 1000 > nowMs) return undefined;
  const failure = FAILURES[(h >>> 20) % FAILURES.length] ?? ['00602', 'OB00602'];
  const mobile = (h >>> 8) % 10 < 6;
  const called = mobile ? `1${'3589'[(h >>> 10) % 4]}${digits(9, stream.key, startSec, k)}` : `8${digits(7, stream.key, startSec, k)}`;
  const batchId = campaign.batches[decoded.batch]?.batchId;
  const record: CallRecord = {
    callId,
    vdnId: campaign.vdn,
    campaignId: String(campaign.id),
    ...(batchId !== undefined ? { batchId } : {}),
    called,
    connected,
    ackBeginSec: startSec,
    ...(connected ? { callBeginSec: startSec + ring } : {}),
    callEndSec,
    failCode: connected ? '00000' : failure[0],
    resultCode: connected ? 'OB99999' : failure[1],
  };
  if (connected) record.recordPath = recordUrl(seed, record);
  return record;
}

/** A fake pre-signed object-storage URL, shaped like the vendor sample (a secret while valid). */
export function recordUrl(seed: number, record: CallRecord): string {
  const folder = createHash('sha256').update(`${seed}:${record.vdnId}:${record.campaignId}`).digest('hex').toUpperCase();
  const id = createHash('sha256').update(`${seed}:${record.callId}`).digest('hex');
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
  const accessKeyId = `SIMOBS${createHash('sha1').update(`ak:${seed}`).digest('hex').slice(0, 14).toUpperCase()}`;
  const expires = record.callEndSec + 6 * 3600;
  const signature = createHmac('sha1', `sim-obs-${seed}`).update(`${record.callId}:${expires}`).digest('base64');
  return (
    `https://sim-aicc-obs.example.com:443/isales/record/${folder}/${uuid}` +
    `?AccessKeyId=${accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`
  );
}

/** The most recent finished calls of a campaign, newest first. */
export function recentCallIds(
  seed: number,
  cal: TenantCalendar,
  campaigns: readonly SimCampaign[],
  campaign: SimCampaign,
  limit: number,
  nowMs: number,
  ratesOf: (campaign: SimCampaign) => RateSchedule | undefined,
): string[] {
  const out: string[] = [];
  const perVdn = Math.max(1, campaigns.length);
  const today = cal.dayOf(nowMs);
  const firstDay = Math.min(...campaign.streams.map((s) => s.firstDay));
  for (let day = today; day >= Math.max(firstDay, today - 60) && out.length < limit; day--) {
    for (let hour = cal.slotCount(day) - 1; hour >= 0 && out.length < limit; hour--) {
      const found: Array<[number, string]> = [];
      campaign.streams.forEach((stream, b) => {
        const slot = slotOf(cal, stream, day, hour);
        const last = limitSec(stream, nowMs);
        // Newest first; the few newest may still be ringing (not found), so scan a little past the limit.
        for (let k = slot.v - 1, taken = 0; k >= slot.first && taken < limit + 5; k--) {
          const start = callStart(slot, k);
          if (start > last) continue;
          const id = encodeCallId(start, campaign.index, b, k, perVdn);
          if (lookupCall(seed, cal, campaigns, id, nowMs, ratesOf)) {
            found.push([start, id]);
            taken++;
          }
        }
      });
      found.sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1]));
      for (const [, id] of found) if (out.length < limit) out.push(id);
    }
  }
  return out;
}
