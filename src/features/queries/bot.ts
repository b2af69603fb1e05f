/** `/aicc bot ACCESS_CODE [hour|day] [date:YYYY-MM-DD]` */
import { TZDate } from '@date-fns/tz';
import { LOCALE_INFO } from '../../i18n/index.js';
import { botCodesInUse } from '../../store/index.js';
import type { botCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderBot } from './render-bot.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { QueriesDeps } from './deps.js';

/** Noon of a `YYYY-MM-DD` day in the tenant's zone (noon: safely inside the day whatever DST does). */
function dayIn(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 12, 0, 0, timeZone).getTime());
}

export async function handleBot(input: ParsedCommand<typeof botCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  const { tr } = inv;
  const type = input.positional.period ?? 'hour';
  const day = input.options.date ? dayIn(input.options.date, deps.timeZone) : deps.clock();
  // Asked for this reader alone: the vendor writes its error text in their language where it can.
  const rows = await deps.aicc.oifde.callStatistics({ accessCode: input.positional.accessCode, type, day }, { locale: LOCALE_INFO[tr.locale].aicc });
  const knownCodes = rows.length === 0 ? await botCodesInUse(deps.store) : undefined;
  return renderBot({
    accessCode: input.positional.accessCode,
    type,
    date: tr.date(day, deps.timeZone),
    rows,
    ...(rows.unreadable ? { unreadable: rows.unreadable } : {}),
    ...(knownCodes ? { knownCodes } : {}),
    timeZone: deps.timeZone,
    fetchedAt: deps.clock(),
    tr,
  });
}
