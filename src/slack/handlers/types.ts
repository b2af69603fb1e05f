/** What every `/aicc` handler receives besides its parsed input. */
import type { KnownBlock } from '@slack/types';
import type { Aicc } from '../../aicc/index.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log.js';
import type { CampaignDirectory } from '../../queries/campaign-directory.js';

export interface HandlerDeps {
  aicc: Aicc;
  directory: CampaignDirectory;
  clock: Clock;
  log: Logger;
  /** The tenant's zone: defines "today" and how times are shown. */
  timeZone: string;
  maskNumbers: boolean;
}

/** Who asked, where, and for which VDN. */
export interface Invocation {
  userId: string;
  channelId: string;
  vdn: number;
  isAdmin: boolean;
  isPublic: boolean;
}

/** A handler returns blocks; a known "not found" is signalled with NotFound so the router can word it. */
export type HandlerResult = KnownBlock[];
