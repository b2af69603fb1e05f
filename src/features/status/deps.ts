/** What `/aicc status` needs. */
import type { Health } from '../../platform/health.js';
import type { CommandContext } from '../../slack/commands/handler.js';
import type { DigestService } from '../digests/index.js';

export interface StatusDeps extends CommandContext {
  /** When each digest posts next. */
  digests: Pick<DigestService, 'nextRun'>;
  /** The timer-driven jobs' last outcomes in this process. */
  jobs: Health;
}
