/** Shared by the `/aicc alert …` handlers: a stored rule as the renderers take it. */
import { metricOf, type MetricDef } from './metrics.js';
import type { AlertRuleView } from './render-list.js';
import type { AlertRule } from '../../store/alert-rules.js';

const UNKNOWN_METRIC = (name: string): MetricDef => ({
  name: name as MetricDef['name'],
  source: 'stats',
  subject: 'campaign',
  unit: 'calls',
  healthy: 'high',
  label: name,
  meaning: 'a metric this version does not know',
  volumeLabel: 'calls',
  read: () => ({ value: undefined, volume: 0 }),
});

/** The rule with its metric's labels (an unknown metric, from an older version, still lists). */
export function ruleView(rule: AlertRule): AlertRuleView {
  const m = metricOf(rule.metric) ?? UNKNOWN_METRIC(rule.metric);
  return { ...rule, metricView: { name: m.name, label: m.label, unit: m.unit, volumeLabel: m.volumeLabel, subject: m.subject } };
}
