import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { echo, escapeMrkdwn, maskNumber, progressBar, rateOr, ratio, truncate, truncateMrkdwn } from '../../../src/slack/format.js';
import { translator } from '../../../src/i18n/index.js';

/** The English translator's formatters (they were format.ts's before the bot spoke other languages). */
const EN = translator('en');
const formatAsOf = EN.asOf;
const formatClockTime = EN.clockTime;
const formatCount = EN.count;
const formatDate = EN.date;
const formatDateOrDateTime = EN.dateOrDateTime;
const formatDateTime = EN.dateTime;
const formatDuration = EN.duration;
const formatPercent = EN.percent;
const formatTime = EN.time;

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so nothing becomes a mention or a link', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;http://x|y&gt;');
  });
  it('escapes & first, so an existing entity is shown literally', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
  it('leaves other text, including Unicode, alone', () => {
    expect(escapeMrkdwn('春季回访 *bold* 🚀')).toBe('春季回访 *bold* 🚀');
  });
});

describe('echo', () => {
  it('escapes, drops backticks and control characters, and cuts long text', () => {
    expect(echo('a`b<c>\n\u0000d')).toBe("a'b&lt;c&gt; d");
    expect(echo('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('maskNumber', () => {
  it('keeps the last four digits', () => {
    expect(maskNumber('88881955', true)).toBe('****1955');
    expect(maskNumber('+8613800001955', true)).toBe('****1955');
  });
  it('masks short numbers entirely', () => {
    expect(maskNumber('1955', true)).toBe('****');
  });
  it('shows the number when masking is off, escaped', () => {
    expect(maskNumber('88881955', false)).toBe('88881955');
    expect(maskNumber('<1955>', false)).toBe('&lt;1955&gt;');
  });
  it('shows an unknown number as a dash', () => {
    expect(maskNumber(undefined, true)).toBe('–');
    expect(maskNumber('', true)).toBe('–');
  });
});

describe('ratio and formatPercent', () => {
  it('computes a fraction from counts', () => {
    expect(ratio(2, 3)).toBeCloseTo(0.6667, 4);
    expect(formatPercent(ratio(2, 3))).toBe('66.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });
  it('a zero denominator is "no data", never 0%', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(formatPercent(ratio(0, 0))).toBe('no data');
  });
  it('an unknown count is unknown, shown as "no data"', () => {
    expect(ratio(undefined, 5)).toBeUndefined();
    expect(ratio(5, undefined)).toBeUndefined();
    expect(formatPercent(undefined)).toBe('no data');
    expect(formatPercent(null)).toBe('no data');
    expect(formatPercent(Number.NaN)).toBe('no data');
    expect(formatPercent(-1)).toBe('no data');
  });
  it('rateOr prefers the computed rate and falls back to the vendor rate only when counts are unknown', () => {
    expect(rateOr(0.5, 0.9)).toBe(0.5);
    expect(rateOr(null, 0.9)).toBeNull();
    expect(rateOr(undefined, 0.9)).toBe(0.9);
  });
});

describe('formatCount', () => {
  it('uses thousands separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });
  it('shows an unknown count as a dash, never 0', () => {
    expect(formatCount(undefined)).toBe('–');
    expect(formatCount(null)).toBe('–');
  });
});

describe('times', () => {
  const instant = new Date('2026-11-21T02:05:09Z');
  it('formats in the given time zone', () => {
    expect(formatTime(instant, 'Asia/Shanghai')).toBe('10:05');
    expect(formatTime(instant, 'UTC')).toBe('02:05');
    expect(formatDateTime(instant, 'Asia/Shanghai')).toBe('2026-11-21 10:05');
    expect(formatDateTime(instant, 'America/New_York')).toBe('2026-11-20 21:05');
    expect(formatDate(instant, 'America/New_York')).toBe('2026-11-20');
    expect(formatAsOf(instant, 'Asia/Shanghai')).toBe('as of 10:05 (Asia/Shanghai)');
  });
  it('shows a bare date for midnight and date-time otherwise', () => {
    expect(formatDateOrDateTime(new Date('2026-11-20T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-21');
    expect(formatDateOrDateTime(instant, 'Asia/Shanghai')).toBe('2026-11-21 10:05');
  });
  it('writes what date-fns with a tz writes (the cached Intl formats replaced it), DST edges and midnight included', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
    const instants = [Date.parse('2026-03-08T06:59:59Z'), Date.parse('2026-03-08T07:00:00Z'), Date.parse('2026-11-01T05:30:00Z'), Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-11-20T16:00:00Z')];
    for (let i = 0; i < 200; i++) instants.push(Date.parse('2020-01-01T00:00:00Z') + i * 7_777_777_777);
    for (const timeZone of zones) {
      for (const ms of instants) {
        const d = new Date(ms);
        const f = (pattern: string) => format(d, pattern, { in: tz(timeZone) });
        expect(formatTime(d, timeZone)).toBe(f('HH:mm'));
        expect(formatClockTime(d, timeZone)).toBe(f('HH:mm:ss'));
        expect(formatDateTime(d, timeZone)).toBe(f('yyyy-MM-dd HH:mm'));
        expect(formatDate(d, timeZone)).toBe(f('yyyy-MM-dd'));
        expect(formatDateOrDateTime(d, timeZone)).toBe(f('HH:mm') === '00:00' ? f('yyyy-MM-dd') : f('yyyy-MM-dd HH:mm'));
      }
    }
  });
  it('throws on an invalid date, as date-fns did', () => {
    expect(() => formatTime(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('formatDuration', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatDuration(4000)).toBe('4s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(7_380_000)).toBe('2h 03m');
    expect(formatDuration(4_499)).toBe('4s');
  });
  it('shows unknown or negative durations as a dash', () => {
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(-1)).toBe('–');
  });
});

describe('truncate', () => {
  it('cuts with an ellipsis and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    const cut = truncate('ab🚀🚀', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });
  it('truncateMrkdwn does not cut entities or links and closes code blocks', () => {
    expect(truncateMrkdwn('hello &amp; world', 12)).toBe('hello …');
    expect(truncateMrkdwn('see <http://example.com|link> now', 20)).toBe('see …');
    const code = truncateMrkdwn(`\`\`\`${'x'.repeat(50)}\`\`\``, 30);
    expect(code.length).toBeLessThanOrEqual(30);
    expect(code.endsWith('```')).toBe(true);
    expect(code.split('```').length - 1).toBe(2);
  });
});

describe('progressBar', () => {
  it('draws filled cells for the fraction, nothing without data', () => {
    expect(progressBar(0.6)).toBe('▓▓▓▓▓▓░░░░');
    expect(progressBar(null)).toBe('');
  });
});

describe('ids as Slack links', () => {
  it('keeps only id characters, so an id cannot inject mrkdwn', async () => {
    const { channelLink, userMention } = await import('../../../src/slack/format.js');
    expect(channelLink('C0OPS')).toBe('<#C0OPS>');
    expect(channelLink('C1>|<!channel')).toBe('<#C1channel>');
    expect(channelLink('<>')).toBe('–');
    expect(userMention('U42')).toBe('<@U42>');
    expect(userMention('U1> <!here')).toBe('<@U1here>');
  });
});
