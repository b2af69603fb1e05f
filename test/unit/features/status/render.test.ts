/** `/aicc status` rendered: healthy, unknown and failing sources and jobs, next digests and deliveries, in each language. */
import { describe, expect, it } from 'vitest';
import { renderStatus, type StatusView } from '../../../../src/features/status/render.js';
import { translator } from '../../../../src/i18n/index.js';
import { blocksText } from '../../../support/blocks-text.js';

const NOW = new Date('2026-11-20T03:00:00Z');
const EARLIER = new Date('2026-11-20T02:50:00Z');

function view(over: Partial<StatusView> = {}): StatusView {
  return {
    timeZone: 'Asia/Shanghai',
    now: NOW,
    services: [
      { source: 'campaigns', lastOkAt: EARLIER, consecutiveFailures: 0 },
      { source: 'stats', consecutiveFailures: 0 },
      { source: 'cms', lastOkAt: EARLIER, lastErrorAt: NOW, lastError: 'connect <timeout>', consecutiveFailures: 3 },
      { source: 'oifde', consecutiveFailures: 1 },
    ],
    nextDigests: [{ id: 4, channelId: 'C0OPS', at: new Date('2026-11-21T01:00:00Z'), timeZone: 'Asia/Shanghai' }],
    deliveries: [
      { kind: 'digest', ref: 4, channelId: 'C0OPS', status: 'posted', at: EARLIER },
      { kind: 'alert', ref: 2, channelId: 'C0OPS', status: 'failed', at: EARLIER, error: 'not_in_channel' },
    ],
    jobs: [
      { name: 'collector', lastOkAt: EARLIER, consecutiveFailures: 0 },
      { name: 'retention', lastFailureAt: NOW, lastError: 'SQLITE_FULL', consecutiveFailures: 2 },
    ],
    store: 'SQLite',
    ...over,
  };
}

describe('renderStatus', () => {
  it('in English, as before', () => {
    const text = blocksText(renderStatus(translator('en'), view()));
    expect(text).toContain('AICC bot status');
    expect(text).toContain('2026-11-20 11:00 (Asia/Shanghai)  ·  store: SQLite');
    expect(text).toContain(':large_green_circle: *CC-iSales campaign list*: last data 2026-11-20 10:50');
    expect(text).toContain(':white_circle: *CC-iSales statistics*: no data yet');
    expect(text).toContain(':red_circle: *CC-CMS real-time*: failing, 3 ticks in a row (last failure 2026-11-20 11:00): failed (`connect &lt;timeout&gt;`); last data 2026-11-20 10:50');
    expect(text).toContain(':red_circle: *OIFDE bot reports*: failing, 1 tick in a row; no data yet');
    expect(text).toContain(':red_circle: *retention*: failing, 2 time(s) in a row (last failure 2026-11-20 11:00): failed (`SQLITE_FULL`); has not run yet; it tries again on its next turn');
    expect(text).toContain('• Digest 4 → <#C0OPS> at 2026-11-21 09:00 (Asia/Shanghai)');
    expect(text).toContain(':white_check_mark: digest 4 → <#C0OPS>: posted 2026-11-20 10:50');
    expect(text).toContain(':x: alert 2 → <#C0OPS>: failed 2026-11-20 10:50 — failed (`not_in_channel`)');
  });

  it('in Chinese', () => {
    const text = blocksText(renderStatus(translator('zh-CN'), view()));
    expect(text).toContain('AICC 机器人状态');
    expect(text).toContain('2026/11/20 11:00（Asia/Shanghai）  ·  存储：SQLite');
    expect(text).toContain('*数据采集*');
    expect(text).toContain(':large_green_circle: *CC-iSales 外呼任务列表*：最近数据 2026/11/20 10:50');
    expect(text).toContain(':red_circle: *CC-CMS 实时数据*：已连续 3 个采集周期失败（最近一次失败 2026/11/20 11:00）：失败（`connect &lt;timeout&gt;`）；最近数据 2026/11/20 10:50');
    expect(text).toContain(':red_circle: *retention*：已连续失败 2 次（最近一次失败 2026/11/20 11:00）：失败（`SQLITE_FULL`）；尚未运行；下一轮会自动重试');
    expect(text).toContain('• 日报 4 → <#C0OPS>，2026/11/21 09:00（Asia/Shanghai）');
    expect(text).toContain(':white_check_mark: 日报 4 → <#C0OPS>：已发送 2026/11/20 10:50');
    expect(text).toContain(':x: 告警 2 → <#C0OPS>：发送失败 2026/11/20 10:50 — 失败（`not_in_channel`）');
    const empty = blocksText(renderStatus(translator('zh-CN'), view({ nextDigests: [], deliveries: [], jobs: [] })));
    expect(empty).toContain('暂无计划发送的日报。可用 `/aicc digest add` 创建。');
    expect(empty).toContain('暂无发送记录。');
    expect(empty).not.toContain('后台作业');
  });

  it('in Portuguese, with its plurals', () => {
    const text = blocksText(renderStatus(translator('pt-BR'), view()));
    expect(text).toContain('Status do bot AICC');
    expect(text).toContain(':red_circle: *Relatórios de bots do OIFDE*: falhando há 1 ciclo seguido; ainda sem dados');
    expect(text).toContain(':red_circle: *retention*: falhou 2 vezes seguidas (última falha em 20/11/2026 11:00): falhou (`SQLITE_FULL`); ainda não foi executado; ele tenta de novo na próxima rodada');
    expect(text).toContain(':white_check_mark: resumo 4 → <#C0OPS>: enviado em 20/11/2026 10:50');
  });
});
