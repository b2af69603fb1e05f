/**
 * `/aicc lang`: shows where the user's and the channel's languages come from, sets the channel's
 * (an administrator's change, like digests and alerts: it changes what everyone there reads), or
 * the user's own. Choices are stored; the resolver's cache is told so the next answer follows.
 */
import { LOCALES, parseLocale, translator } from '../../i18n/index.js';
import { echo } from '../../slack/format.js';
import { msg } from '../../slack/commands/message.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import { localesOf } from '../../slack/locales.js';
import { NotFound } from '../../slack/commands/not-found.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { audit, authorize } from '../../slack/permissions.js';
import type { langCommand } from './commands.js';
import type { LanguageDeps } from './deps.js';
import { renderChange, renderLanguages, type UserSource } from './render.js';

/** Words that return a choice to "follow the next rule". */
const CLEAR_CHANNEL = new Set(['default', 'reset', 'channel']);
const CLEAR_USER = new Set(['auto', 'slack', 'default', 'reset']);

export async function handleLang(input: ParsedCommand<typeof langCommand>, inv: Invocation, deps: LanguageDeps): Promise<HandlerResult> {
  const target = input.positional.target?.toLowerCase();
  const choice = input.positional.choice;
  const locales = localesOf(deps);
  const now = deps.clock().getTime();

  if (target === undefined || (target === 'me' && choice === undefined)) return show(inv, deps);

  if (target === 'me') {
    if (CLEAR_USER.has(choice!.toLowerCase())) {
      await deps.store.languages.clear('user', inv.userId);
      locales.forget('user', inv.userId);
      const nowLocale = await locales.forUser(inv.userId);
      return renderChange(translator(nowLocale), { kind: 'user-cleared', now: nowLocale });
    }
    const locale = parseLocale(choice);
    if (!locale) throw notFound(choice!);
    await deps.store.languages.set('user', inv.userId, locale, inv.userId, now);
    locales.forget('user', inv.userId);
    return renderChange(translator(locale), { kind: 'user-set', locale });
  }

  if (choice !== undefined) throw notFound(`${target} ${choice}`);
  authorize('set-channel-language', { userId: inv.userId, channelId: inv.channelId }, deps);
  if (CLEAR_CHANNEL.has(target)) {
    await deps.store.languages.clear('channel', inv.channelId);
    locales.forget('channel', inv.channelId);
    await audit(deps, inv, 'lang.channel.clear', inv.channelId);
    return renderChange(inv.tr, { kind: 'channel-cleared', fallback: locales.fallback });
  }
  const locale = parseLocale(target);
  if (!locale) throw notFound(target);
  await deps.store.languages.set('channel', inv.channelId, locale, inv.userId, now);
  locales.forget('channel', inv.channelId);
  await audit(deps, inv, 'lang.channel.set', inv.channelId, { locale });
  return renderChange(inv.tr, { kind: 'channel-set', locale });
}

/** What was typed, echoed safely, and the words `lang` understands. */
function notFound(typed: string): NotFound {
  return new NotFound(msg('language.unknown', { typed: echo(typed, 20) }), msg('language.unknownHint', { languages: LOCALES.join(', ') }));
}

async function show(inv: Invocation, deps: LanguageDeps): Promise<HandlerResult> {
  const locales = localesOf(deps);
  const [chosen, channel, slack] = await Promise.all([
    deps.store.languages.get('user', inv.userId),
    deps.store.languages.get('channel', inv.channelId),
    locales.slackLocaleOf(inv.userId),
  ]);
  const source: UserSource = chosen ? 'chosen' : slack ? 'slack' : 'default';
  const locale = chosen ?? slack ?? locales.fallback;
  // The user's own language, even when the question was asked `public`ly.
  return renderLanguages(translator(locale), { user: { locale, source }, channel, fallback: locales.fallback });
}
