/** The console's timeline over a real fake-Slack workspace: order, command lines, threads, deletions. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withoutL10n } from '../../../support/console-l10n.js';
import { DEMO_CHANNELS, DEMO_USERS } from '../../../../local/console/demo.js';
import { messageDomId, Timeline, type TimelineUpdate } from '../../../../local/console/timeline.js';
import { startFakeSlack, type FakeSlack } from '../../../../local/fakeslack/index.js';

let fake: FakeSlack;
let timeline: Timeline;
let updates: TimelineUpdate[];

const api = async (method: string, body: Record<string, unknown>) => {
  const res = await fetch(`${fake.url}${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-t' }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: boolean; ts?: string };
};

beforeEach(async () => {
  // The demo lists double as the fake workspace's seeds.
  fake = await startFakeSlack({ channels: [...DEMO_CHANNELS], users: [...DEMO_USERS] });
  timeline = new Timeline({ messages: (c) => fake.messages(c), channels: DEMO_CHANNELS, users: DEMO_USERS, now: () => new Date(2026, 10, 20, 14, 30) });
  updates = [];
  fake.on('message', (change) => updates.push(...timeline.apply(change)));
});
afterEach(async () => {
  await fake.close();
});

describe('Timeline', () => {
  it('orders command lines and bot messages by arrival, with names and times', async () => {
    timeline.addCommand('C0GENERAL', 'U0SUPERV', '/aicc help');
    await api('chat.postMessage', { channel: 'C0GENERAL', text: 'Hello <@U0SUPERV> in <#C0ALERTS>' });
    const items = timeline.items();
    expect(items.map((i) => i.id)).toEqual(['c-1', expect.stringMatching(/^m-C0GENERAL-/)]);
    expect(items[0]!.html).toContain('<span class="msg-author">Mei Lin</span>');
    expect(items[0]!.html).toContain('/aicc help');
    // Only the person who typed it sees the command line (the page hides it from other viewers).
    expect(items[0]!.html).toContain('data-ephemeral-to="U0SUPERV"');
    expect(items[0]!.html).not.toContain('Only visible to you');
    expect(withoutL10n(items[1]!.html)).toContain('<span class="msg-author">AICC Ops</span><span class="msg-app">APP</span><span class="msg-time">14:30</span>');
    expect(items[1]!.html).toContain('@Mei Lin');
    expect(items[1]!.html).toContain('#alerts');
  });

  it('a thread reply re-renders its parent, and deleting the parent lifts its replies', async () => {
    const parent = await api('chat.postMessage', { channel: 'C0ALERTS', text: 'parent' });
    await api('chat.postMessage', { channel: 'C0ALERTS', text: 'first reply', thread_ts: parent.ts });
    const parentId = messageDomId('C0ALERTS', parent.ts!);
    const last = updates.at(-1)!;
    expect(last.type === 'upsert' && last.item.id).toBe(parentId);
    expect(last.type === 'upsert' && last.item.html).toMatch(/parent.*1 reply.*first reply/s);
    expect(timeline.items()).toHaveLength(1);

    updates = [];
    await api('chat.delete', { channel: 'C0ALERTS', ts: parent.ts });
    expect(updates[0]).toEqual({ type: 'remove', id: parentId, channel: 'C0ALERTS' });
    expect(updates[1]!.type === 'upsert' && updates[1]!.item.html).toContain('first reply');
    expect(timeline.items()).toHaveLength(1);
  });

  it('an edit replaces the message in place and says (edited)', async () => {
    const m = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'v1' });
    await api('chat.update', { channel: 'C0GENERAL', ts: m.ts, text: 'v2' });
    const last = updates.at(-1)!;
    expect(last.type).toBe('upsert');
    if (last.type === 'upsert') {
      expect(last.item.id).toBe(messageDomId('C0GENERAL', m.ts!));
      expect(last.item.html).toContain('v2');
      expect(last.item.html).toContain('(edited)');
    }
  });
});
