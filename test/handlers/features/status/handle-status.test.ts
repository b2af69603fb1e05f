/** `/aicc status` through its handler, over a fake store and job health: the answer is in the reader's language. */
import { describe, expect, it } from 'vitest';
import { handleStatus } from '../../../../src/features/status/handle-status.js';
import { statusCommand } from '../../../../src/features/status/commands.js';
import type { StatusDeps } from '../../../../src/features/status/deps.js';
import { translator } from '../../../../src/i18n/index.js';
import { manualClock } from '../../../../src/platform/clock.js';
import type { Health } from '../../../../src/platform/health.js';
import { silentLogger } from '../../../../src/platform/log.js';
import type { Invocation } from '../../../../src/slack/commands/handler.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import type { Store } from '../../../../src/store/index.js';
import type { SnapshotSource, SourceHealth } from '../../../../src/store/snapshots.js';
import { blocksText } from '../../../support/blocks-text.js';

const NOW = Date.parse('2026-11-20T03:00:00Z');

function deps(): StatusDeps {
  const health = (source: SnapshotSource): SourceHealth =>
    source === 'cms' ? { source, lastOkAt: NOW - 600_000, lastErrorAt: NOW, lastError: 'timeout: CC-CMS real-time timed out after 10 s', consecutiveFailures: 2 } : { source, lastOkAt: NOW - 60_000, consecutiveFailures: 0 };
  const store = {
    dialect: 'sqlite',
    snapshots: { health: async (source: SnapshotSource) => health(source) },
    digests: { list: async () => [{ id: 3, channelId: 'C0OPS', timeZone: 'America/Mexico_City' }] },
    deliveries: { recent: async () => [{ kind: 'digest', ref: 3, channel: 'C0OPS', status: 'late', at: NOW - 3_600_000 }] },
  } as unknown as Store;
  const jobs = { all: () => ({ collector: { lastSuccessAt: new Date(NOW - 60_000), consecutiveFailures: 0 } }) } as unknown as Health;
  return {
    clock: manualClock(new Date(NOW)),
    log: silentLogger,
    timeZone: 'America/Mexico_City',
    store,
    adminUsers: [],
    allowedChannels: [],
    vdnIds: [8],
    digests: { nextRun: () => new Date(NOW + 3_600_000) },
    jobs,
  };
}

async function status(locale: 'en' | 'es') {
  const parsed = parseCommand('status', [statusCommand] as const);
  if (!parsed.ok) throw new Error(parsed.message);
  const inv: Invocation = { userId: 'U1', channelId: 'C1', vdn: 8, isAdmin: false, isPublic: false, tr: translator(locale) };
  return blocksText(await handleStatus(parsed, inv, deps()));
}

describe('handleStatus', () => {
  it('answers in Spanish for a Spanish reader: sources, jobs, next digests and deliveries', async () => {
    const text = await status('es');
    expect(text).toContain('Estado del bot de AICC');
    expect(text).toContain('19/11/2026 21:00 (America/Mexico_City)  ·  almacenamiento: SQLite');
    expect(text).toContain(':large_green_circle: *Lista de campañas de CC-iSales*: últimos datos del 19/11/2026 20:59');
    expect(text).toContain(':red_circle: *Tiempo real de CC-CMS*: con fallas en 2 ciclos seguidos (última falla el 19/11/2026 21:00): sin respuesta a tiempo (`timeout: CC-CMS real-time timed out after 10 s`); últimos datos del 19/11/2026 20:50');
    expect(text).toContain('*Procesos en segundo plano*');
    expect(text).toContain(':large_green_circle: *collector*: última ejecución el 19/11/2026 20:59');
    expect(text).toContain('• Resumen 3 → <#C0OPS> el 19/11/2026 22:00 (America/Mexico_City)');
    expect(text).toContain(':hourglass: resumen 3 → <#C0OPS>: se publicó con retraso el 19/11/2026 20:00');
    expect(text).not.toMatch(/Next digests|Recent deliveries|last data/);
  });

  it('answers in English by default', async () => {
    const text = await status('en');
    expect(text).toContain('AICC bot status');
    expect(text).toContain(':red_circle: *CC-CMS real-time*: failing, 2 ticks in a row (last failure 2026-11-19 21:00): timed out (`timeout: CC-CMS real-time timed out after 10 s`); last data 2026-11-19 20:50');
    expect(text).toContain(':hourglass: digest 3 → <#C0OPS>: late 2026-11-19 20:00');
  });
});
