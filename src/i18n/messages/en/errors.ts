/** English: the source catalogue; every other language has exactly these keys. */
export const errors = {
  // ---- usage errors: what the parser found wrong (user text in values is escaped) ------------------
  'usage.tooLong': 'That is {length, number} characters long; a command is at most {max, number}.',
  'usage.unclosedQuote': 'a double quote is not closed',
  'usage.noCommand': 'no command given',
  /** `subs` lists the subcommands as code (`` `add`, `list` ``). */
  'usage.needsSubcommand': '`{typed}` needs one of {subs}',
  'usage.notSubcommand': '`{typed}` is not a command; `{word}` takes {subs}',
  'usage.unknownCommand': 'unknown command `{typed}`',
  'usage.unknownCommandSuggest': 'unknown command `{typed}`. Did you mean `{suggestion}`?',
  /** `label` is an argument as code or a placeholder (`TASK_ID`, `` `time:HH:MM` ``). */
  'usage.needsArgument': '`{command}` needs {label}',
  /** `expected` is a `help.expected.*` phrase; `raw` what was typed. */
  'usage.mustBe': '{label} must be {expected}, not `{raw}`',
  'usage.unexpected': 'unexpected `{word}`',
  'usage.notAnOption': '`{key}` is not an option of `{command}`',
  /** `options` lists the command's options as code. */
  'usage.notAnOptionTakes': '`{key}` is not an option of `{command}`; it takes {options}',
  'usage.givenTwice': '`{key}` is given twice',
  'usage.batchNeedsCampaign': '`batch` needs a CAMPAIGN_ID',
  // Checks across the arguments of `alert add` and `alert test` (features/alerts/command-values.ts).
  /** `subject` is `bot` or `campaign`. */
  'usage.alert.noScope': 'say what `{metric}` is watched on: {subject, select, bot {`bot:CODE` or `all`} other {`campaign:ID` or `all`}}',
  'usage.alert.severalScopes': 'give one of {subject, select, bot {`bot:CODE` or `all`} other {`campaign:ID` or `all`}}, not several',
  'usage.alert.botMetric': '`{metric}` is a voice-bot metric: use `bot:CODE` or `all`',
  'usage.alert.campaignMetric': '`{metric}` is a campaign metric: use `campaign:ID` or `all`',
  /** `name` is `THRESHOLD` or `` `clear` ``. */
  'usage.alert.outOfRange': '{name} must be from {min} to {max}',
  'usage.alert.outOfRangePercent': '{name} must be from {min} to {max} (percent)',
  /** `side` is `low` (the alert fires on low values) or `high`. */
  'usage.alert.clearSide': '`clear` must be on the healthy side of the threshold: {side, select, low {at least {threshold}} other {at most {threshold}}}',
  'usage.alert.testIdOnly': '`alert test ID` takes only `days:N`; to try other settings, type the rule out: `alert test METRIC OP THRESHOLD …`',
  'usage.alert.testNeedsOp': '`alert test {metric}` needs OP and THRESHOLD, as `alert add` does: `alert test {metric} &lt; 40 campaign:ID`',

  // ---- form fields (plain text under a field) ----------------------------------------------------
  /** `expected` is a `help.expected.*` phrase. */
  'form.mustBe': 'Must be {expected}',
  'form.required': 'Required',

  // ---- refusals (the permission table) ------------------------------------------------------------
  /** `channels` are channel links. */
  'refused.queries': ':no_entry: *AICC queries are not answered in this channel.*\nPlease ask in {channels}.',
  'refused.channel.title': 'AICC commands are not answered in this channel.',
  'refused.channel.hint': 'Ask in one of the channels in BOT_ALLOWED_CHANNELS.',
  'refused.vdn.title': 'VDN {vdn} is not one this bot serves.',
  /** `served` lists VDN ids. */
  'refused.vdn.hint': 'It answers for VDN {served} (AICC_VDN_IDS).',
  'refused.admins.hint': 'Ask one of the users in BOT_ADMIN_USERS.',
  'refused.admins.ask': "Only the bot's administrators can ask.",
  'refused.admins.seeRecordings': "Only the bot's administrators can see recording links.",
  'refused.admins.addDigests': "Only the bot's administrators can add digests.",
  'refused.admins.changeDigests': "Only the bot's administrators can change digests.",
  'refused.admins.removeDigests': "Only the bot's administrators can remove digests.",
  'refused.admins.pauseDigests': "Only the bot's administrators can pause digests.",
  'refused.admins.resumeDigests': "Only the bot's administrators can resume digests.",
  'refused.admins.runDigests': "Only the bot's administrators can post digests now.",
  'refused.admins.addAlerts': "Only the bot's administrators can add alert rules.",
  'refused.admins.changeAlerts': "Only the bot's administrators can change alert rules.",
  'refused.admins.removeAlerts': "Only the bot's administrators can remove alert rules.",
  'refused.admins.muteAlerts': "Only the bot's administrators can mute alerts.",
  'refused.admins.unmuteAlerts': "Only the bot's administrators can unmute alerts.",
  'refused.admins.acknowledgeAlerts': "Only the bot's administrators can acknowledge alerts.",
  'refused.admins.setChannelLanguage': "Only the bot's administrators can set this channel's language.",

  // ---- a statistics query answered later ---------------------------------------------------------
  deferred: ':hourglass_flowing_sand: The vendor allows one statistics call per VDN at a time and this one is spent. I will answer here at about {time} ({zone}), when the next call is allowed.',

  // ---- errors explained (slack/explain-error.ts); `service` is e.g. CC-iSales, `call` the service and its call ----
  'internal.title': 'Something went wrong inside the bot',
  'internal.detail': 'The request could not be completed. Nothing was changed.',
  'internal.hint': 'Try again in a minute; if it keeps happening, give your administrator the reference {reference}.',
  /** Followed by the vendor's own words, which stay in the vendor's language. */
  vendorSaid: 'The vendor said: {text}',
  /** `hint` is the bot's technical advice for its administrator (settings, addresses), in English. */
  adminHint: 'Administrator: {hint}.',
  /** Small print under an error: the vendor's or the bot's code. */
  code: 'code `{code}`',
  'notFound.title': 'Not found',
  'notFound.detail': '{call} has no such record.',
  'rateLimited.title': '{call} is rate limited',
  'rateLimited.statistics': 'The vendor allows one statistics call at a time for the whole VDN, and this one is spent.',
  'rateLimited.other': 'The vendor limits how often this can be asked.',
  'rateLimited.next': 'Next refresh possible at {time} ({zone}); ask again then.',
  'auth.title': "{service} refused the bot's credentials",
  'auth.detail': '{call} answered with an authentication error.',
  'auth.detailHttp': '{call} answered HTTP {status}.',
  'timeout.title': '{service} did not answer in time',
  'timeout.detail': '{call} took too long.',
  'timeout.hint': 'Try again shortly; the service may be overloaded.',
  'network.title': '{service} is unreachable',
  'network.detail': 'The bot could not connect for {call}.',
  'http.title': '{service} failed',
  'http.detail': '{call} answered HTTP {status}.',
  'http.hint': 'This is usually temporary; try again in a minute.',
  'vendor.title': '{service} refused the request',
  'vendor.detail': '{call} failed.',
  'vendor.hint': 'Check the ids in the command.',
  'tooLarge.title': '{service} sent an answer too large to read',
  /** `limit` is a size such as `5 MiB`. */
  'tooLarge.detail': 'The answer to {call} was larger than {limit}, so the bot stopped reading it.',
  'tooLarge.detailNoLimit': 'The answer to {call} was larger than the limit, so the bot stopped reading it.',
  'tooLarge.hint': 'Ask for less (one campaign, one batch); the administrator can raise AICC_MAX_BODY_BYTES if such answers are expected.',
  'badPayload.title': '{service} sent an answer the bot cannot read',
  'badPayload.hint': 'The server may run a different API version; the administrator can see details in the bot log.',
  'notConfigured.title': '{service} is not configured',
  'notConfigured.detail': 'This bot was set up without that service.',
  // What the vendor's documented result codes mean (aicc/result-codes.ts), shown beside the code.
  'resultCode.0200001': 'parameter error',
  'resultCode.0200007': 'call record not found',
  'resultCode.02000001': 'a parameter is empty',
  'resultCode.02000002': 'a parameter contains illegal characters',
  'resultCode.02000003': 'a parameter is too long',
  'resultCode.02000004': 'a parameter is too short',
  'resultCode.02000005': 'a parameter length is out of range',
  'resultCode.02000006': 'a parameter has the wrong type',
  'resultCode.02000007': 'a parameter value is out of range',
  'resultCode.02000008': 'a parameter could not be converted',
  'resultCode.02000009': 'the parameter combination is not valid (batch needs a campaign)',
  'resultCode.02000010': 'hour and minute must be given together',
  'resultCode.02000011': 'too many parameters',
  'resultCode.0200011': 'the campaign is in a state that does not allow this',
  'resultCode.0100001': 'the query failed',
  'resultCode.0100002': 'invalid parameter',
  'resultCode.0100003': 'only supported on CTI V3R8',
  'resultCode.0100999': 'unknown CMS error',
  'resultCode.0101001': 'quality-check relationship error',
  'resultCode.0101002': 'number not in UAP',
  'resultCode.0101003': 'insufficient permission',
  'resultCode.900001': 'no token or token expired',
  'slack.unreachable': 'Slack could not be reached ({code})',
  'slack.refused': 'Slack refused it ({code})',
  'slack.failed': 'Slack did not take it ({code})',
  recorded: '{kind, select, timeout {timed out} network {unreachable} http {HTTP error} auth {credentials refused} vendor {the vendor\'s error} too_large {answer too large} bad_payload {unreadable answer} rate_limited {rate limited} not_found {not found} not_configured {not configured} other {failed}} (`{text}`)',
} as const;
