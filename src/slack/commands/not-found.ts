/** A handler's "there is no such thing": shown as a plain message, not as a failure. */
export class NotFound extends Error {
  constructor(
    /** mrkdwn; any user text in it must already be escaped. */
    readonly title: string,
    readonly hint?: string,
  ) {
    super(title);
    this.name = 'NotFound';
  }
}
