/** English: the source catalogue; every other language has exactly these keys. */
export const help = {
  // ---- /aicc help -------------------------------------------------------------------------------
  /** Header of the command list; `slash` is `/aicc`. */
  'list.title': '{slash} commands',
  'list.footer': 'Add `vdn:N` to pick a VDN and `public` to answer in the channel. Quote values with spaces: `name:"spring follow"`. `{slash} help COMMAND` explains one command.',
  /** `name` is what the user typed, escaped. */
  unknown: ':thinking_face: There is no command `{name}`.',
  'glossary.title': '*Glossary*',
  'glossary.dialled': '*Dialled*: calls placed today (CMS: the task total)',
  'glossary.connected': '*Connected*: dialled calls that were answered',
  'glossary.connectionRate': '*Connection rate*: connected ÷ dialled; alert metrics `connection_rate` (statistics) and `task_connection_rate` (CMS real-time)',
  'glossary.finished': '*Finished*: numbers that need no more calls',
  'glossary.remaining': '*Remaining*: numbers not dialled yet',
  'glossary.completionRate': '*Completion rate*: completed ÷ total of a task (CMS)',
  'glossary.autonomyRate': "*Autonomy rate*: a voice bot's self-service calls ÷ (self-service + handed to an agent)",
  'glossary.inconsistent': '*Inconsistent*: a figure the vendor sent that cannot be true (negative, or above its whole): shown as sent, left out of totals, rankings and alerts',
  /** `help COMMAND`: the command's one-line summary as a sentence. */
  'one.summary': '{summary}.',
  usage: '*Usage*',
  commands: '*Commands*',
  arguments: '*Arguments*',
  /** An argument the command can do without; `arg` is code such as `` `page:N` ``. */
  'arg.optional': '{arg} (optional)',
  /** `examples` are commands in backticks, joined with ` · `. */
  examples: 'Examples: {examples}',
  /** Under a usage error; `command` is e.g. `/aicc help campaigns`. */
  more: '`{command}` for more',

  // ---- options every command takes ---------------------------------------------------------------
  'option.vdn': 'which VDN, 1 to 9999 (default: the configured one)',
  'option.public': 'post the answer in the channel instead of only to you',
  'option.lang': "a language: en, zh-CN, es or pt-BR; `channel` for the channel's language",

  // ---- what a value must be: completes "`page` must be …" -----------------------------------------
  /** `choices` is a list of words joined with "or" in the reader's language. */
  'expected.oneOf': 'one of {choices}',
  'expected.wholeAtLeast': 'a whole number ≥ {min}',
  'expected.wholeFromTo': 'a whole number from {min} to {max}',
  'expected.identifier': "letters, digits, '-', '_' or '.' (at most {max})",
  'expected.date': 'YYYY-MM-DD',
  'expected.realDate': 'a real date, YYYY-MM-DD',
  'expected.someText': 'some text',
  'expected.atMostChars': 'at most {max} characters',
  'expected.channel': "a channel picked from Slack's # suggestions (so it arrives as a link), or a channel id such as `C0123ABCD`",
  /** `item` is a placeholder such as `ID`. */
  'expected.list': 'a comma-separated list of {item}',
  'expected.atMostItems': 'at most {max} items',
  /** `expected` is another of these phrases. */
  'expected.listItems': 'a list whose items are {expected}',
  'expected.callId': 'a call id such as `1644464743-1388` (digits, a dash, digits)',
  // Value specs of the alert and digest rows (features/alerts/command-values.ts, digests/schedule.ts).
  'expected.comparison': 'one of `&lt;`, `&lt;=`, `&gt;` or `&gt;=`',
  'expected.threshold': 'a number such as `40` or `40%` (rates are in percent)',
  /** `channel` is another of these phrases. */
  'expected.alertTarget': '`all` and/or one channel, {channel}',
  'expected.alertTargetTwoChannels': '`all` and/or one channel, not two channels',
  'expected.duration': 'a duration such as `10m`, `4h` or `1h30m` (at most {days, plural, one {# day} other {# days}})',
  'expected.durationOrOff': 'a duration such as `10m`, `4h` or `1h30m`, or `off` (at most {days, plural, one {# day} other {# days}})',
  'expected.durationPositive': 'a duration longer than 0',
  'expected.mention': "a user or group picked from Slack's @ suggestions (so it arrives as a mention)",
  /** `metric` is another of these phrases (the metric names). */
  'expected.ruleOrMetric': 'an alert rule number, or a metric: {metric}',
  'expected.timeOfDay': 'a 24-hour time HH:MM, e.g. `09:00` or `17:30`',
  'expected.days': '`daily`, `weekdays`, `weekends`, or days such as `mon-fri` or `sat,sun`',
  'expected.timeZone': 'an IANA time zone such as `Asia/Shanghai` or `America/New_York`',

  // ---- the command rows: summary (no final stop), details, arguments, options ----------------------
  'help.summary': 'List the commands, or explain one',
  'help.arg.command': 'a command name, e.g. `stats`',

  'campaigns.summary': 'List outbound campaigns with status, type, period and caller number',
  'campaigns.arg.status': 'which campaigns to list (default `running`)',
  'option.name': 'only names containing this text; quote it to include spaces',
  'option.type': '`ivr` for voice-bot campaigns, `agent` for campaigns that dial for agents',
  'option.page': 'which page of results (default 1)',

  'stats.summary': "Today's and all-time dialling figures, per campaign or for one",
  'stats.details': 'Without CAMPAIGN_ID it covers every campaign of the VDN. The vendor allows one refresh every five minutes, so an answer may be a few minutes old; it says so.',
  'stats.arg.campaignId': 'one campaign (default: all)',
  'option.batch': 'also show this batch of the campaign',

  'task.summary': 'Real-time progress of one outbound task (a campaign id)',
  'task.arg.taskId': 'the campaign id',

  'call.summary': 'The result of one call: outcome, codes, durations, times',
  'call.arg.callId': 'e.g. `1644464743-1388`',

  'bot.summary': 'A voice bot’s traffic: self-service, transfers, turns, autonomy rate',
  'bot.arg.accessCode': 'the bot’s access code',
  'bot.arg.period': '`hour`: one day by hour (default); `day`: the 30 days before `date`, one line a day',
  'option.date': 'with `hour`, the day to report; with `day`, the day the 30 days lead up to (default today)',

  'status.summary': 'Bot health: collector health, next digests, recent deliveries',

  'digest.arg.id': 'the digest number `digest list` shows',
  'digest.add.summary': 'Post a daily digest of campaign and bot figures to a channel',
  'digest.add.details':
    'Every option has a default: the current channel, `at:09:00`, `days:mon-fri`, the bot’s time zone, all campaigns of the VDN, no bots, `when:always`. ' +
    'Times follow the time zone, daylight saving included. With `when:changed` a digest is skipped when its figures are the same as the last one posted. ' +
    'Typed with no arguments, `digest add` opens a form with these fields and pickers (give any argument, e.g. `digest add at:09:00`, to subscribe at once).',
  'digest.add.arg.channel': 'where to post it (default: this channel)',
  'option.at': 'local time, 24-hour (default `09:00`)',
  'digest.add.option.days': '`daily`, `weekdays`, `weekends`, or days and ranges such as `mon-fri` or `mon,wed` (default `mon-fri`)',
  'option.tz': 'IANA time zone, e.g. `Asia/Shanghai` (default: the bot’s)',
  'option.campaigns': 'campaign ids, comma-separated, or `all` (default)',
  'option.bots': 'voice-bot access codes to include',
  'option.when': '`changed` skips a digest whose figures did not change (default `always`)',
  'digest.list.summary': 'List digests with their schedule, next run and last delivery',
  'digest.list.arg.channel': 'only the digests of this channel',
  'digest.remove.summary': 'Stop and delete a digest',
  'digest.pause.summary': 'Pause a digest; it keeps its settings',
  'digest.resume.summary': 'Resume a paused digest from its next scheduled time',
  'digest.run.summary': 'Post a digest now, outside its schedule',

  'alert.arg.id': 'the alert rule number `alert list` shows',
  'alert.add.summary': 'Alert a channel when a campaign or voice-bot metric crosses a threshold',
  'alert.add.details':
    'Metrics: `connection_rate` (connected ÷ dialled today, statistics), `task_connection_rate` and `completion_rate` (CMS real-time), `waiting` (calls waiting, CMS), ' +
    '`autonomy_rate` and `interface_success_rate` (voice bots, OIFDE, today so far). Rates are in percent: `connection_rate &lt; 40` means 40%. ' +
    'Defaults: `min:50` (no verdict on fewer dialled or bot calls today), `for:10m`, `clear` 5 points on the healthy side (for `waiting`, 5 calls or a tenth of the threshold, whichever is more), `repeat:4h`, this channel. ' +
    'An alert posts one message and keeps its updates in that message’s thread. ' +
    'Typed with no arguments, `alert add` opens a form with pickers and a preview of what the rule would have done; `alert test METRIC OP THRESHOLD …` shows that without saving.',
  'alert.add.arg.metric': '`connection_rate` (formerly `success_rate`), `task_connection_rate` (formerly `connect_rate`), `completion_rate`, `waiting`, `autonomy_rate` or `interface_success_rate`',
  'alert.add.arg.op': 'fire when the value is `&lt;`, `&lt;=`, `&gt;` or `&gt;=` the threshold',
  'alert.add.arg.threshold': 'rates in percent (`40` or `40%`), `waiting` in calls',
  'alert.add.arg.target': '`all` (every running campaign of the VDN, or every bot named in rules) and/or the channel to post to (default: this one)',
  'option.campaign': 'the campaign to watch',
  'option.bot': 'the voice bot (access code) to watch',
  'option.min': 'no verdict below this many dialled (or bot) calls today (default 50)',
  'option.for': 'how long the threshold must be crossed before firing (default `10m`)',
  'option.clear': 'the value at which a firing alert resolves (default: 5 points on the healthy side)',
  'option.repeat': 'remind in the thread this often while firing (default `4h`; `off` for never)',
  'option.mention': 'who to notify, picked from Slack’s @ suggestions',
  'alert.list.summary': 'List alert rules with their current state',
  'alert.list.arg.channel': 'only the rules posting to this channel',
  'alert.remove.summary': 'Delete an alert rule',
  'alert.mute.summary': 'Mute an alert rule for a while: it is still evaluated but posts nothing',
  'alert.mute.arg.length': 'e.g. `2h`, `30m`, or `tomorrow` (the next midnight)',
  'alert.unmute.summary': 'Unmute an alert rule; a still-firing alert gets one reminder',
  'alert.test.summary': 'Evaluate an alert rule now, and replay it over the stored history before or after saving it',
  'alert.test.details':
    '`alert test ID` says what rule ID would do now and what it did over the stored history. ' +
    '`alert test METRIC OP THRESHOLD …` takes a rule as `alert add` does, without saving it, and replays it over the stored snapshots ' +
    '(default the last 7 days, at most RETENTION_DAYS) through the same state machine as the live alerts: the incidents, when each fired and resolved, ' +
    'how long it stayed firing, what it would have posted, and how many hours the data was missing.',
  'alert.test.arg.rule': 'the alert rule number `alert list` shows, or a metric as in `alert add`',
  'alert.test.arg.op': 'with a metric: `&lt;`, `&lt;=`, `&gt;` or `&gt;=`',
  'alert.test.arg.threshold': 'with a metric: the threshold, as in `alert add`',
  'alert.test.arg.target': 'with a metric: `all` (a channel is accepted and ignored)',
  'alert.test.option.days': 'how many days back to replay (default 7, at most RETENTION_DAYS)',

  'lang.summary': "Your language and this channel's: show them, or choose one",
  'lang.details':
    "`lang` shows your language, this channel's and the ones available. `lang zh-CN` sets the language of this channel's posts (digests, alerts, public answers); " +
    "`lang default` returns it to the workspace default. `lang me es` sets the language of your own answers, whatever your Slack language; `lang me auto` follows Slack again.",
  'lang.arg.target': "a language (`en`, `zh-CN`, `es`, `pt-BR`) for this channel's posts, `default`, or `me` for your own answers",
  'lang.arg.choice': 'after `me`: a language, or `auto` to follow your Slack language',
} as const;
