/**
 * What the bot knows about each upstream service, or each background job: the last success and the
 * last failure. One instance is fed by the AICC transport, another by the timer-driven jobs
 * (collector, digests, alerts, heartbeat, pruning); `/readyz` and `/aicc status` read both.
 */
import type { Clock } from './clock.js';

/** An upstream service's name (`isales`, `cms`, `oifde`). */
type Service = string;

/** What health keeps of a failure (an `AiccError` is one). */
export interface FailureInfo {
  code: string;
  message: string;
}

/** What a caught error says about itself, for {@link Health.record}. */
export function failureOf(error: unknown): FailureInfo {
  const code = (error as { code?: unknown } | undefined)?.code;
  return {
    code: typeof code === 'string' ? code : error instanceof Error ? error.name : 'error',
    message: error instanceof Error ? error.message : String(error),
  };
}

export interface ServiceHealth {
  lastSuccessAt?: Date;
  lastFailureAt?: Date;
  lastError?: { code: string; message: string; endpoint: string };
  consecutiveFailures: number;
}

export interface Health {
  record(service: Service, endpoint: string, outcome: { ok: true } | { ok: false; error: FailureInfo }): void;
  get(service: Service): ServiceHealth;
  all(): Record<string, ServiceHealth>;
  /** True when any service answered within `withinMs`. */
  reachableWithin(withinMs: number): boolean;
  /** The services whose last `atLeast` attempts in a row failed. */
  failing(atLeast: number): string[];
}

export function createHealth(clock: Clock): Health {
  const byService = new Map<Service, ServiceHealth>();
  const get = (service: Service): ServiceHealth => {
    let h = byService.get(service);
    if (!h) {
      h = { consecutiveFailures: 0 };
      byService.set(service, h);
    }
    return h;
  };
  return {
    record(service, endpoint, outcome) {
      const h = get(service);
      if (outcome.ok) {
        h.lastSuccessAt = clock();
        h.consecutiveFailures = 0;
      } else {
        h.lastFailureAt = clock();
        h.lastError = { code: outcome.error.code, message: outcome.error.message, endpoint };
        h.consecutiveFailures++;
      }
    },
    get: (service) => ({ ...get(service) }),
    all: () => Object.fromEntries([...byService.entries()].map(([k, v]) => [k, { ...v }])),
    reachableWithin(withinMs) {
      const now = clock().getTime();
      return [...byService.values()].some((h) => h.lastSuccessAt && now - h.lastSuccessAt.getTime() <= withinMs);
    },
    failing: (atLeast) => [...byService.entries()].filter(([, h]) => h.consecutiveFailures >= atLeast).map(([k]) => k),
  };
}
