/** Numbers, rates, dates and durations as each language writes them; unknown never becomes 0. */
import { describe, expect, it } from 'vitest';
import { parseLocale, translator } from '../../../src/i18n/index.js';

const at = new Date('2026-11-21T02:05:09Z');

describe('translator', () => {
  it('formats counts and rates in each language, unknown as "–" and no data in words', () => {
    expect([translator('en').count(12345), translator('pt-BR').count(12345), translator('zh-CN').count(12345)]).toEqual(['12,345', '12.345', '12,345']);
    expect([translator('en').percent(0.6667), translator('pt-BR').percent(0.6667)]).toEqual(['66.7%', '66,7%']);
    expect([translator('en').count(undefined), translator('es').count(null), translator('zh-CN').decimal(Number.NaN)]).toEqual(['–', '–', '–']);
    expect([translator('en').percent(null), translator('zh-CN').percent(undefined), translator('es').percent(-1), translator('pt-BR').percent(null)]).toEqual(['no data', '无数据', 'sin datos', 'sem dados']);
  });

  it("writes dates the language's way in the tenant's zone, and times as 24-hour clocks", () => {
    expect(translator('en').dateTime(at, 'Asia/Shanghai')).toBe('2026-11-21 10:05');
    expect(translator('zh-CN').dateTime(at, 'Asia/Shanghai')).toBe('2026/11/21 10:05');
    expect(translator('es').date(at, 'America/Mexico_City')).toBe('20/11/2026');
    expect(translator('pt-BR').clockTime(at, 'America/Sao_Paulo')).toBe('23:05:09');
    expect(translator('es').dateOrDateTime(new Date('2026-11-21T06:00:00Z'), 'America/Mexico_City')).toBe('21/11/2026');
    expect(translator('zh-CN').asOf(at, 'Asia/Shanghai')).toBe('数据截至 10:05（Asia/Shanghai）');
    expect(translator('es').asOf(at, 'UTC')).toBe('datos de las 02:05 (UTC)');
  });

  it('writes durations and lists in words of the language', () => {
    expect([translator('en').duration(65_000), translator('en').duration(2 * 3600_000 + 180_000), translator('en').duration(4_000)]).toEqual(['1m 05s', '2h 03m', '4s']);
    expect(translator('zh-CN').duration(65_000)).toBe('1分05秒');
    expect(translator('pt-BR').duration(undefined)).toBe('–');
    // English as the bot has always written it: no serial comma ("running, paused or all").
    expect([translator('en').list(['a', 'b', 'c']), translator('es').list(['a', 'b']), translator('zh-CN').list(['甲', '乙'])]).toEqual(['a, b and c', 'a y b', '甲和乙']);
    expect([translator('en').list(['a', 'b', 'c'], 'or'), translator('pt-BR').list(['a', 'b'], 'or'), translator('zh-CN').list(['甲', '乙'], 'or')]).toEqual(['a, b or c', 'a ou b', '甲或乙']);
  });

  it('keeps one translator per language', () => {
    expect(translator('es')).toBe(translator('es'));
  });
});

describe('parseLocale', () => {
  it("maps Slack's and people's tags onto the four languages", () => {
    expect(['zh-CN', 'zh_CN', 'zh', 'zh-TW', 'ZH-hans'].map(parseLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['es-LA', 'es-ES', 'es', 'es-419'].map(parseLocale)).toEqual(['es', 'es', 'es', 'es']);
    expect(['pt-BR', 'pt', 'pt-PT'].map(parseLocale)).toEqual(['pt-BR', 'pt-BR', 'pt-BR']);
    expect(['en-US', 'en-GB', 'EN'].map(parseLocale)).toEqual(['en', 'en', 'en']);
    expect(['fr-FR', 'ja-JP', '', undefined, 'klingon'].map(parseLocale)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
