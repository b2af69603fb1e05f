import { describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID, stripShareButton, withShareButton } from '../../../../src/slack/render/share.js';
import { renderCampaigns } from '../../../../src/features/queries/render-campaigns.js';
import { section } from '../../../../src/slack/render/blocks.js';
import { translator } from '../../../../src/i18n/index.js';
import { FETCHED_AT, TZ, buttons, campaign } from '../../../support/render-fixtures.js';

describe('share button', () => {
  it('adds a Share in channel button in its own block, with an optional value', () => {
    const blocks = withShareButton([section('hi')], 'cache-key-1', translator('en'));
    expect(blocks).toHaveLength(2);
    expect(buttons(blocks)).toEqual([{ text: ':mega: Share in channel', action_id: SHARE_ACTION_ID, value: 'cache-key-1', url: undefined }]);
  });

  it('joins a trailing Prev/Next block instead of adding one', () => {
    const page = renderCampaigns({ timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), query: { status: 'all', page: 2 }, campaigns: [campaign()], pageSize: 1, total: 3 });
    const shared = withShareButton(page, undefined, translator('en'));
    expect(shared).toHaveLength(page.length);
    expect(buttons(shared).map((b) => b.action_id)).toEqual(['campaigns_prev', 'campaigns_next', SHARE_ACTION_ID]);
    expect(withShareButton(shared, undefined, translator('en'))).toEqual(shared);
  });

  it('strips the button for the public repost, keeping other buttons and not mutating the input', () => {
    const page = renderCampaigns({ timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), query: { status: 'all', page: 2 }, campaigns: [campaign()], pageSize: 1, total: 3 });
    const shared = withShareButton(page, undefined, translator('en'));
    const copy = structuredClone(shared);
    expect(stripShareButton(shared)).toEqual(page);
    expect(shared).toEqual(copy);
    expect(stripShareButton(withShareButton([section('hi')], undefined, translator('en')))).toEqual([section('hi')]);
  });

  it('labels the button in the reader’s language, within Slack’s 75 characters', () => {
    const label = (locale: Parameters<typeof translator>[0]) => buttons(withShareButton([section('hi')], 'k', translator(locale)))[0]!.text;
    expect(label('zh-CN')).toBe(':mega: 分享到频道');
    expect(label('es')).toBe(':mega: Compartir en el canal');
    expect(label('pt-BR')).toBe(':mega: Compartilhar no canal');
    for (const locale of ['en', 'zh-CN', 'es', 'pt-BR'] as const) expect(label(locale).length).toBeLessThanOrEqual(75);
    // A Chinese button is still found (and stripped) by its action id.
    expect(stripShareButton(withShareButton([section('hi')], 'k', translator('zh-CN')))).toEqual([section('hi')]);
  });
});
