/** English: the source catalogue; every other language has exactly these keys. */
export const digests = {
  // ---- the digest post (a channel reads it, in the digest's or the channel's language) ----
  /** The header of every digest. */
  title: 'AICC daily digest',
  /** Under the header: the local date, and the time zone name (IANA, kept as is). */
  dateLine: ':calendar: *{date}*  ·  {zone}',
  late: ':hourglass_flowing_sand: *Posted late.* This digest was due at {due}; the bot was not running then, so it comes at {now}.',
  /** Connection rate compared with the same time yesterday; `points` is already formatted (`12.0`). */
  'delta.up': 'up {points} points since yesterday',
  'delta.down': 'down {points} points since yesterday',
  'delta.same': 'same as yesterday',
  /** The first line of a VDN's totals. `running` is already formatted. */
  'vdn.heading': '*VDN {vdn}*  ·  {campaigns, plural, one {# campaign} other {# campaigns}}, {running} running',
  'vdn.totals': 'Dialled *{dialled}*  ·  connected *{connected}*  ·  connection rate *{rate}*',
  'vdn.totalsDelta': 'Dialled *{dialled}*  ·  connected *{connected}*  ·  connection rate *{rate}* ({delta})',
  'vdn.progress': 'Finished today {finished}  ·  remaining {remaining}',
  'vdn.none': 'No campaign in scope.',
  /** Some campaigns sent no dialled/connected counts today; `reported` is already formatted. */
  'vdn.partial': ":grey_question: {reported} of {campaigns, plural, one {# campaign} other {# campaigns}} reported today's dialled and connected counts; the totals cover those {reported}.",
  /** Subscribed campaign ids the VDN does not have; `ids` is a list of `code` spans. */
  'vdn.notFound': ':mag: Not found in VDN {vdn}: {ids}.',
  /** A shortened list: the first items, then how many more. */
  andMore: '{items} and {more} more',
  /** A campaign or bot the vendor sent without a name. */
  noName: '(no name)',
  'ranking.none': '*Best and worst*\nNo campaign has dialled {min} calls today, so none is ranked.',
  'ranking.best': '*Best connection rate* (campaigns with at least {min} dialled today)',
  'ranking.worst': '*Lowest connection rate*',
  /** A ranked campaign when the digest covers several VDNs. */
  'ranking.inVdn': '{campaign} (VDN {vdn})',
  /** `rate` is a percentage, `dialled` a formatted count. */
  'ranking.line': '{rank}. {campaign} — *{rate}* of {dialled} dialled',
  'ranking.lineDelta': '{rank}. {campaign} — *{rate}* of {dialled} dialled, {delta}',
  'bots.heading': '*Voice bots* (today)',
  'bots.noFigures': ':robot_face: {bot}: no figures',
  /** One voice bot; `calls` and `transferred` are formatted counts, the rest percentages. */
  'bots.line': ':robot_face: {bot}: {calls} calls  ·  autonomy {autonomy}  ·  {transferred} to an agent ({transferRate})  ·  interface success {interfaceRate}',
  'failures.heading': ':warning: *Not in this digest*: these sources could not be read.',
  /** A source that could not be read; `service` is a product name (CC-iSales, CC-CMS, OIFDE). */
  'failures.source':
    '{kind, select, campaigns {{service} campaign list (VDN {vdn})} statistics {{service} statistics (VDN {vdn})} bot {{service} bot {code}} cms {{service} real-time} other {{service}}}',
  'failures.line': '• *{source}*: {message}',
  'failures.lineSince': '• *{source}*: {message} (failing since {since})',
  /** The statistics shown are an older refresh; `reason` is the vendor's. */
  'failures.stale': 'showing figures as of an earlier refresh: {reason}',
  /** The freshness of one source, inside the "as of" lines (no zone: the header names it). */
  'asOf.at': 'as of {time}',
  'asOf.missing': 'not available',
  'asOf.vdn': "VDN {vdn}: campaign list {campaigns}  ·  statistics {statistics}  ·  yesterday's figures {yesterday}",
  'asOf.bots': 'Voice bots {at}',
  'asOf.bot': 'Bot {code} {at}',
  footer: 'Digest {id}  ·  `/aicc digest list` to see or change digests',
  threadPointer: ':thread: The table of all {n, plural, one {# campaign} other {# campaigns}} is in the thread.',
  /** The notification text of a digest's replies. */
  threadText: 'Digest, continued',
  /** Notification text of the digest post: plain figures, no vendor text. */
  'fallback.vdn': 'VDN {vdn}: {dialled} dialled, {rate} connected',
  'fallback.missing': '{n, plural, one {# source} other {# sources}} missing',
  /** Between the parts of the notification text. */
  'fallback.separator': '; ',
  'fallback.text': '{title} {date}: {parts}',
  'fallback.textLate': '{title} {date} (late): {parts}',
  /** A direct message to whoever created the digest. */
  failedDm: 'Your AICC digest {id} could not be posted to {channel}: {error}. Invite the bot to the channel or check `/aicc digest list`.',

  // ---- the campaign table ----
  'table.title': '*VDN {vdn} campaigns* ({n})',
  'table.campaign': 'Campaign',
  'table.id': 'ID',
  'table.status': 'Status',
  'table.dialled': 'Dialled',
  'table.connected': 'Connected',
  'table.rate': 'Connection rate',
  /** Short column header: the change of the connection rate, in percentage points. */
  'table.delta': 'Δ pts',
  /** Short column header: the finished share of the whole campaign. */
  'table.done': 'Done',
  /** A campaign the statistics have but the campaign list does not. */
  'table.notListed': '(not listed)',
  /** Explains the two short column headers; keep their words identical to `table.delta` and `table.done`. */
  'table.note': 'Δ pts = connection rate change in points since the same time yesterday  ·  Done = finished share of the whole campaign',

  // ---- the charts (series names at most 20 characters; titles at most 50) ----
  'chart.vdnTitle': 'VDN {vdn}: dialled and connected by hour',
  'chart.dialledToday': 'Dialled today',
  'chart.connectedToday': 'Connected today',
  'chart.dialledYesterday': 'Dialled yesterday',
  'chart.connectedYesterday': 'Connected yesterday',
  /** The x axis: hours of the day in the zone. */
  'chart.hour': 'Hour ({zone})',
  'chart.calls': 'Calls',
  'chart.unknown': '{n, plural, one {# campaign} other {# campaigns}} without figures left out',
  'chart.botCallsTitle': 'Voice bots: calls by hour',
  'chart.botAutonomyTitle': 'Voice bots: autonomy by hour (%)',
  'chart.autonomy': 'Autonomy %',
  'chart.quieterBots': '{n, plural, one {# quieter bot} other {# quieter bots}} not charted',

  // ---- schedules in words ----
  /** `09:00 Mon–Fri (Asia/Shanghai)`: `days` is `daily.days` or a list of weekdays. */
  schedule: '{time} {days} ({zone})',
  'schedule.daily': 'daily',
  /** Between days that are not a range: `Sat, Sun`. */
  'schedule.separator': ', ',
  'schedule.invalid': '{schedule} :warning: not a valid schedule',
  /** A short weekday name. */
  weekday: '{day, select, sun {Sun} mon {Mon} tue {Tue} wed {Wed} thu {Thu} fri {Fri} sat {Sat} other {{day}}}',
  /** A time in a list, with its weekday and the short zone name (`Mon 2026-11-23 09:00 GMT+8`). */
  when: '{weekday} {dateTime} {zone}',

  // ---- `/aicc digest list` and the confirmations (the reader's own language) ----
  'scope.all': 'all campaigns of VDN {vdn}',
  'scope.some': '{n, plural, one {# campaign} other {# campaigns}} of VDN {vdn} ({ids})',
  'scope.bots': '{campaigns}; {n, plural, one {# bot} other {# bots}} ({ids})',
  /** How often it posts. */
  whenMode: '{mode, select, changed {only when the figures changed} other {every time}}',
  /** The language a digest is posted in; `language` is the language's own name (简体中文). */
  'lang.own': 'in {language}',
  'lang.channel': "in the channel's language",
  'delivery.posted': ':white_check_mark: posted {at}',
  'delivery.late': ':hourglass: posted late {at}',
  'delivery.lateDue': ':hourglass: posted late {at} (due {due})',
  'delivery.unchanged': ':zzz: not posted {at}: nothing changed',
  'delivery.missed': ':x: missed: the bot was not running within the grace period',
  'delivery.missedDue': ':x: missed (due {due}): the bot was not running within the grace period',
  'delivery.failed': ':warning: failed {at}',
  'delivery.failedWhy': ':warning: failed {at}: {detail}',
  /** One delivery, for other answers (`/aicc status`). */
  'delivery.line': 'Digest {id} {channel}: {delivery}',
  'item.title': '*Digest {id}*  ·  {channel}',
  'item.titlePaused': '*Digest {id}*  ·  {channel}  ·  :double_vertical_bar: *paused*',
  'item.next': 'next {at}',
  'item.nextPaused': 'no run while paused',
  'item.noNext': 'no next run',
  /** `when` is `whenMode`, `language` is `lang.own` or `lang.channel`. */
  'item.covers': 'Covers {scope}  ·  posts {when}  ·  {language}',
  'item.last': 'Last: {delivery}',
  'list.title': 'Digests',
  'list.count': '{n, plural, one {# digest} other {# digests}}',
  'list.countIn': '{n, plural, one {# digest} other {# digests}} in {channel}',
  'list.empty': 'No digests yet.',
  'list.emptyIn': 'No digests in {channel} yet.',
  'list.emptyHint': 'Add one with `/aicc digest add #channel at:09:00 days:mon-fri`.',
  'list.footer': '*Run now* or `/aicc digest run ID` posts one now  ·  `pause ID` / `resume ID`  ·  `remove ID`',
  /** The button beside a digest (at most 75 characters). */
  'run.button': 'Run now',
  'added.headline': ':white_check_mark: *Digest {id} added.*',
  'saved.headline': ':white_check_mark: *Digest {id} saved.*',
  'added.where': '{channel} gets it at {schedule}.',
  'added.whereFirst': '{channel} gets it at {schedule}, first on {first}.',
  'added.commands': '`/aicc digest run {id}` posts it now  ·  `/aicc digest remove {id}` stops it',
  removed: ':wastebasket: *Digest {id} removed.*',
  removedFrom: ':wastebasket: *Digest {id} removed.* {channel} will not get it any more.',
  paused: ':double_vertical_bar: *Digest {id} paused.* {channel} gets nothing until `/aicc digest resume {id}`.',
  resumed: ':arrow_forward: *Digest {id} resumed.*',
  resumedNext: ':arrow_forward: *Digest {id} resumed.* Next: {at} ({zone}).',
  'run.started': ':outbox_tray: Posting digest {id} to {channel} now.',
  'run.tooSoon': ':hourglass: Digest {id} was posted to {channel} a moment ago; it can be posted again at {time} ({zone}).',
  'run.posted': ':white_check_mark: Digest {id} posted to {channel}.',
  'run.unchanged': ':zzz: Digest {id} was not posted: nothing changed since the last one.',
  'run.failed': ':warning: *Digest {id} could not be posted to {channel}.*',
  /** The title of an error (plain text, no mrkdwn). */
  'run.failedTitle': 'Digest {id} could not be posted',
  'run.failedHint': 'Invite the bot to the channel, or check its permissions.',
  /** A Run now button whose value is not a digest id. */
  'run.expired': 'That button has expired',
  notFound: ':thinking_face: There is no digest {id}.',
  'notFound.hint': '`/aicc digest list` shows the digests.',
  /** `digest add campaigns:…` named ids the VDN does not have; `ids` is a list of `code` spans. */
  'add.unknownCampaigns': 'VDN {vdn} has no campaign {ids}; the digest was not added.',
  'add.unknownCampaignsHint': '`/aicc campaigns all` lists the campaign ids.',

  /** Completes "`lang` must be …"; `languages` lists each tag with its own name. */

  // ---- the digest form (the reader's own language; modal titles at most 24 characters) ----
  'form.titleNew': 'New digest',
  'form.titleEdit': 'Edit digest {id}',
  'form.titleAdded': 'Digest {id} added',
  'form.titleSaved': 'Digest {id} saved',
  /** The title of a notice (refused, or the digest is gone). */
  'form.notice': 'Digest',
  'form.submitAdd': 'Add digest',
  'form.submitSave': 'Save',
  'form.channel': 'Post to',
  'form.channelPlaceholder': 'Pick a channel',
  'form.at': 'At',
  'form.days': 'On',
  'form.timeZone': 'Time zone',
  'form.timeZonePlaceholder': 'Search, e.g. Shanghai',
  'form.campaigns': 'Campaigns',
  'form.campaignsPlaceholder': 'All campaigns of the VDN',
  'form.campaignsHint': 'Leave empty for every campaign of the VDN.',
  'form.vdn': 'VDN (with all campaigns)',
  'form.bots': 'Voice bots',
  'form.botsPlaceholder': 'None',
  /** A picked voice bot before its name is known. */
  'form.bot': 'Voice bot {code}',
  'form.when': 'Post',
  'form.whenAlways': 'Every time',
  'form.whenChanged': 'Only when the figures changed',
  'form.lang': 'Language',
  /** The first choice of the language select: no language of its own. */
  'form.langHint': 'Everything in the digest is written in this language.',
  'form.note': 'The same digest as `/aicc digest add`; times follow the time zone, daylight saving included.',
  'form.pickDay': 'Pick at least one day',
  'form.pickAgain': 'Pick the campaigns again from the list',
  'form.oneVdn': 'A digest covers one VDN: pick campaigns of one VDN',
  /** Under the campaigns field: `ids` is a plain list of ids. */
  'form.unknownCampaigns': 'VDN {vdn} has no campaign {ids}',
} as const;
