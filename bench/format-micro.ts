/**
 * `npx tsx bench/format-micro.ts`: the time formatting that every answer does, date-fns with a
 * `tz` (what src/slack/format.ts used) against the cached `Intl.DateTimeFormat` it uses now (over
 * 64 instants in turn, so its cache of recent instants hits as it does within an answer), in one
 * process, alternating rounds so that other load on the machine hits both alike. Median of rounds.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { translator } from '../src/i18n/index.js';

/** The English translator's formatters (they were format.ts's before the bot spoke other languages). */
const EN = translator('en');
const formatDateOrDateTime = EN.dateOrDateTime;
const formatDateTime = EN.dateTime;
const formatTime = EN.time;

const N = 20_000;
const ROUNDS = 7;
const ZONE = 'Asia/Shanghai';
const dates = Array.from({ length: 64 }, (_, i) => new Date(Date.parse('2026-11-20T00:00:00Z') + i * 3_600_000 * 7.3));

const dateFns = () => {
  for (let i = 0; i < N; i++) {
    const d = dates[i & 63]!;
    format(d, 'HH:mm', { in: tz(ZONE) });
    format(d, 'yyyy-MM-dd HH:mm', { in: tz(ZONE) });
    // formatDateOrDateTime formatted twice.
    if (format(d, 'HH:mm', { in: tz(ZONE) }) !== '00:00') format(d, 'yyyy-MM-dd HH:mm', { in: tz(ZONE) });
  }
};
const cached = () => {
  for (let i = 0; i < N; i++) {
    const d = dates[i & 63]!;
    formatTime(d, ZONE);
    formatDateTime(d, ZONE);
    formatDateOrDateTime(d, ZONE);
  }
};

/** Every instant new: the `Intl.DateTimeFormat` reused, the cache of recent instants missing. */
const cachedNewInstants = () => {
  const base = Date.parse('2026-11-20T00:00:00Z') + Math.floor(Math.random() * 1e9) * 60_000;
  for (let i = 0; i < N; i++) {
    const d = new Date(base + i * 60_000);
    formatTime(d, ZONE);
    formatDateTime(d, ZONE);
    formatDateOrDateTime(d, ZONE);
  }
};

const times: Record<string, number[]> = { 'date-fns + tz': [], 'cached Intl': [], 'new instants': [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, fn] of [['date-fns + tz', dateFns], ['cached Intl', cached], ['new instants', cachedNewInstants]] as const) {
    const t0 = performance.now();
    fn();
    times[name]!.push(performance.now() - t0);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [a, b, c] = [median(times['date-fns + tz']!), median(times['cached Intl']!), median(times['new instants']!)];
console.log(`formatTime + formatDateTime + formatDateOrDateTime, ${N} times, median of ${ROUNDS} rounds:`);
console.log(`  date-fns + tz: ${((a * 1000) / N).toFixed(1)} µs per set`);
console.log(`  cached Intl:   ${((b * 1000) / N).toFixed(1)} µs per set (${(a / b).toFixed(1)}× faster; 64 instants in turn)`);
console.log(`  cached Intl:   ${((c * 1000) / N).toFixed(1)} µs per set (${(a / c).toFixed(1)}× faster; every instant new)`);
