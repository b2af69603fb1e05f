/**
 * Builds the three AICC clients and the statistics guard from configuration. A service without a
 * URL gets a client whose every call fails with a clear "not configured" error.
 */
import type { Clock } from '../platform/clock.js';
import type { AiccConfig } from '../platform/config.js';
import type { Health } from '../platform/health.js';
import type { Logger } from '../platform/log.js';
import { authV2Authorizer, bearerAuthorizer } from './auth.js';
import { createCmsClient, type CmsClient } from './cms.js';
import { AiccError, type AiccService } from './errors.js';
import { createIsalesClient, type IsalesClient } from './isales.js';
import { createOifdeClient, type OifdeClient } from './oifde.js';
import { createStatsGuard, type StatsCache, type StatsGuard, type StatsLease } from './stats-guard.js';
import { createTransport, type Authorizer, type Transport } from './transport.js';

export interface Aicc {
  isales: IsalesClient;
  cms: CmsClient;
  oifde: OifdeClient;
  /** Statistics v2 behind the rate guard; use this, not `isales.campaignStatistics`. */
  stats: StatsGuard;
  configured: Record<'isales' | 'cms' | 'oifde', boolean>;
  close(): Promise<void>;
}

export interface AiccDeps {
  clock: Clock;
  log: Logger;
  /** Shared lease/cache (the store provides database-backed ones). */
  statsLease?: StatsLease;
  statsCache?: StatsCache;
  /** Records each call's outcome per service. */
  health?: Health;
  /** For tests: how to wait between retries, and for a statistics slot about to open. */
  sleep?: (ms: number) => Promise<void>;
}

const VAR_OF: Record<'isales' | 'cms' | 'oifde', string> = { isales: 'AICC_ISALES_URL', cms: 'AICC_CMS_URL', oifde: 'AICC_OIFDE_URL' };

function notConfigured<T extends object>(service: 'isales' | 'cms' | 'oifde'): T {
  return new Proxy({} as T, {
    get: (_t, prop) => async () => {
      throw new AiccError({ service, endpoint: String(prop), code: 'not_configured', hint: `set ${VAR_OF[service]} to use it` });
    },
  });
}

export function createAicc(config: AiccConfig, deps: AiccDeps): Aicc {
  const transports: Transport[] = [];
  const make = (service: AiccService, baseUrl: string, authorizer?: Authorizer) => {
    const t = createTransport({
      service,
      baseUrl,
      timeoutMs: config.timeoutMs,
      maxConcurrency: config.maxConcurrency,
      maxBodyBytes: config.maxBodyBytes,
      ca: config.ca,
      tlsInsecure: config.tlsInsecure,
      authorizer,
      clock: deps.clock,
      log: deps.log,
      sleep: deps.sleep,
      onOutcome: deps.health ? (endpoint, outcome) => deps.health?.record(service, endpoint, outcome) : undefined,
    });
    transports.push(t);
    return t;
  };

  let authorizer: Authorizer | undefined;
  if (config.accessKey && config.secretKey) {
    authorizer =
      config.authMode === 'bearer' && config.tokenUrl
        ? bearerAuthorizer({ tokenTransport: make('apigw', config.tokenUrl), appKey: config.accessKey, appSecret: config.secretKey, clock: deps.clock })
        : authV2Authorizer({ accessKey: config.accessKey, secretKey: config.secretKey, clock: deps.clock });
  }

  const isales = config.urls.isales
    ? createIsalesClient(make('isales', config.urls.isales, authorizer), { timeZone: config.timeZone, maskNumbers: config.maskNumbers })
    : notConfigured<IsalesClient>('isales');
  const cms = config.urls.cms ? createCmsClient(make('cms', config.urls.cms, authorizer), { ccId: config.ccId }) : notConfigured<CmsClient>('cms');
  const oifde =
    config.urls.oifde && config.oifdeTenantId && config.oifdeAppSecret
      ? createOifdeClient(make('oifde', config.urls.oifde), {
          tenantId: config.oifdeTenantId,
          appSecret: config.oifdeAppSecret,
          timeZone: config.timeZone,
          clock: deps.clock,
        })
      : notConfigured<OifdeClient>('oifde');

  const stats = createStatsGuard({
    fetch: (key) => isales.campaignStatistics(key.vdn, { campaignId: key.campaignId, batchId: key.batchId }),
    intervalMs: config.statsMinIntervalS * 1000,
    clock: deps.clock,
    lease: deps.statsLease,
    cache: deps.statsCache,
    log: deps.log,
    sleep: deps.sleep,
  });

  return {
    isales,
    cms,
    oifde,
    stats,
    configured: { isales: Boolean(config.urls.isales), cms: Boolean(config.urls.cms), oifde: Boolean(config.urls.oifde) },
    close: async () => {
      await Promise.all(transports.map((t) => t.close()));
    },
  };
}
