/**
 * The Acknowledge and Mute buttons on an alert, called the way Bolt calls them (fake `ack`,
 * `respond`, body and action) through a fake ActionRegistry, with a fake alert engine and a real
 * store for the audit log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAlertActions } from '../../../../src/features/alerts/buttons.js';
import type { AlertsDeps } from '../../../../src/features/alerts/deps.js';
import type { AlertEngine } from '../../../../src/features/alerts/engine.js';
import type { AckOutcome } from '../../../../src/features/alerts/interact.js';
import { ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, ALERT_MUTE_TOMORROW_ACTION, ALERT_UNMUTE_ACTION } from '../../../../src/features/alerts/render.js';
import { alertButtonValue } from '../../../../src/features/alerts/view.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { silentLogger } from '../../../../src/platform/log.js';
import type { AlertRule, Store } from '../../../../src/store/index.js';
import { blocksText } from '../../../support/blocks-text.js';
import { createLocales } from '../../../../src/slack/locales.js';
import { fakeActions, fakeReplies, type FakeActions } from '../../../support/bolt-fakes.js';
import { memoryStore } from '../../../support/memory-store.js';

const NOW = Date.parse('2026-11-20T06:30:00Z'); // 14:30 in Shanghai
const value = alertButtonValue(1, '1798316116');

let store: Store;
let events: string[];
let actions: FakeActions;
/** What the engine was asked, in order. */
let asked: unknown[][];
let ackOutcome: AckOutcome;
let muteResult: AlertRule | undefined;
let deps: AlertsDeps;

beforeEach(async () => {
  store = await memoryStore();
  events = [];
  asked = [];
  ackOutcome = { status: 'acknowledged' };
  muteResult = { id: 1 } as AlertRule;
  const alerts = {
    async acknowledge(ruleId: number, subject: string, userId: string) {
      events.push('alerts.acknowledge');
      asked.push(['acknowledge', ruleId, subject, userId]);
      return ackOutcome;
    },
    async mute(ruleId: number, until: number | null, userId: string) {
      events.push('alerts.mute');
      asked.push(['mute', ruleId, until, userId]);
      return muteResult;
    },
  } as Partial<AlertEngine> as AlertEngine;
  deps = {
    alerts,
    clock: manualClock(NOW),
    log: silentLogger,
    timeZone: 'Asia/Shanghai',
    store,
    adminUsers: ['UADMIN'],
    allowedChannels: ['C0GENERAL'],
    vdnIds: [8],
    history: { intervalMs: 300_000, retentionDays: 35 },
  };
  actions = fakeActions();
  registerAlertActions(actions, deps);
});
afterEach(async () => {
  await store.close();
});

async function click(actionId: string, user: string, v: string | undefined = value) {
  const replies = fakeReplies(events);
  // Alerts are posted in their own channel, which need not be one of BOT_ALLOWED_CHANNELS.
  await actions.click(actionId, { value: v, user, channel: 'COPS' }, replies);
  return replies;
}

const audit = async () => (await store.audit.recent(10)).reverse().map((a) => [a.userId, a.action, a.target, a.detail]);

