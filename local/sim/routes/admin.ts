/**
 * The simulator's own control endpoints under /__sim/ (no auth; the bot never calls them): state,
 * faults, the collapse scenario, sample call ids, request counters and rate-limit windows.
 */
import { z } from 'zod';
import type { RequestCounters } from '../counters.js';
import { faultsSchema, SIM_SERVICES, type FaultBox, type SimService } from '../faults.js';
import { json, jsonObject, type SimResponse, type SimState } from '../http.js';

export interface AdminDeps {
  state: SimState;
  faults: FaultBox;
  counters: RequestCounters;
  /** Non-secret configuration shown by GET /__sim/state. */
  config: Record<string, unknown>;
}

export interface AdminRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

const collapseSchema = z.object({
  vdn: z.coerce.number().int().min(1).max(9999),
  campaignId: z.union([z.string().min(1), z.number().int()]).transform(String),
  at: z.iso.datetime({ offset: true }).optional(),
  connectRate: z.number().min(0).max(1).optional(),
});

const notFound = (what: string) => json(404, { error: `not found: ${what}` });
const badRequest = (error: string) => json(400, { error });

function scenarioView(state: SimState) {
  return { collapse: state.world.scenario().map((s) => ({ ...s, at: s.at.toISOString() })) };
}

export function handleAdmin(req: AdminRequest, deps: AdminDeps): SimResponse {
  const { state, faults, counters } = deps;
  const route = `${req.method} ${req.path}`;

  if (route === 'GET /__sim/state') {
    return json(200, {
      now: state.clock().toISOString(),
      config: deps.config,
      faults: faults.snapshot(),
      scenario: scenarioView(state),
      bots: state.world.bots.map((b) => ({ accessCode: b.accessCode, name: b.name })),
    });
  }
  const faultMatch = /^\/__sim\/faults\/([a-z]+)$/.exec(req.path);
  if (req.method === 'PUT' && faultMatch) {
    const service = faultMatch[1] as SimService | 'all';
    if (service !== 'all' && !SIM_SERVICES.includes(service)) return notFound(`service ${service}`);
    const parsed = faultsSchema.safeParse(jsonObject(req.body) ?? null);
    if (!parsed.success) return badRequest(`invalid faults: ${z.prettifyError(parsed.error)}`);
    faults.set(service, parsed.data);
    return json(200, { faults: faults.snapshot() });
  }
  if (route === 'DELETE /__sim/faults') {
    faults.clear();
    return json(200, { faults: faults.snapshot() });
  }
  if (route === 'POST /__sim/scenario/collapse') {
    const parsed = collapseSchema.safeParse(jsonObject(req.body) ?? null);
    if (!parsed.success) return badRequest(`invalid collapse: ${z.prettifyError(parsed.error)}`);
    const { vdn, campaignId, at, connectRate } = parsed.data;
    if (!state.world.campaign(vdn, campaignId)) return notFound(`campaign ${campaignId} in VDN ${vdn}`);
    state.world.collapse({ vdn, campaignId, ...(at ? { at: new Date(at) } : {}), ...(connectRate !== undefined ? { connectRate } : {}) });
    return json(200, { scenario: scenarioView(state) });
  }
  if (route === 'DELETE /__sim/scenario') {
    state.world.clearScenario();
    return json(200, { scenario: scenarioView(state) });
  }
  if (route === 'GET /__sim/calls') {
    const vdn = Number(req.query.get('vdn') ?? '');
    const campaignId = req.query.get('campaignId') ?? '';
    const limit = Math.min(1000, Math.max(1, Number(req.query.get('limit') ?? '10') || 10));
    if (!Number.isInteger(vdn) || vdn < 1 || vdn > 9999) return badRequest('vdn must be an integer from 1 to 9999');
    if (!state.world.campaign(vdn, campaignId)) return notFound(`campaign ${campaignId} in VDN ${vdn}`);
    return json(200, { vdn, campaignId, callIds: state.world.sampleCallIds(vdn, campaignId, limit) });
  }
  if (route === 'GET /__sim/requests') return json(200, counters.snapshot());
  if (route === 'DELETE /__sim/requests') {
    counters.reset();
    return json(200, {});
  }
  if (route === 'POST /__sim/reset-limits') {
    state.statsCalls.clear();
    return json(200, {});
  }
  return notFound(route);
}
