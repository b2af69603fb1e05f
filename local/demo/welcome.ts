/**
 * The bot's welcome message in the demo console: what to type, what the demo campaign is about to
 * do and when, who reads Slack in another language, and a **Run now** button for the seeded
 * digest. Pure: data and a translator in, blocks out. Its words are the console's (`consoleUi`).
 */
import type { KnownBlock } from '@slack/types';
import { digestRunButton } from '../../src/features/digests/render-list.js';
import { describeSchedule } from '../../src/features/digests/schedule.js';
import { LOCALE_INFO, translator, type Locale, type MessageValues, type Translator } from '../../src/i18n/index.js';
import { channelLink, escapeMrkdwn } from '../../src/slack/format.js';
import { context, header, section } from '../../src/slack/render/blocks.js';
import type { AlertRule } from '../../src/store/alert-rules.js';
import type { DigestSubscription } from '../../src/store/digests.js';
import type { ConsoleKey } from '../console/l10n.js';
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
  /** The demo people who read Slack in another language than the message's, to type as. */
  people?: ReadonlyArray<{ name: string; locale: Locale }>;
}

const TRY: ReadonlyArray<readonly [string, ConsoleKey]> = [
  ['/aicc help', 'welcome.try.help'],
  ['/aicc stats', 'welcome.try.stats'],
  ['/aicc campaigns', 'welcome.try.campaigns'],
  ['/aicc digest list', 'welcome.try.digestList'],
  ['/aicc alert list', 'welcome.try.alertList'],
  ['/aicc lang', 'welcome.try.lang'],
];

const say = (tr: Translator, key: ConsoleKey, values?: MessageValues) => tr.t(`consoleUi.${key}`, values);

function scenarioText(v: WelcomeView, tr: Translator): string {
  const at = (d: Date) => tr.time(d, v.timeZone);
  const around = (d: Date) => {
    const [from, to] = [at(d), at(new Date(d.getTime() + (v.tickMs ?? 0)))];
    return from === to ? from : `${from}–${to}`;
  };
  const lines = [
    say(tr, 'welcome.start', { name: escapeMrkdwn(v.campaign.name), id: escapeMrkdwn(v.campaign.id), vdn: String(v.vdn), time: at(v.startAt) }),
    say(tr, 'welcome.collapse', { time: at(v.collapseAt) }),
    say(tr, 'welcome.recover', { time: at(v.recoverAt) }),
  ];
  const r = v.rule;
  if (r) {
    const fires = v.forecast?.firesAt;
    const resolves = v.forecast?.resolvesAt;
    const forecast = fires && resolves ? 'both' : fires ? 'fires' : resolves ? 'resolves' : 'none';
    lines.push(
      say(tr, 'welcome.alert', {
        id: String(r.id),
        rule: `${escapeMrkdwn(r.metric)} ${escapeMrkdwn(r.op)} ${r.threshold}`,
        minutes: String(Math.round(r.forS / 60)),
        volume: tr.count(r.minVolume),
        clear: String(r.clearValue),
        forecast,
        fires: fires ? around(fires) : '',
        resolves: resolves ? around(resolves) : '',
        channel: channelLink(r.channelId),
      }),
    );
  } else {
    const command = `\`/aicc alert add connection_rate &lt; 40 campaign:${escapeMrkdwn(v.campaign.id)} min:20 for:1m clear:45\``;
    lines.push(say(tr, 'welcome.alertHowTo', { command, channel: channelLink(v.alertsChannelId) }));
  }
  return lines.join('\n');
}

function digestText(v: WelcomeView, d: NonNullable<WelcomeView['digest']>, tr: Translator): string {
  const values = { id: String(d.id), vdn: String(v.vdn), channel: channelLink(d.channelId) };
  try {
    return say(tr, 'welcome.digest', { ...values, schedule: describeSchedule(d, tr) });
  } catch {
    return say(tr, 'welcome.digestUnscheduled', values);
  }
}

/** "王芳 (简体中文) and João Pereira (Português (Brasil))": the people to type as, in the message's words. */
function peopleText(v: WelcomeView, tr: Translator): string | undefined {
  const others = (v.people ?? []).filter((p) => p.locale !== tr.locale);
  if (others.length === 0) return undefined;
  return say(tr, 'welcome.languages', { people: tr.list(others.map((p) => `${escapeMrkdwn(p.name)} (${LOCALE_INFO[p.locale].name})`)) });
}

/** Renders the welcome message, in `tr`'s language (the channel's). */
export function renderWelcome(v: WelcomeView, tr: Translator = translator()): KnownBlock[] {
  const people = peopleText(v, tr);
  const blocks: KnownBlock[] = [
    header(say(tr, 'welcome.title')),
    section(say(tr, 'welcome.intro')),
    section(`${say(tr, 'welcome.try')}\n${TRY.map(([cmd, what]) => `• \`${cmd}\`: ${say(tr, what)}`).join('\n')}`),
    ...(people ? [section(people)] : []),
    section(scenarioText(v, tr)),
  ];
  const d = v.digest;
  if (d) blocks.push({ ...section(digestText(v, d, tr)), accessory: digestRunButton(d.id, tr) });
  blocks.push(context(say(tr, 'welcome.footer', { zone: escapeMrkdwn(v.timeZone) })));
  return blocks;
}

/** The notification text of the welcome message. */
export function welcomeText(v: WelcomeView, tr: Translator = translator()): string {
  return say(tr, 'welcome.text', { collapse: tr.time(v.collapseAt, v.timeZone), recover: tr.time(v.recoverAt, v.timeZone) });
}
