/** English: the source catalogue; every other language has exactly these keys. */
export const language = {
  title: 'Languages',
  yours: '*Your answers:* {language} · {source, select, chosen {your choice (`/aicc lang me auto` follows Slack again)} slack {from your Slack language} other {the workspace default}}',
  channelChosen: '*This channel\'s posts:* {language} (chosen with `/aicc lang`)',
  channelDefault: '*This channel\'s posts:* {language}, the workspace default',
  available: 'Available: {languages}',
  how: '`/aicc lang zh-CN` sets this channel\'s language (digests, alerts, public answers) · `/aicc lang default` returns it to the workspace default · `/aicc lang me es` sets your own · command words stay in English',
  channelSet: ':white_check_mark: This channel\'s digests, alerts and public answers are now written in {language}.',
  channelSetHint: 'Your own answers follow your language; a digest or alert rule with its own `lang:` keeps it.',
  channelCleared: ':white_check_mark: This channel follows the workspace default again: {language}.',
  userSet: ':white_check_mark: Your answers are now in {language}.',
  userCleared: ':white_check_mark: Your answers follow your Slack language again: {language} for now.',
  unknown: 'I do not know the language `{typed}`.',
  unknownHint: 'Use one of {languages}; or `default` (this channel), `me LANG` or `me auto` (yourself).',
} as const;
