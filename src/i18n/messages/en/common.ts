/** English: the source catalogue; every other language has exactly these keys. */
export const common = {
  /** A rate or figure the vendor reported no data for (its denominator was 0, or it sent null). */
  noData: 'no data',
  /** The freshness line every data answer carries. */
  asOf: 'as of {time} ({zone})',
  'duration.hours': '{h}h {m}m',
  'duration.minutes': '{m}m {s}s',
  'duration.seconds': '{s}s',
  vdn: 'VDN {vdn}',
  stale: ':hourglass: cached, the vendor allows a refresh only every few minutes',
  inconsistentFigure: '{figure} (inconsistent)',
  'chart.from': 'from {first}; earlier hours had no calls or do not fit the chart',
  'chart.gaps': 'no data for {gaps} (left out of the chart)',
  'chart.empty': 'no data: {series}',
  'chart.notCharted': 'not charted: {series}',
  campaignStatus: '{status, plural, =1 {draft} =2 {running} =3 {paused} =4 {completed} other {status unknown}}',
  deviceType: '{type, plural, =1 {intelligent IVR} =2 {predictive} =3 {automatic IVR} =5 {preview} =6 {preemptive} other {unknown type}}',
  expectedLanguage: 'a supported language: {languages}; or `channel` for the channel\'s language',
  channelLanguage: 'The channel\'s language',
} as const;
