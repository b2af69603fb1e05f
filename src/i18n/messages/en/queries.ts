/** English: the source catalogue; every other language has exactly these keys. */
export const queries = {
  /** A campaign without a name in the vendor's list. */
  noName: '(no name)',
  /** How many campaigns an answer covers, in its context line. */
  campaignCount: '{n, plural, one {# campaign} other {# campaigns}}',
  /** A chart's x axis: the hours of the tenant's day. */
  'chart.hourAxis': 'Hour ({zone})',
  'chart.callsAxis': 'Calls',
  /** A campaign status or device type code no vendor page defines: its label ("status unknown") and the code. */
  unknownCode: '{label} ({code})',

  // `/aicc campaigns`
  /** Header; `status` is the command word asked for (running, paused, completed, all). */
  'campaigns.title': '{status, select, running {Campaigns · running} paused {Campaigns · paused} completed {Campaigns · completed} other {Campaigns}}',
  'campaigns.page': 'page {page} of {pages}',
  /** `name` is what the user typed after `name:`, escaped. */
  'campaigns.filter.name': 'name contains “{name}”',
  'campaigns.filter.ivr': 'IVR only',
  'campaigns.filter.agent': 'agent campaigns only',
  'campaigns.pastLastPage': ':information_source: There is no page {page}: {total, plural, one {# campaign fills} other {# campaigns fill}} {pages, plural, one {# page} other {# pages}}, so this is the last one.',
  'campaigns.unreadable': ':warning: {n, plural, one {# campaign row the bot could not read is left out.} other {# campaign rows the bot could not read are left out.}}',
  'campaigns.none': '{status, select, running {No running campaigns match.} paused {No paused campaigns match.} completed {No completed campaigns match.} other {No campaigns match.}}',
  'campaigns.tryAll': 'Try `/aicc campaigns all` to see every status.',
  'campaigns.prev': '◀ Prev',
  'campaigns.next': 'Next ▶',
  'campaigns.column.campaign': 'Campaign',
  'campaigns.column.id': 'ID',
  'campaigns.column.status': 'Status',
  'campaigns.column.type': 'Type',
  'campaigns.column.period': 'Period',
  'campaigns.column.caller': 'Caller',
  /** A campaign's period; an unknown end is "…". */
  'campaigns.period': '{begin} → {end}',
  'campaigns.noPeriod': 'no period set',
  'campaigns.expired.title': 'That button has expired',
  'campaigns.expired.hint': 'Run `/aicc campaigns` again.',

  // `/aicc stats`
  'stats.title': 'Campaign stats',
  'stats.nextRefresh': 'Next refresh possible at {time} ({zone}); ask again then for newer figures.',
  'stats.empty': 'No campaign statistics were returned for this VDN.',
  'stats.inconsistent': ':warning: The vendor sent {n, plural, one {# figure} other {# figures}} that cannot be true (a negative count, or a part above its whole): shown as sent, marked inconsistent, and left out of rates, totals, rankings and alerts.',
  'stats.dialledToday': 'Dialled today',
  'stats.connectedToday': 'Connected today',
  'stats.connectionRate': 'Connection rate',
  'stats.finishedToday': 'Finished today',
  'stats.remaining': 'Remaining',
  /** The numbers on today's calling list. */
  'stats.todaysList': "Today's list",
  'stats.allTime': '*All time*',
  'stats.dialled': 'Dialled',
  'stats.connected': 'Connected',
  'stats.finished': 'Finished',
  'stats.total': 'Total in campaign',
  'stats.status': 'Status',
  'stats.running': 'Running',
  'stats.batches.none': '*Batches*\nNo batch figures were returned.',
  'stats.batches.title': '*Batches* ({n})',
  'stats.batches.more': '…and {n, plural, one {# more batch} other {# more batches}}. Ask for one with `batch:ID`.',
  /** One batch's figures today; `batch` is its id, escaped. */
  'stats.batchLine': '↳ batch `{batch}`: {dialled} dialled · {connected} connected ({rate}) · {finished} finished · {remaining} left',
  /** A total that covers only some campaigns. */
  'stats.partly': '{value} ({reported} of {campaigns})',
  /** The coverage notes (below), joined with " · ", as one sentence. */
  'stats.coverage': '{parts}.',
  'stats.coverage.reported': "{reported} of {campaigns} campaigns reported today's dialled and connected counts; the totals cover those {reported}",
  /** `n` campaigns sent impossible figures. */
  'stats.coverage.inconsistent': '{n} sent figures that cannot be true, left out of the totals',
  'stats.coverage.unreadable': '{n, plural, one {# row} other {# rows}} the bot could not read',
  'stats.column.campaign': 'Campaign',
  'stats.column.id': 'ID',
  'stats.column.status': 'Status',
  'stats.column.dialled': 'Dialled',
  'stats.column.connected': 'Connected',
  'stats.column.connectionRate': 'Connection rate',
  'stats.column.finished': 'Finished',
  'stats.column.left': 'Left',
  /** The status cell of a campaign the campaign list did not have. */
  'stats.statusUnknown': 'unknown',
  'stats.notListed': '(not listed)',
  /** A batch's row under its campaign in the table; `batch` is its id. */
  'stats.batchRow': '↳ batch {batch}',
  'stats.moreCampaigns': '…and {n, plural, one {# more campaign} other {# more campaigns}}, quieter today, not listed; the totals above include them. Ask for one with `/aicc stats CAMPAIGN_ID`.',
  'stats.chart.title': 'Today by hour: dialled and connected',
  'stats.notFound.campaign': 'No statistics for campaign `{campaign}` in VDN {vdn}.',
  'stats.notFound.campaignHint': 'Check the id with `/aicc campaigns all`.',
  'stats.notFound.batch': 'No batch `{batch}` in campaign `{campaign}` (VDN {vdn}).',

  // `/aicc task`
  'task.title': 'Task progress',
  /** A task whose campaign name is unknown; `id` is in backticks already. */
  'task.untitled': 'Task {id}',
  'task.complete': '{bar}  {percent} complete',
  'task.callsToday': '*Calls today*',
  'task.dialledTotal': 'Dialled (total)',
  'task.connected': 'Connected',
  'task.failed': 'Failed',
  'task.connectionRate': 'Connection rate',
  'task.standsNow': '*Where the task stands now*',
  'task.completed': 'Completed',
  'task.completionRate': 'Completion rate',
  'task.waiting': 'Waiting',
  'task.inProgress': 'In progress',
  'task.queueNote': 'Completed calls are part of the total (completion rate = completed ÷ total). Waiting (not dialled yet) and in progress (being dialled now) are the queue at this moment, counted apart, so the three need not add up to the total.',
  'task.inconsistent': ':warning: CMS sent {n, plural, one {# figure} other {# figures}} that cannot be true: shown as sent, marked inconsistent, and left out of rates and alerts.',
  'task.sum.unknown': 'Dialled = connected + failed + calls not yet settled (some counts are unknown).',
  'task.sum.equal': 'Connected {connected} + failed {failed} = {total} dialled.',
  'task.sum.less': 'Connected {connected} + failed {failed} = {settled} of {total} dialled; the other {open} have no result yet.',
  'task.sum.more': 'Connected {connected} + failed {failed} = {settled}, more than the {total} dialled: CMS counts them at different moments.',

  // `/aicc call`
  'call.title': 'Call result',
  'call.connected': ':white_check_mark: *Connected*',
  /** `fail` and `result` are codes in backticks, or "–". */
  'call.failed': ':x: *Failed*  ·  fail code {fail}  ·  result code {result}',
  'call.unknown': ':grey_question: *Outcome unknown*',
  /** An outcome the vendor gave a call status code no page defines. */
  'call.unknownStatus': ':grey_question: *Outcome unknown* (status {status})',
  'call.id': 'Call `{id}`',
  'call.called': 'Called number',
  'call.ring': 'Ring',
  'call.talk': 'Talk',
  'call.failCode': 'Fail code',
  'call.resultCode': 'Result code',
  'call.ringStarted': 'Ring started',
  'call.answered': 'Answered',
  'call.hungUp': 'Hung up',
  'call.notAnswered': 'not answered',
  'call.listen': 'Listen to the recording',
  'call.recordingNote': 'Only you can see this link; it is a pre-signed URL, do not share it.',
  'call.notFound': 'No call `{call}` in VDN {vdn}.',
  'call.notFoundHint': 'Call ids look like `1644464743-1388`; check the VDN with `vdn:N`.',

  // `/aicc bot`
  'bot.title': 'Voice bot traffic',
  /** `code` is the access code in backticks; `date` the day asked for. */
  'bot.scope.hour': ':robot_face: Bot {code}  ·  {date}, by hour',
  'bot.scope.day': ':robot_face: Bot {code}  ·  30 days before {date}, by day',
  'bot.unreadable': ':warning: {n, plural, one {# report row the bot could not read is left out of these figures.} other {# report rows the bot could not read are left out of these figures.}}',
  'bot.quiet': 'No traffic was reported for this bot and period.',
  'bot.unknownCode': 'No traffic was reported for {code}. AICC answers the same for an access code it does not know, so check the code.',
  'bot.knownCodes': 'Voice bots named in digests and alert rules: {codes}',
  'bot.calls': 'Calls',
  'bot.selfService': 'Self-service',
  'bot.toAgentBefore': 'To agent before consulting',
  'bot.toAgentAfter': 'To agent after consulting',
  'bot.leftAtOnce': 'Left at once',
  'bot.turns': 'Dialogue turns',
  'bot.turnsValue': '{turns} ({perCall} per call)',
  'bot.autonomyRate': 'Autonomy rate',
  'bot.interfaceSuccess': 'Interface success',
  /** Column headings of the fixed-width table: keep them short (a CJK character counts as two columns). */
  'bot.column.hour': 'Hour',
  'bot.column.day': 'Day',
  'bot.column.calls': 'Calls',
  'bot.column.self': 'Self',
  'bot.column.agentBefore': 'Agent<',
  'bot.column.agentAfter': 'Agent>',
  'bot.column.turns': 'Turns',
  'bot.column.autonomy': 'Autonomy',
  'bot.column.interface': 'Iface',
  /** Explains the two transfer columns; `<` and `>` written as the entities `&lt;` and `&gt;`. */
  'bot.columnNote': 'Agent&lt; = to an agent before consulting, Agent&gt; = after consulting',
  'bot.quietHours': '{n, plural, one {# hour} other {# hours}} without calls not shown',
  'bot.quietDays': '{n, plural, one {# day} other {# days}} without calls not shown',
  'bot.chart.calls': 'Calls by hour',
  'bot.chart.rates': 'Autonomy and interface success by hour (%)',
  /** Chart series names: at most 20 characters. */
  'bot.series.calls': 'Calls',
  'bot.series.selfService': 'Self-service',
  'bot.series.toAgent': 'To an agent',
  'bot.series.autonomy': 'Autonomy',
  'bot.series.interface': 'Interface success',
  /** Under the charts; `gaps` and `dropped` are the optional clauses below, or empty. */
  'bot.chart.note': 'The charts show the hourly rows below{gaps}{dropped}.',
  'bot.chart.gaps': '; hours left out where a figure is missing: {hours}',
  'bot.chart.dropped': '; not charted, too few figures: {series}',

  // Pickers (external selects in forms): option text, at most 75 characters.
  'pick.campaign': 'Campaign {id}',
  'pick.bot': 'Voice bot {code}',
  'pick.useCode': 'Use access code {code}',
} as const;
