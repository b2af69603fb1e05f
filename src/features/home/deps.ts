/** What the Home tab needs. */
import type { CommandContext } from '../../slack/commands/handler.js';
import type { DigestService } from '../digests/index.js';
import type { HomeTabService } from './service.js';

export interface HomeDeps extends CommandContext {
  /** When each digest posts next. */
  digests: Pick<DigestService, 'nextRun'>;
  /** Publishes and refreshes the Home tab. */
  home: HomeTabService;
}
