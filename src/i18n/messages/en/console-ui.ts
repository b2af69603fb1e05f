/**
 * English: the source catalogue; every other language has exactly these keys.
 *
 * The local console's own chrome (local/console): the page around the messages, which plays Slack
 * for the bot. Its reader picks the language beside "Typing as"; it is also that person's Slack
 * language, so the bot answers them in it. Slack's own words (APP, edited, Only visible to you)
 * follow Slack's translations where Slack has one.
 */
export const consoleUi = {
  /** The browser tab's title. */
  'page.title': 'AICC Ops · local Slack console',
  /** The fake workspace's name, top left. */
  'page.workspace': 'AICC demo',
  'conn.connecting': 'connecting…',
  /** Live updates arrive as they happen. */
  'conn.live': 'live',
  /** Live updates failed; the page asks the server every two seconds instead. */
  'conn.polling': 'polling every 2 s',
  'conn.offline': 'console offline',
  'conn.failed': 'live updates failed',
  'conn.reconnecting': 'reconnecting…',
  'nav.channels': 'Channels',
  'nav.apps': 'Apps',
  /** The sidebar entry (and the header) of the bot's Home tab; "AICC Ops" is the app's name. */
  'nav.home': 'AICC Ops · Home',
  /** Label of the picker of the person the console types as. */
  'user.typingAs': 'Typing as',
  /** A person in that picker: their name and their role in the demo. */
  'user.option': '{name} ({role, select, admin {admin} other {supervisor}})',
  /** Label of the language picker. */
  'language.label': 'Language',
  /** Tooltip of the language picker. */
  'language.hint': 'Your Slack language: the console and the bot’s answers to you use it',
  'home.label': 'Home tab',
  'home.opening': 'Opening the Home tab…',
  'home.topic': 'The bot’s Home tab, as {name} sees it',
  'composer.label': 'Slash command',
  'composer.send': 'Send',
  /** Before a few example commands (shown as code, in English, after it). */
  'composer.try': 'try',
  'composer.keys': 'Enter sends · ↑ recalls earlier commands',
  /** The empty message box; {channel} is a channel name without #. */
  'composer.placeholder': 'Message #{channel} (/aicc help)',
  'channel.intro': 'This is the start of the channel. Type a command below; the bot answers here.',
  'note.notSlash': 'This console sends slash commands: start with /aicc, e.g. /aicc help',
  /** {command} is what was typed after the slash. */
  'note.unknownCommand': '/{command} is not a command in this workspace. Try /aicc help',
  'note.unreachable': 'The console server is not reachable.',
  'note.notSent': 'Not sent',
  'note.noOptions': 'No options',
  /** Slack's badge beside an app's name. */
  'msg.app': 'APP',
  'msg.edited': '(edited)',
  /** Above an ephemeral message. */
  'msg.onlyVisible': 'Only visible to you',
  'msg.replies': '{n, plural, one {# reply} other {# replies}}',
  /** The tooltip of a link the console will not open (not http or https). */
  'msg.linkNotAllowed': 'link not allowed',
  'msg.image': '[image]',
  'msg.imageAlt': '[image: {alt}]',
  /** Shown above the raw JSON of a block the console cannot draw; {type} is Slack's block type. */
  'block.unknownType': 'block type “{type}” is not shown by this console',
  'block.notABlock': 'not a block',
  'block.headerWithoutText': 'header without text',
  'block.chartNotDrawn': 'a chart this console cannot draw',
  'block.tableWithoutRows': 'a table without rows',
  'view.close': 'Close',
  'view.optional': '(optional)',
  'view.pickChannel': 'Pick a channel',
  /** An empty choice in a person picker. */
  'view.nobody': 'Nobody',
  'view.typeToSearch': 'Type to search',
  'view.search': 'Search',
  'error.unknownChannel': 'unknown channel {channel}',
  'error.unknownUser': 'unknown user {user}',
  'error.unknownLanguage': 'unknown language {locale}',
  'error.tooLong': 'that command is too long to send (at most {max, number} characters)',
  'error.messageGone': 'that message is gone',
  'error.notYourMessage': 'that message is only visible to someone else',
  'error.noButton': 'that button is not on the message',
  'error.viewClosed': 'that view is closed',
  'error.notYourView': 'that view belongs to someone else',
  'error.noViewButton': 'that button is not on the view',
  'error.botDown': 'The bot did not answer (is it running?)',
  'error.botStatus': 'The bot answered HTTP {status}',
  'error.botStatusDetail': 'The bot answered HTTP {status}: {detail}',
  'error.notJson': 'The bot answered with something that is not JSON',
  /** The demo's welcome message in the console (local/demo/welcome.ts), posted in #general. */
  'welcome.title': ':wave: Welcome to the AICC bot',
  'welcome.intro': 'This page plays Slack for the bot, and the bot talks to a built-in AICC simulator. Type a command in the box below, as the person picked beside it.',
  'welcome.try': '*Try:*',
  'welcome.try.help': 'every command, with examples',
  'welcome.try.stats': 'today’s figures for each campaign',
  'welcome.try.campaigns': 'the running campaigns',
  'welcome.try.digestList': 'the digests, each with a *Run now* button',
  'welcome.try.alertList': 'the alert rules and how they stand',
  'welcome.try.lang': 'your language and this channel’s',
  /** {people}: the demo people who read Slack in another language, e.g. "王芳 (简体中文) and João Pereira (Português (Brasil))". */
  'welcome.languages': '*In other languages:* {people} read Slack in their own language, and the bot answers each in theirs. Type as one of them, or pick a language under *Typing as*.',
  'welcome.start': '*What happens next:* the campaign *{name}* (`{id}`, VDN {vdn}) started dialling at {time}, about 30 calls a minute.',
  'welcome.collapse': '• its success rate collapses at *{time}* (from about 70% of calls connecting to 5%)',
  'welcome.recover': '• and recovers at *{time}* (95% connect).',
  /** {rule} is the rule as typed, e.g. `success_rate < 40`; {forecast} says which of {fires} and {resolves} are known. */
  'welcome.alert': 'Alert {id} (`{rule}` for {minutes} min, at least {volume} dialled, clears at {clear}%) watches it{forecast, select, both {: it should fire around *{fires}* and resolve around *{resolves}*} fires {: it should fire around *{fires}*} resolves {: it should resolve around *{resolves}*} other {}}. Watch {channel}.',
  'welcome.alertHowTo': 'Watch it fail with an alert: type {command} in {channel}.',
  /** {schedule}: e.g. "12:00 daily (Asia/Shanghai)". */
  'welcome.digest': '*Digest {id}* posts a summary of VDN {vdn} to {channel} at {schedule}. Post it now:',
  'welcome.digestUnscheduled': '*Digest {id}* posts a summary of VDN {vdn} to {channel} at its scheduled time. Post it now:',
  'welcome.footer': 'Times are {zone}. Nothing here touches a real contact centre.',
  /** The notification text of the welcome message. */
  'welcome.text': 'Welcome to the AICC bot: the demo campaign collapses at {collapse} and recovers at {recover}.',
} as const;
