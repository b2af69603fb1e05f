import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { CMS, json, LIST, postJson, signed, signedJson } from '../../../support/sim-requests.js';

const clock = manualClock('2026-11-20T06:30:00Z');
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
});
afterAll(() => sim.close());

describe('simulator authentication', () => {
  it('answers a correctly signed request with data', async () => {
    const body = await signedJson(sim, LIST(8, '?status=0&curPage=1&rowsPerPage=5'));
    expect(body.resultCode).toBe('0200000');
    expect(body.data).toHaveLength(5);
  });

  it('checks signatures of POST bodies and query strings with Chinese text', async () => {
    const id = String(sim.world.campaigns(8)[0]!.id);
    const cms = await signedJson(sim, CMS, { body: { ccId: 1, vdn: 8, taskId: id } });
    expect(cms.resultCode).toBe('0100000');
    const list = await signedJson(sim, LIST(8, `?name=${encodeURIComponent('回访')}&status=0`));
    expect(list.resultCode).toBe('0200000');
  });

  it('refuses a wrong secret, an unknown key, no signature and a garbage header with 401 JSON', async () => {
    const wrong = await signed(sim, LIST(8), { secretKey: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).resultDesc).toMatch(/signature mismatch/);
    expect((await signed(sim, LIST(8), { accessKey: 'someone-else' })).status).toBe(401);
    const unsigned = await fetch(new URL(LIST(8), sim.url));
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('content-type')).toMatch(/application\/json/);
    expect((await json(unsigned)).resultDesc).toMatch(/missing Authorization/);
    const garbage = await fetch(new URL(LIST(8), sim.url), { headers: { authorization: 'Basic abc' } });
    expect(garbage.status).toBe(401);
  });

  it('refuses a signature over other content (tampered query)', async () => {
    const url = new URL(LIST(8, '?status=2'), sim.url);
    const ok = await signed(sim, LIST(8, '?status=2'));
    expect(ok.status).toBe(200);
    // Re-send the same Authorization header with a changed query.
    const { signAuthV2 } = await import('../../../../src/aicc/signer.js');
    const { authorization } = signAuthV2({
      ...sim.credentials,
      method: 'GET',
      path: url.pathname,
      query: [['status', '2']],
      headers: { host: url.host, 'content-type': 'application/json' },
      body: '',
      now: clock(),
    });
    const tampered = await fetch(new URL(LIST(8, '?status=3'), sim.url), { headers: { authorization, 'content-type': 'application/json' } });
    expect(tampered.status).toBe(401);
  });

  it('refuses an auth-v2 timestamp more than 15 minutes from the simulator clock', async () => {
    expect((await signed(sim, LIST(8), { now: new Date(clock().getTime() - 16 * 60_000) })).status).toBe(401);
    expect((await signed(sim, LIST(8), { now: new Date(clock().getTime() + 16 * 60_000) })).status).toBe(401);
    expect((await signed(sim, LIST(8), { now: new Date(clock().getTime() - 14 * 60_000) })).status).toBe(200);
  });

  it('issues C1 bearer tokens that iSales and CMS accept until they expire', async () => {
    const wrong = await postJson(sim, '/apigovernance/api/oauth/tokenByAkSk', { app_key: sim.credentials.accessKey, app_secret: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toHaveProperty('error_code');

    const res = await postJson(
      sim,
      '/apigovernance/api/oauth/tokenByAkSk',
      { app_key: sim.credentials.accessKey, app_secret: sim.credentials.secretKey },
      { 'X-Token-Expire': '600' },
    );
    expect(res.status).toBe(200);
    const token = (await json(res)) as { AccessToken: string; ExpiresIn: number };
    expect(token.ExpiresIn).toBe(600);
    expect(token.AccessToken).toMatch(/\S{20,}/);

    const bearer = { authorization: `Bearer ${token.AccessToken}`, 'content-type': 'application/json' };
    const list = await fetch(new URL(LIST(8), sim.url), { headers: bearer });
    expect(list.status).toBe(200);
    const id = String(sim.world.campaigns(8)[0]!.id);
    const cms = await fetch(new URL(CMS, sim.url), { method: 'POST', headers: bearer, body: JSON.stringify({ vdn: 8, taskId: id }) });
    expect((await json(cms)).resultCode).toBe('0100000');

    clock.advance(601_000);
    try {
      expect((await fetch(new URL(LIST(8), sim.url), { headers: bearer })).status).toBe(401);
    } finally {
      clock.advance(-601_000);
    }
    expect((await fetch(new URL(LIST(8), sim.url), { headers: { authorization: 'Bearer made-up' } })).status).toBe(401);
  });

  it('defaults the C1 token to 3600 s and refuses X-Token-Expire above 3600', async () => {
    const creds = { app_key: sim.credentials.accessKey, app_secret: sim.credentials.secretKey };
    const plain = await postJson(sim, '/apigovernance/api/oauth/tokenByAkSk', creds);
    expect((await json(plain)).ExpiresIn).toBe(3600);
    const tooLong = await postJson(sim, '/apigovernance/api/oauth/tokenByAkSk', creds, { 'X-Token-Expire': '7200' });
    expect(tooLong.status).toBe(400);
  });

  it('accepts configured credentials instead of the defaults', async () => {
    const other = await startSimulator({ clock, credentials: { accessKey: 'ak-2', secretKey: 'sk-2' } });
    try {
      expect(other.credentials).toMatchObject({ accessKey: 'ak-2', secretKey: 'sk-2', oifdeTenantId: '202104237142' });
      expect((await signed(other, LIST(1))).status).toBe(200);
      expect((await signed(other, LIST(1), { accessKey: 'aicc-sim-ak', secretKey: 'aicc-sim-sk' })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
