/** `/aicc status`: collector health per service, next digests, recent deliveries and failures. */
import { SNAPSHOT_SOURCES } from '../../store/snapshots.js';
import type { statusCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderStatus, type StatusServiceRow } from './render.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { StatusDeps } from './deps.js';

export async function handleStatus(input: ParsedCommand<typeof statusCommand>, inv: Invocation, deps: StatusDeps): Promise<HandlerResult> {
  void input;
  const now = deps.clock();
  const services: StatusServiceRow[] = await Promise.all(
    SNAPSHOT_SOURCES.map(async (source) => {
      const h = await deps.store.snapshots.health(source);
      const opt = (t?: number) => (t === undefined ? undefined : new Date(t));
      return { source, lastOkAt: opt(h.lastOkAt), lastErrorAt: opt(h.lastErrorAt), lastError: h.lastError, consecutiveFailures: h.consecutiveFailures };
    }),
  );
  const subs = await deps.store.digests.list();
  const nextDigests = subs
    .flatMap((s) => {
      const at = deps.digests.nextRun(s, now);
      return at ? [{ id: s.id, channelId: s.channelId, at, timeZone: s.timeZone }] : [];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const deliveries = (await deps.store.deliveries.recent(15)).map((d) => ({ kind: d.kind, ref: d.ref, channelId: d.channel, status: d.status, at: new Date(d.at), error: d.error }));
  const jobs = Object.entries(deps.jobs.all()).map(([name, h]) => ({ name, lastOkAt: h.lastSuccessAt, lastFailureAt: h.lastFailureAt, lastError: h.lastError?.message, consecutiveFailures: h.consecutiveFailures }));
  return renderStatus(inv.tr, { timeZone: deps.timeZone, now, services, nextDigests, deliveries, jobs, store: deps.store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite' });
}