describe('alert buttons', () => {
  it('register their action ids', () => {
    expect([...actions.ids].sort()).toEqual([ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, ALERT_MUTE_TOMORROW_ACTION, ALERT_UNMUTE_ACTION].sort());
  });

  describe('Acknowledge', () => {
    it('anyone, anywhere: acks first, then acknowledges the subject and audits it; the engine edits the message, so nothing is responded', async () => {
      const r = await click(ALERT_ACK_ACTION, 'U0ALICE');
      expect(r.events).toEqual(['ack', 'acked', 'alerts.acknowledge']);
      expect(asked).toEqual([['acknowledge', 1, '1798316116', 'U0ALICE']]);
      expect(r.responses).toEqual([]);
      expect(await audit()).toEqual([['U0ALICE', 'alert.ack', 'alert:1', { subject: '1798316116', outcome: 'acknowledged' }]]);
    });

    it('already acknowledged, or no longer firing: told privately, still audited', async () => {
      ackOutcome = { status: 'already', by: 'U0ALICE' };
      const again = await click(ALERT_ACK_ACTION, 'U0BOB');
      expect(again.responses).toHaveLength(1);
      expect(again.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(blocksText(again.responses[0]!.blocks)).toContain('Already acknowledged by <@U0ALICE>.');
      ackOutcome = { status: 'not-firing', state: 'resolved' };
      const late = await click(ALERT_ACK_ACTION, 'U0BOB');
      expect(blocksText(late.responses[0]!.blocks)).toContain('no longer firing (resolved)');
      expect((await audit()).map((a) => a[3])).toEqual([
        { subject: '1798316116', outcome: 'already' },
        { subject: '1798316116', outcome: 'not-firing' },
      ]);
    });

    it('a value it did not write is an expired button: nothing asked, nothing audited', async () => {
      const r = await click(ALERT_ACK_ACTION, 'U0ALICE', 'drop tables');
      expect(blocksText(r.responses[0]!.blocks)).toContain('That alert no longer exists');
      expect(asked).toEqual([]);
      expect(await audit()).toEqual([]);
    });
  });

  describe('Mute', () => {
    it('is refused to a non-admin, privately, pointing at Acknowledge; the rule is not muted', async () => {
      const r = await click(ALERT_MUTE_HOUR_ACTION, 'U0ALICE');
      expect(r.events).toEqual(['ack', 'acked', 'respond']);
      expect(r.responses[0]!.response_type).toBe('ephemeral');
      const said = blocksText(r.responses[0]!.blocks);
      expect(said).toContain("Only the bot's administrators can mute alerts.");
      expect(said).toContain('Or acknowledge the alert instead.');
      expect(asked).toEqual([]);
      expect(await audit()).toEqual([]);
    });

    it('Mute 1h by an admin, in the alert’s channel: mutes for an hour, says until when, audits', async () => {
      const r = await click(ALERT_MUTE_HOUR_ACTION, 'UADMIN');
      expect(r.events).toEqual(['ack', 'acked', 'alerts.mute', 'respond']);
      expect(asked).toEqual([['mute', 1, NOW + 3_600_000, 'UADMIN']]);
      expect(blocksText(r.responses[0]!.blocks)).toContain('Alert 1 muted until 15:30 (Asia/Shanghai).');
      expect(await audit()).toEqual([['UADMIN', 'alert.mute', 'alert:1', { until: NOW + 3_600_000, via: 'button' }]]);
    });

    it('Unmute by an admin ends the mute now (a still-firing alert then gets its reminder), says so, audits', async () => {
      const r = await click(ALERT_UNMUTE_ACTION, 'UADMIN');
      expect(r.events).toEqual(['ack', 'acked', 'alerts.mute', 'respond']);
      expect(asked).toEqual([['mute', 1, NOW, 'UADMIN']]);
      expect(blocksText(r.responses[0]!.blocks)).toContain('Alert 1 unmuted.');
      expect(await audit()).toEqual([['UADMIN', 'alert.unmute', 'alert:1', { via: 'button' }]]);
    });

    it('Mute until tomorrow: until the tenant’s next midnight', async () => {
      const r = await click(ALERT_MUTE_TOMORROW_ACTION, 'UADMIN');
      const midnight = Date.parse('2026-11-20T16:00:00Z');
      expect(asked).toEqual([['mute', 1, midnight, 'UADMIN']]);
      expect(blocksText(r.responses[0]!.blocks)).toContain('muted until 00:00');
    });

    it('a rule removed meanwhile: expired, and nothing audited', async () => {
      muteResult = undefined;
      const r = await click(ALERT_MUTE_HOUR_ACTION, 'UADMIN');
      expect(blocksText(r.responses[0]!.blocks)).toContain('That alert no longer exists');
      expect(await audit()).toEqual([]);
    });
  });
});

describe('alert buttons in the clicker’s language', () => {
  it('answers privately in the language each user chose (or English), whatever the alert’s', async () => {
    const clock = manualClock(NOW);
    await store.languages.set('user', 'U0BOB', 'zh-CN', 'U0BOB', NOW);
    await store.languages.set('user', 'U0CARLA', 'pt-BR', 'U0CARLA', NOW);
    const localized = fakeActions();
    registerAlertActions(localized, { ...deps, locales: createLocales({ languages: store.languages, fallback: 'en', clock, log: silentLogger }) });
    const press = async (actionId: string, user: string) => {
      const replies = fakeReplies(events);
      await localized.click(actionId, { value, user, channel: 'COPS' }, replies);
      return blocksText(replies.responses[0]?.blocks);
    };
    ackOutcome = { status: 'already', by: 'U0ALICE' };
    expect(await press(ALERT_ACK_ACTION, 'U0BOB')).toContain(':eyes: 已由 <@U0ALICE> 确认。');
    ackOutcome = { status: 'not-firing', state: 'resolved' };
    expect(await press(ALERT_ACK_ACTION, 'U0CARLA')).toContain('Este alerta não está mais disparado (resolvido)');
    expect(await press(ALERT_ACK_ACTION, 'U0DAN')).toContain('no longer firing (resolved)');
    const refused = await press(ALERT_MUTE_HOUR_ACTION, 'U0CARLA');
    expect(refused).toContain('Ou reconheça o alerta.');
    expect(await press(ALERT_MUTE_HOUR_ACTION, 'UADMIN')).toContain('Alert 1 muted until 15:30 (Asia/Shanghai).');
  });
});
