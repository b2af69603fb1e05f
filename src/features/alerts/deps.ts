/** What the `/aicc alert …` commands and the alert buttons need. */
import type { CommandContext } from '../../slack/commands/handler.js';
import type { AlertEngine } from './engine.js';

export interface AlertsDeps extends CommandContext {
  /** Alert rules' evaluation, acknowledgement and muting. */
  alerts: AlertEngine;
  /** What the stored history is, for backtests: the collector's interval and how many days are kept. */
  history: { intervalMs: number; retentionDays: number };
}
