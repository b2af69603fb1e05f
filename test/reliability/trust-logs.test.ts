/**
 * The debug log, searched after a busy session: no tokens, signing secret, AK/SK, recording URL
 * credentials, full called numbers or message bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, SIGNING_SECRET, blocksText, startE2E, type E2E } from '../support/e2e.js';

const ADMIN = 'U0ADMIN';
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ env: { BOT_ADMIN_USERS: ADMIN, LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  await e2e?.close();
});

describe('what the debug log keeps', () => {
  it('calls and outcomes, never secrets, numbers or message bodies', async () => {
    const campaign = e2e.sim.world.campaigns(8).find((c) => e2e.sim.world.sampleCallIds(8, c.id, 5).some((id) => e2e.sim.world.callDetail(8, id)?.connected))!;
    const callId = e2e.sim.world.sampleCallIds(8, campaign.id, 5).find((id) => e2e.sim.world.callDetail(8, id)?.connected)!;
    const record = e2e.sim.world.callDetail(8, callId)!;
    const answer = await e2e.slash(`call ${callId}`, { user: ADMIN });
    expect(blocksText(answer.responses[0]!.body.blocks)).toContain('Listen to the recording');
    await e2e.bot.collector.tick();
    await e2e.bot.collector.settled();
    await e2e.slash('digest add at:09:00', { user: ADMIN });
    const [sub] = await e2e.bot.store.digests.list();
    await e2e.slash(`digest run ${sub!.id}`, { user: ADMIN });
    await expect.poll(() => e2e.slack.calls.some((c) => c.method === 'chat.postMessage')).toBe(true);

    const log = e2e.logs.join('\n');
    expect(log).toContain("apiCall('chat.postMessage')");
    const { credentials } = e2e.sim;
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, credentials.accessKey, credentials.secretKey, credentials.oifdeAppSecret, record.called]) {
      expect(log, 'a secret or a full number').not.toContain(secret);
    }
    const signature = new URL(record.recordPath!).searchParams;
    for (const [, value] of signature) expect(log).not.toContain(value);
    // Message bodies: the digest names the campaigns; the log does not.
    expect(log).not.toContain(campaign.name);
  });
});
