/**
 * The simulator's defaults and fixed vendor texts. The default secrets are the simulator's own,
 * public by design: never use them against a real installation.
 */

export interface SimCredentials {
  /** C2 auth-v2 access key; also the `app_key` of the C1 token call. */
  accessKey: string;
  /** C2 auth-v2 secret key; also the `app_secret` of the C1 token call. */
  secretKey: string;
  /** OIFDE tenant id: the `appKey` of gettoken and the `tenantId` of the reports. */
  oifdeTenantId: string;
  /** OIFDE "API password": the `appSecret` of gettoken. */
  oifdeAppSecret: string;
}

export const SIM_DEFAULT_CREDENTIALS: SimCredentials = Object.freeze({
  accessKey: 'aicc-sim-ak',
  secretKey: 'aicc-sim-sk',
  oifdeTenantId: '202104237142',
  oifdeAppSecret: 'aicc-sim-oifde-secret',
});

export const SIM_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  seed: 42,
  timeZone: 'UTC',
  campaignsPerVdn: 12,
  bots: 3,
  statsIntervalS: 300,
  oifdeTokenTtlS: 3600,
  /** C1 token lifetime when no X-Token-Expire header is sent (the documented maximum). */
  bearerTokenTtlS: 3600,
  /** auth-v2 timestamps further than this from the simulator clock are refused. */
  authSkewMs: 15 * 60_000,
});

/** The vendor's exact 429 text (statistics v2 page). */
export const TOO_FREQUENT = '请勿频繁操作,请稍后再试。';

/** Result codes the simulator answers with. */
export const CODES = Object.freeze({
  isalesOk: '0200000',
  isalesParam: '0200001',
  isalesNoCall: '0200007',
  isalesTypeError: '02000006',
  isalesValueError: '02000007',
  isalesTooLong: '02000003',
  isalesCombination: '02000009',
  isalesTooFrequent: '0200429',
  cmsOk: '0100000',
  cmsInvalid: '0100002',
  oifdeOk: '0',
  oifdeBadToken: '900001',
  oifdeBadCredentials: '900002',
  oifdeBadParam: '900003',
});
