/**
 * Slack `:shortcode:` → Unicode for the local console. Only a small table: the codes this bot
 * posts plus common ones people type. Unknown codes stay as text, which is what Slack shows for a
 * custom emoji it cannot find.
 */
const EMOJI: Readonly<Record<string, string>> = {
  // Used by the bot's renderers.
  large_green_circle: '🟢',
  double_vertical_bar: '⏸️',
  white_check_mark: '✅',
  memo: '📝',
  grey_question: '❔',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  mega: '📣',
  warning: '⚠️',
  thinking_face: '🤔',
  robot_face: '🤖',
  studio_microphone: '🎙️',
  telephone_receiver: '📞',
  calendar: '📆',
  x: '❌',
  // Common ones.
  red_circle: '🔴',
  large_yellow_circle: '🟡',
  large_blue_circle: '🔵',
  white_circle: '⚪',
  black_circle: '⚫',
  heavy_check_mark: '✔️',
  exclamation: '❗',
  question: '❓',
  information_source: 'ℹ️',
  rotating_light: '🚨',
  bell: '🔔',
  no_bell: '🔕',
  fire: '🔥',
  tada: '🎉',
  rocket: '🚀',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  bar_chart: '📊',
  clipboard: '📋',
  page_facing_up: '📄',
  file_folder: '📁',
  link: '🔗',
  lock: '🔒',
  key: '🔑',
  gear: '⚙️',
  wrench: '🔧',
  hammer_and_wrench: '🛠️',
  mag: '🔍',
  eyes: '👀',
  clock1: '🕐',
  alarm_clock: '⏰',
  stopwatch: '⏱️',
  phone: '☎️',
  telephone: '☎️',
  iphone: '📱',
  speech_balloon: '💬',
  loudspeaker: '📢',
  email: '📧',
  inbox_tray: '📥',
  outbox_tray: '📤',
  arrow_right: '➡️',
  arrow_left: '⬅️',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  arrows_counterclockwise: '🔄',
  repeat: '🔁',
  heavy_plus_sign: '➕',
  heavy_minus_sign: '➖',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  stop_sign: '🛑',
  construction: '🚧',
  sparkles: '✨',
  star: '⭐',
  bulb: '💡',
  zap: '⚡',
  wave: '👋',
  thumbsup: '👍',
  '+1': '👍',
  thumbsdown: '👎',
  '-1': '👎',
  ok_hand: '👌',
  pray: '🙏',
  raised_hands: '🙌',
  clap: '👏',
  slightly_smiling_face: '🙂',
  smile: '😄',
  grinning: '😀',
  sweat_smile: '😅',
  disappointed: '😞',
  person_raising_hand: '🙋',
  busts_in_silhouette: '👥',
  bust_in_silhouette: '👤',
  headphones: '🎧',
  package: '📦',
  pushpin: '📌',
  round_pushpin: '📍',
  calendar_spiral: '🗓️',
  date: '📅',
  100: '💯',
};

/** The Unicode emoji for a shortcode name (without colons), or undefined when unknown. */
export function emojiFor(name: string): string | undefined {
  const base = name.replace(/::skin-tone-\d$/, '');
  return Object.hasOwn(EMOJI, base) ? EMOJI[base] : undefined;
}

/**
 * Replaces known `:shortcodes:` in text that is already HTML-escaped. Safe to call on escaped
 * text because neither the pattern nor the replacement can contain markup characters.
 */
export function replaceEmoji(escaped: string): string {
  return escaped.replace(/:([a-z0-9_+-]+):/g, (match, name: string) => emojiFor(name) ?? match);
}
