/**
 * English: the source catalogue; every other language has exactly these keys.
 * The Share in channel button and its replies, and the small pieces of Slack UI every feature's
 * modals share (the default Cancel / Close, the title of a notice).
 */
export const share = {
  /** Button text, at most 75 characters. */
  button: ':mega: Share in channel',
  'expired.title': 'That button has expired',
  'expired.hint': 'Run the command again.',
  'alreadyShared.hint': 'The answer was shared already; run the command again.',
  'cannotPost.title': 'I could not post in this channel',
  /** `@AICC Ops` is the bot's name in Slack: keep it as it is. */
  'cannotPost.hint': 'Invite me with `/invite @AICC Ops`, or share from a channel I am in.',
  /** Under a shared answer, in the channel's language; `{command}` is the command as typed, without `/aicc`. */
  sharedBy: 'Shared by {user} · `/aicc {command}`',
  /** A modal's close button when it has a submit button (at most 24 characters). */
  'modal.cancel': 'Cancel',
  /** A modal's close button when it only informs (at most 24 characters). */
  'modal.close': 'Close',
  /** The title of a small modal that answers a click on the Home tab or in a modal (at most 24 characters). */
  'modal.notice': 'AICC Ops',
} as const;
