/** What the `/aicc digest …` commands and the Run now button need. */
import type { CommandContext } from '../../slack/commands/handler.js';
import type { CampaignDirectory } from '../queries/index.js';
import type { DigestService } from './service.js';

export interface DigestsDeps extends CommandContext {
  digests: DigestService;
  /** Default zone of new digests (BOT_TIMEZONE, else AICC_TIMEZONE). */
  botTimeZone: string;
  /** The campaigns of a VDN, to check the ids a subscription names. */
  directory: Pick<CampaignDirectory, 'byId'>;
}
