/** Shared by the `/aicc alert …` handlers: a stored rule as the renderers take it. */
import { metricOf, type MetricDef } from './metrics.js';
import type { AlertRuleView } from './render-list.js';
import type { AlertRule } from '../../store/alert-rules.js';

/** A metric this version does not know (a rule stored by an older one): it still lists, by its name. */
const UNKNOWN_METRIC = (name: string): Pick<MetricDef, 'name' | 'unit' | 'subject'> => ({ name: name as MetricDef['name'], subject: 'campaign', unit: 'calls' });

/** The rule with its metric (an unknown metric, from an older version, still lists). */
export function ruleView(rule: AlertRule): AlertRuleView {
  const m = metricOf(rule.metric) ?? UNKNOWN_METRIC(rule.metric);
  return { ...rule, metricView: { name: m.name, unit: m.unit, subject: m.subject } };
}
