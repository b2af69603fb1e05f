/** Input the bot can judge itself is judged before AICC is asked, and answered plainly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('validating before asking AICC', () => {
  it('a call id that cannot be one gets the usage line, and nothing is sent', async () => {
    e2e.sim.resetRequestCounts();
    for (const id of ['nope', '1-1', '1644464743', 'abc-123']) {
      const answer = text(await e2e.slash(`call ${id}`));
      expect(answer, id).toContain('a call id such as `1644464743-1388`');
      expect(answer).toContain('/aicc call CALL_ID');
    }
    expect(e2e.sim.requestCounts()).toEqual({});
  });

  it('a page past the last says so, and shows the last page', async () => {
    const pages = Math.ceil(e2e.sim.world.campaigns(8).length / 10);
    const answer = text(await e2e.slash('campaigns all page:999'));
    expect(answer).toContain(`There is no page 999`);
    expect(answer).toContain(`page ${pages} of ${pages}`);
  });

  it('a digest naming campaigns the VDN does not have is refused, naming them; real ones are added', async () => {
    const [real] = e2e.sim.world.campaigns(8);
    const refused = text(await e2e.slash(`digest add campaigns:999,abc,${real!.id}`));
    expect(refused).toContain('VDN 8 has no campaign `999`, `abc`; the digest was not added.');
    expect(await e2e.bot.store.digests.list()).toHaveLength(0);
    expect(text(await e2e.slash(`digest add campaigns:${real!.id}`))).toMatch(/Digest \d+ added/);
    expect(await e2e.bot.store.digests.list()).toHaveLength(1);
  });

  it('an access code with no traffic says AICC cannot tell it from an unknown one, and lists the codes the bot knows', async () => {
    const known = e2e.sim.world.bots[0]!.accessCode;
    await e2e.slash(`alert add interface_success_rate < 90 bot:${known}`);
    const answer = text(await e2e.slash('bot 912345678901234567'));
    expect(answer).toContain('AICC answers the same for an access code it does not know, so check the code');
    expect(answer).toContain(`\`${known}\``);
  });
});
