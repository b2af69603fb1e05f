/**
 * Injected failures, per service or for all of them. A service's own setting wins field by field
 * over the `all` setting. Error draws come from a seeded sequence so a run is reproducible.
 */
import { z } from 'zod';
import { unit } from './random.js';

export type SimService = 'isales' | 'cms' | 'oifde' | 'token';
export const SIM_SERVICES: readonly SimService[] = ['isales', 'cms', 'oifde', 'token'];

export interface Faults {
  /** Delay before anything else happens. */
  latencyMs: number;
  /** Share (0..1) of calls answered with HTTP 500. */
  errorRate: number;
  /** Force this HTTP status on every call (e.g. 401, 500, 503). */
  status: number;
  /** Answer 200 with a truncated, invalid JSON body. */
  malformed: boolean;
  /** Destroy the socket without answering. */
  down: boolean;
  /** Answer HTTP 200 with this failure result code and text (a vendor error, e.g. quoting a signed URL). */
  vendorError: { resultCode: string; resultDesc: string };
}

export const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    errorRate: z.number().min(0).max(1),
    status: z.number().int().min(100).max(599),
    malformed: z.boolean(),
    down: z.boolean(),
    vendorError: z.object({ resultCode: z.string().min(1).max(40), resultDesc: z.string().max(100_000) }).strict(),
  })
  .partial()
  .strict();

/** What to do with one request, decided before the handler runs. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'down' }
  | { kind: 'status'; status: number }
  | { kind: 'error' }
  | { kind: 'vendorError'; resultCode: string; resultDesc: string }
  | { kind: 'malformed' };

export class FaultBox {
  private readonly slots = new Map<SimService | 'all', Partial<Faults>>();
  private draws = 0;

  constructor(private readonly seed: number) {}

  /** Replaces the faults of one service (or of `all`). */
  set(service: SimService | 'all', faults: Partial<Faults>): void {
    const clean = faultsSchema.parse(faults);
    if (Object.keys(clean).length === 0) this.slots.delete(service);
    else this.slots.set(service, clean);
  }

  clear(): void {
    this.slots.clear();
  }

  snapshot(): Partial<Record<SimService | 'all', Partial<Faults>>> {
    return Object.fromEntries(this.slots);
  }

  effective(service: SimService): Partial<Faults> {
    return { ...this.slots.get('all'), ...this.slots.get(service) };
  }

  /** Order: down, forced status, random 500, vendor error, malformed. Latency is applied by the caller first. */
  decide(service: SimService): FaultAction {
    const f = this.effective(service);
    if (f.down) return { kind: 'down' };
    if (f.status !== undefined) return { kind: 'status', status: f.status };
    if (f.errorRate !== undefined && f.errorRate > 0 && unit(this.seed, 'fault', this.draws++) < f.errorRate) {
      return { kind: 'error' };
    }
    if (f.vendorError) return { kind: 'vendorError', ...f.vendorError };
    if (f.malformed) return { kind: 'malformed' };
    return { kind: 'none' };
  }
}
