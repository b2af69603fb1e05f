/** The AICC variables a bot needs to talk to a running simulator (tests, benchmarks, child processes). */
import type { SimCredentials } from './defaults.js';

export function botEnvFor(sim: { url: string; credentials: SimCredentials }): Record<string, string> {
  return {
    AICC_ISALES_URL: sim.url,
    AICC_CMS_URL: sim.url,
    AICC_OIFDE_URL: sim.url,
    AICC_AK: sim.credentials.accessKey,
    AICC_SK: sim.credentials.secretKey,
    AICC_OIFDE_TENANT_ID: sim.credentials.oifdeTenantId,
    AICC_OIFDE_APP_SECRET: sim.credentials.oifdeAppSecret,
  };
}
