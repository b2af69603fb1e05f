/** English: the source catalogue; every other language has exactly these keys. */
export const status = {
  title: 'AICC bot status',
  /** `{time}` is a date and time; `{store}` is SQLite or PostgreSQL. */
  subtitle: '{time} ({zone})  ·  store: {store}',
  collector: '*Collector*',
  /** `{service}` is a product name (CC-iSales, CC-CMS, OIFDE). */
  'source.campaigns': '{service} campaign list',
  'source.stats': '{service} statistics',
  'source.cms': '{service} real-time',
  'source.oifde': '{service} bot reports',
  'service.ok': ':large_green_circle: *{source}*: last data {time}',
  'service.unknown': ':white_circle: *{source}*: no data yet',
  /** A tick is one collector run (every few minutes). */
  'service.failing': ':red_circle: *{source}*: failing, {n, plural, one {# tick} other {# ticks}} in a row',
  'service.lastData': 'last data {time}',
  'service.noData': 'no data yet',
  jobs: '*Background jobs*',
  /** `{job}` is the job's internal name (collector, retention, digests, alerts, heartbeat). */
  'job.ok': ':large_green_circle: *{job}*: last ran {time}',
  'job.notRun': ':white_circle: *{job}*: has not run yet',
  'job.failing': ':red_circle: *{job}*: failing, {n, plural, one {# time} other {# time(s)}} in a row',
  'job.lastRan': 'last ran {time}',
  'job.neverRan': 'has not run yet',
  /** The end of a failing job's line. */
  'job.retry': '{line}; it tries again on its next turn',
  /** A failing line, then when it last failed. */
  lastFailure: '{line} (last failure {time})',
  /** A failing line, then the error text. */
  withError: '{line}: {error}',
  /** A failing line, then when data last came (`service.lastData`, `job.lastRan` …). */
  andThen: '{line}; {more}',
  'next.heading': '*Next digests*',
  /** `{time}` is a date and time in the digest's own `{zone}`. */
  'next.item': '• Digest {id} → {channel} at {time} ({zone})',
  'next.none': 'No digests scheduled. `/aicc digest add` creates one.',
  'deliveries.heading': '*Recent deliveries*',
  'deliveries.none': 'Nothing delivered yet.',
  /** One delivery: a digest or an alert (`{ref}` its number), where it went, how it went, when. */
  delivery: '{kind, select, digest {digest} other {alert}} {ref} → {channel}: {status, select, posted {posted} late {late} failed {failed} missed {missed} other {{status}}} {time}',
  /** A delivery's line, then its error text. */
  deliveryError: '{line} — {error}',
} as const;
