/** What every `/aicc` handler receives besides its parsed input. */
import type { KnownBlock } from '@slack/types';
import type { Aicc } from '../../aicc/index.js';
import type { AlertEngine } from '../../features/alerts/engine.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import type { DigestService } from '../../features/digests/service.js';
import type { Health } from '../../platform/health.js';
import type { CampaignDirectory } from '../../features/queries/campaign-directory.js';
import type { TaskRealtimeQuery } from '../../features/queries/task-realtime.js';
import type { Store } from '../../store/index.js';

export interface HandlerDeps {
  aicc: Aicc;
  directory: CampaignDirectory;
  /** CMS real-time per task, shared among concurrent and recent identical requests. */
  tasks: TaskRealtimeQuery;
  clock: Clock;
  log: Logger;
  /** The tenant's zone: defines "today" and how times are shown. */
  timeZone: string;
  maskNumbers: boolean;
  store: Store;
  digests: DigestService;
  /** Alert rules' evaluation, acknowledgement and muting. */
  alerts: AlertEngine;
  health: Health;
  /** Default zone of new digests (BOT_TIMEZONE, else AICC_TIMEZONE). */
  botTimeZone: string;
  /** Who may change subscriptions and rules; empty means everyone. */
  adminUsers: readonly string[];
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
