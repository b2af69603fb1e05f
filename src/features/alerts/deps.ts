/** What the `/aicc alert …` commands and the alert buttons need. */
import type { CommandContext } from '../../slack/commands/handler.js';
import type { AlertEngine } from './engine.js';

export interface AlertsDeps extends CommandContext {
  /** Alert rules' evaluation, acknowledgement and muting. */
  alerts: AlertEngine;
}
