/**
 * The console demo, started by the composition root once the bot runs: seeds the store (./seed.ts)
 * and posts the bot's welcome message (./welcome.ts), which says when the simulator's demo campaign
 * collapses and recovers, when its alert should fire and resolve, and who to type as to see the
 * bot in another language. The welcome is a channel post: in the channel's language.
 */
import type { WebClient } from '@slack/web-api';
import { DEFAULT_LOCALE, parseLocale, translator, type Locale } from '../../src/i18n/index.js';
import type { Clock } from '../../src/platform/clock.js';
import type { Logger } from '../../src/platform/log.js';
import type { World } from '../sim/world.js';
import type { Store } from '../../src/store/index.js';
import { forecastAlert, type AlertForecast } from './predict.js';
import { seedDemo, type DemoSetup } from './seed.js';
import { renderWelcome, welcomeText } from './welcome.js';

export interface DemoDeps {
  store: Store;
  /** The bot's Web API client (bot token, the fake Slack's URL). */
  client: Pick<WebClient, 'chat'>;
  /** The embedded simulator's world, built with its demo campaign. */
  world: Pick<World, 'demo' | 'demoCampaign' | 'counts'>;
  clock: Clock;
  log: Logger;
  vdn: number;
  /** The tenant's zone: how the scenario's times are shown. */
  timeZone: string;
  /** Zone of the seeded digest (the bot's default for new digests). */
  botTimeZone: string;
  /** The collector's interval, for the forecast. */
  intervalMs: number;
  /** The console's channels and admin (see ../console/demo.ts). */
  welcomeChannelId: string;
  alertsChannelId: string;
  adminUserId: string;
  /** BOT_LOCALE: the welcome's language unless its channel chose one. */
  locale?: Locale;
  /** The people of the console, with their Slack language (`es-LA`, `zh-CN`, …). */
  people?: ReadonlyArray<{ realName: string; locale?: string }>;
}

/** Seeds and welcomes; undefined when the world has no demo campaign. */
export async function startDemo(deps: DemoDeps): Promise<DemoSetup | undefined> {
  const campaign = deps.world.demoCampaign(deps.vdn);
  const timeline = deps.world.demo;
  if (!campaign || !timeline) return undefined;
  const campaignId = String(campaign.id);
  const setup = await seedDemo({
    store: deps.store,
    now: deps.clock(),
    vdn: deps.vdn,
    campaignId,
    timeZone: deps.botTimeZone,
    channelId: deps.alertsChannelId,
    userId: deps.adminUserId,
  });
  if (setup.seeded) deps.log.info('demo: seeded a digest and an alert rule', { digest: setup.digest?.id, rule: setup.rule?.id, campaign: campaignId });

  let forecast: AlertForecast | undefined;
  if ((setup.rule?.metric === 'connection_rate' || setup.rule?.metric === 'success_rate')) {
    const read = (at: Date) => {
      const t = deps.world.counts(campaign, at).total;
      return { value: t.dailyCalled > 0 ? (t.dailyConnected / t.dailyCalled) * 100 : undefined, volume: t.dailyCalled };
    };
    forecast = forecastAlert(setup.rule, read, { from: deps.clock(), until: new Date(timeline.recoverAt.getTime() + 30 * 60_000), intervalMs: deps.intervalMs });
  }
  const view = {
    vdn: deps.vdn,
    timeZone: deps.timeZone,
    campaign: { id: campaignId, name: campaign.name },
    ...timeline,
    alertsChannelId: deps.alertsChannelId,
    ...(setup.digest ? { digest: setup.digest } : {}),
    ...(setup.rule ? { rule: setup.rule } : {}),
    ...(forecast ? { forecast } : {}),
    tickMs: deps.intervalMs,
    people: (deps.people ?? []).map((p) => ({ name: p.realName, locale: parseLocale(p.locale) ?? DEFAULT_LOCALE })),
  };
  const channelLocale = await deps.store.languages.get('channel', deps.welcomeChannelId).catch(() => undefined);
  const tr = translator(channelLocale ?? deps.locale ?? DEFAULT_LOCALE);
  await deps.client.chat.postMessage({ channel: deps.welcomeChannelId, blocks: renderWelcome(view, tr), text: welcomeText(view, tr), unfurl_links: false });
  return setup;
}
