/**
 * The bot's welcome message in the demo console: what to type, what the demo campaign is about to
 * do and when, and a **Run now** button for the seeded digest. Pure: data in, blocks out.
 */
import type { KnownBlock } from '@slack/types';
import { digestRunButton } from '../../src/features/digests/render-list.js';
import { describeSchedule } from '../../src/features/digests/schedule.js';
import { channelLink, escapeMrkdwn, formatTime } from '../../src/slack/format.js';
import { context, header, section } from '../../src/slack/render/blocks.js';
import type { AlertRule } from '../../src/store/alert-rules.js';
import type { DigestSubscription } from '../../src/store/digests.js';
import type { AlertForecast } from './predict.js';

export interface WelcomeView {
  vdn: number;
  /** Zone the scenario's times are shown in (the tenant's, as alert messages show them). */
  timeZone: string;
  campaign: { id: string; name: string };
  startAt: Date;
  collapseAt: Date;
  recoverAt: Date;
  /** Where the alerts go, when there is no rule to name it. */
  alertsChannelId: string;
  digest?: Pick<DigestSubscription, 'id' | 'channelId' | 'at' | 'days' | 'timeZone'>;
  rule?: Pick<AlertRule, 'id' | 'metric' | 'op' | 'threshold' | 'forS' | 'clearValue' | 'minVolume' | 'channelId'>;
  forecast?: AlertForecast;
  /**
   * The collector's interval. Real ticks start a few milliseconds late, so a `for` of whole ticks
   * can take one tick more: forecast times are shown as "from – to one tick later".
   */
  tickMs?: number;
}

const TRY = [
  ['/aicc help', 'every command, with examples'],
  ['/aicc stats', 'today’s figures for each campaign'],
  ['/aicc campaigns', 'the running campaigns'],
  ['/aicc digest list', 'the digests, each with a *Run now* button'],
  ['/aicc alert list', 'the alert rules and how they stand'],
] as const;

function scenarioText(v: WelcomeView): string {
  const at = (d: Date) => formatTime(d, v.timeZone);
  const around = (d: Date) => {
    const [from, to] = [at(d), at(new Date(d.getTime() + (v.tickMs ?? 0)))];
    return from === to ? from : `${from}–${to}`;
  };
  const lines = [
    `*What happens next:* the campaign *${escapeMrkdwn(v.campaign.name)}* (\`${escapeMrkdwn(v.campaign.id)}\`, VDN ${v.vdn}) started dialling at ${at(v.startAt)}, about 30 calls a minute.`,
    `• its success rate collapses at *${at(v.collapseAt)}* (from about 70% of calls connecting to 5%)`,
    `• and recovers at *${at(v.recoverAt)}* (95% connect).`,
  ];
  const r = v.rule;
  if (r) {
    const expect = [v.forecast?.firesAt && `fire around *${around(v.forecast.firesAt)}*`, v.forecast?.resolvesAt && `resolve around *${around(v.forecast.resolvesAt)}*`].filter(Boolean).join(' and ');
    lines.push(
      `Alert ${r.id} (\`${escapeMrkdwn(r.metric)} ${escapeMrkdwn(r.op)} ${r.threshold}\` for ${Math.round(r.forS / 60)} min, at least ${r.minVolume} dialled, clears at ${r.clearValue}%) watches it${expect ? `: it should ${expect}` : ''}. Watch ${channelLink(r.channelId)}.`,
    );
  } else {
    lines.push(`Watch it fail with an alert: type \`/aicc alert add connection_rate &lt; 40 campaign:${escapeMrkdwn(v.campaign.id)} min:20 for:1m clear:45\` in ${channelLink(v.alertsChannelId)}.`);
  }
  return lines.join('\n');
}

function scheduleWords(d: NonNullable<WelcomeView['digest']>): string {
  try {
    return describeSchedule(d);
  } catch {
    return 'its scheduled time';
  }
}

/** Renders the welcome message. */
export function renderWelcome(v: WelcomeView): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(':wave: Welcome to the AICC bot'),
    section('This page plays Slack for the bot, and the bot talks to a built-in AICC simulator. Type a command in the box below, as the person picked beside it.'),
    section(`*Try:*\n${TRY.map(([cmd, what]) => `• \`${cmd}\`: ${what}`).join('\n')}`),
    section(scenarioText(v)),
  ];
  const d = v.digest;
  if (d) {
    blocks.push({
      ...section(`*Digest ${d.id}* posts a summary of VDN ${v.vdn} to ${channelLink(d.channelId)} at ${scheduleWords(d)}. Post it now:`),
      accessory: digestRunButton(d.id),
    });
  }
  blocks.push(context(`Times are ${escapeMrkdwn(v.timeZone)}. Nothing here touches a real contact centre.`));
  return blocks;
}

/** The notification text of the welcome message. */
export function welcomeText(v: WelcomeView): string {
  return `Welcome to the AICC bot: the demo campaign collapses at ${formatTime(v.collapseAt, v.timeZone)} and recovers at ${formatTime(v.recoverAt, v.timeZone)}.`;
}
