import { describe, expect, it } from 'vitest';
import { canonicalMetric, METRICS, metricOf } from '../../../../src/features/alerts/metrics.js';
import { alertMetric } from '../../../../src/features/alerts/command-values.js';
import { renderHelp } from '../../../../src/slack/render/help.js';
import { metricLabel } from '../../../../src/features/alerts/words.js';
import { translator } from '../../../../src/i18n/index.js';
import { allText } from '../../../support/render-fixtures.js';

describe('one name per figure', () => {
  it('connected ÷ dialled is "connection rate"; the old metric names still resolve', () => {
    expect(metricLabel(translator('en'), 'connection_rate')).toBe('connection rate');
    expect(metricOf('success_rate')?.name).toBe('connection_rate');
    expect(metricOf('connect_rate')?.name).toBe('task_connection_rate');
    expect(canonicalMetric('nope')).toBeUndefined();
    expect(alertMetric().parse('success_rate')).toEqual({ ok: true, value: 'connection_rate' });
  });
  it('an impossible value gets no alert verdict', () => {
    expect(METRICS.connection_rate.source === 'stats' && METRICS.connection_rate.read({ campaignId: '1', batches: [], dailyCalled: 100, inconsistent: { dailyConnected: '150' } }).value).toBeUndefined();
  });
  it('/aicc help has a glossary', () => {
    const text = allText(renderHelp(translator('en'), []));
    expect(text).toContain('*Glossary*');
    expect(text).toContain('*Connection rate*: connected ÷ dialled');
  });
});
