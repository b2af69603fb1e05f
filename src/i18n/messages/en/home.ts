/** English: the source catalogue; every other language has exactly these keys. */
export const home = {
  /** The Home tab's header: the bot's name, the same in every language. */
  title: 'AICC Ops',
  /** Under the header; `{time}` is HH:mm in `{zone}`. */
  updated: 'Updated {time} ({zone})  ·  `/aicc help` lists every command',
  'button.newAlert': 'New alert',
  'button.newDigest': 'New digest',
  'button.acknowledge': 'Acknowledge',
  'button.mute': 'Mute…',
  /** The alert is muted already; the button extends the mute. */
  'button.muteLonger': 'Mute longer…',
  'button.edit': 'Edit',
  /** Shown instead of New alert / New digest to users who may not add them. */
  adminsOnly: 'Only the bot’s administrators can add alerts and digests (BOT_ADMIN_USERS).',
  'firing.none': '*Firing now*\n:large_green_circle: Nothing is firing.',
  'firing.title': '*Firing now*  ·  {n, plural, one {# alert} other {# alerts}}',
  /** `{headline}` is the alert in one line (mrkdwn); `{id}` the rule's number; `{notes}` since when, who acknowledged, muted until. */
  'firing.item': ':rotating_light: {headline}\nAlert {id}  ·  {notes}',
  'firing.since': 'since {time}',
  'firing.mutedUntil': ':mute: until {time}',
  'firing.more': '…and {n, plural, one {# more alert} other {# more alerts}}: `/aicc alert list` shows them all.',
  'source.heading': '*AICC sources*',
  /** `{service}` is a product name (CC-iSales, CC-CMS, OIFDE). */
  'source.campaigns': '{service} campaign list',
  'source.stats': '{service} statistics',
  'source.cms': '{service} real-time',
  'source.oifde': '{service} voice-bot reports',
  'source.unknown': ':white_circle: *{source}*: no data collected yet',
  'source.ok': ':large_green_circle: *{source}*: OK',
  /** A tick is one collector run (every few minutes); `{time}` is a date and time. */
  'source.failing': ':red_circle: *{source}*: failing for {n, plural, one {# tick} other {# ticks}}, last data {time}',
  'source.failingNoData': ':red_circle: *{source}*: failing for {n, plural, one {# tick} other {# ticks}}, no data yet',
  /** A failing source's line, then the vendor's error text. */
  'source.error': '{line}: {error}',
  'next.heading': '*Next digests*',
  /** `{time}` is a date and time in the digest's own `{zone}`. */
  'next.item': '• Digest {id} → {channel} at {time} ({zone})',
  'next.none': 'None scheduled.',
  /** `{mine}` is `yes` when some of the rules are the viewer's (they are listed first). */
  'rules.title': '*Alert rules*  ·  {n, plural, one {# rule} other {# rules}}{mine, select, yes {, yours first} other {}}',
  'rules.none': 'No alert rules yet.',
  /** `{line}` is the rule in one line (mrkdwn); `{mine}` is `yes` when the viewer created it. */
  'rules.item': '*Alert {id}*{mine, select, yes { (yours)} other {}}  ·  {line}',
  'rules.mutedUntil': ':mute: muted until {time}',
  'rules.more': '…and {n, plural, one {# more rule} other {# more rules}}: `/aicc alert list` shows them all.',
  'digests.title': '*Digests*  ·  {n, plural, one {# digest} other {# digests}}{mine, select, yes {, yours first} other {}}',
  'digests.none': 'No digests yet.',
  /** `{schedule}` is like `09:00 Mon–Fri (Asia/Shanghai)`. */
  'digests.item': '*Digest {id}*{mine, select, yes { (yours)} other {}}  ·  {channel} at {schedule}',
  'digests.paused': ':double_vertical_bar: paused',
  /** `{scope}` is like `all campaigns of VDN 8`. */
  'digests.covers': 'Covers {scope}',
  'digests.more': '…and {n, plural, one {# more digest} other {# more digests}}: `/aicc digest list` shows them all.',
  /** A stored schedule that no longer parses, shown as it was typed. */
  'digests.badSchedule': '{at} {days} ({zone}), not a valid schedule',
} as const;
