/** Block Kit → HTML: each block type, buttons' data attributes, unknown blocks, and injection attempts. */
import { translator } from '../../../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { blockIdOf, blocksToHtml } from '../../../../local/console/blocks-html.js';
import { messageToHtml } from '../../../../local/console/message-html.js';
import { withShareButton } from '../../../../src/slack/render/share.js';
import { renderStats } from '../../../../src/features/queries/render-stats.js';
import { FETCHED_AT, TZ, campaign, stats } from '../../../support/render-fixtures.js';
import { htmlProblems } from '../../../support/html-check.js';
import { l10nTexts, withoutL10n } from '../../../support/console-l10n.js';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const btn = (text: string, action_id: string, extra: Record<string, unknown> = {}) => ({ type: 'button', text: plain(text), action_id, ...extra });


describe('blocksToHtml', () => {
  it('header, section text and fields, context, divider', () => {
    const html = blocksToHtml([
      { type: 'header', text: plain('Campaign stats') },
      { type: 'section', text: mrkdwn('*Spring* `1798316116`'), fields: [mrkdwn('*Dialled today*\n3'), mrkdwn('*Connected*\n2')] },
      { type: 'context', elements: [mrkdwn('VDN 8  ·  as of 10:05'), { type: 'image', image_url: 'https://img.example/a.png', alt_text: 'logo' }] },
      { type: 'divider' },
    ]);
    expect(html).toContain('<div class="b b-header"><span class="plain">Campaign stats</span></div>');
    expect(html).toContain('<div class="b-text"><span class="mrkdwn"><b>Spring</b> <code>1798316116</code></span></div>');
    expect(html).toContain('<div class="b-fields"><div class="b-field"><span class="mrkdwn"><b>Dialled today</b>\n3</span></div>');
    expect(html).toContain('<div class="b b-context"><span class="b-context-text"><span class="mrkdwn">VDN 8  ·  as of 10:05</span></span><img class="b-context-img" src="https://img.example/a.png" alt="logo"');
    expect(html).toContain('<hr class="b b-divider">');
  });

  it('buttons carry action_id, value and block_id, with primary and danger styles', () => {
    const html = blocksToHtml([
      { type: 'actions', block_id: 'paging', elements: [btn('Next', 'campaigns_next', { value: '{"p":2}', style: 'primary' }), btn('Stop', 'stop', { style: 'danger' }), btn('Plain', 'plain')] },
      { type: 'actions', elements: [btn('Share', 'share_in_channel', { value: 'v' })] },
    ]);
    expect(html).toContain('<button type="button" class="btn btn-primary" data-action-id="campaigns_next" data-block-id="paging" data-value="{&quot;p&quot;:2}"><span class="plain">Next</span></button>');
    expect(html).toContain('<button type="button" class="btn btn-danger" data-action-id="stop" data-block-id="paging">');
    expect(html).toContain('<button type="button" class="btn" data-action-id="plain"');
    // A block without an id gets its index, the same id the server uses to find the button again.
    expect(html).toContain('data-action-id="share_in_channel" data-block-id="b1" data-value="v"');
    expect(blockIdOf({ type: 'actions' }, 1)).toBe('b1');
  });

  it('section accessories: a button and an image', () => {
    const html = blocksToHtml([
      { type: 'section', block_id: 's', text: mrkdwn('x'), accessory: btn('Open', 'open', { value: '1', confirm: { title: plain('Sure?'), text: mrkdwn('It <calls> people') } }) },
      { type: 'section', text: mrkdwn('y'), accessory: { type: 'image', image_url: 'https://img.example/b.png', alt_text: 'chart' } },
    ]);
    expect(html).toContain('<div class="b-accessory"><button type="button" class="btn" data-action-id="open" data-block-id="s" data-value="1" data-confirm="Sure?\n\nIt &lt;calls&gt; people">');
    expect(html).toContain('<img class="b-accessory-img" src="https://img.example/b.png" alt="chart"');
  });

  it('image blocks, and images whose URL is not http(s) are not loaded', () => {
    const html = blocksToHtml([
      { type: 'image', image_url: 'https://img.example/c.png', alt_text: 'chart', title: plain('Calls per hour') },
      { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'bad' },
    ]);
    expect(html).toContain('<figure class="b b-image"><figcaption><span class="plain">Calls per hour</span></figcaption><img class="b-image-img" src="https://img.example/c.png"');
    expect(withoutL10n(html)).toContain('<span class="b-img-missing">[image: bad]</span>');
    expect(l10nTexts(html)).toContainEqual(expect.objectContaining({ 'zh-CN': '[图片：bad]', es: '[imagen: bad]' }));
    expect(html).not.toContain('javascript:');
  });

  it('rich_text as formatted text', () => {
    const html = blocksToHtml([
      {
        type: 'rich_text',
        elements: [
          { type: 'rich_text_section', elements: [{ type: 'text', text: 'Hi ' }, { type: 'user', user_id: 'U1' }, { type: 'text', text: ' <b>', style: { bold: true } }, { type: 'emoji', name: 'tada' }] },
          { type: 'rich_text_list', style: 'bullet', elements: [{ type: 'rich_text_section', elements: [{ type: 'link', url: 'javascript:x', text: 'bad' }] }] },
          { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'code' }] },
        ],
      },
    ]);
    expect(html).toContain('Hi <span class="mention mention-user">@U1</span><b> &lt;b&gt;</b>🎉');
    expect(withoutL10n(html)).toContain('<ul class="rt-list rt-indent-0"><li><span class="md-nolink" title="link not allowed">bad</span></li></ul>');
    expect(l10nTexts(html, 'title')).toContainEqual(expect.objectContaining({ 'pt-BR': 'link não permitido' }));
    expect(html).toContain('<pre class="md-pre">code</pre>');
  });

  it('unknown blocks and elements are shown, not hidden: a labelled, escaped JSON dump', () => {
    const html = blocksToHtml([
      { type: 'video', title: plain('<script>alert(1)</script>'), video_url: 'https://v.example' },
      'not a block',
      { type: 'actions', elements: [{ type: 'static_select', action_id: 'pick' }] },
    ]);
    expect(withoutL10n(html)).toContain('<div class="b b-unknown"><div class="b-unknown-label">block type “video” is not shown by this console</div><pre>{\n  &quot;type&quot;: &quot;video&quot;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(withoutL10n(html)).toContain('<div class="b-unknown-label">not a block</div><pre>&quot;not a block&quot;</pre>');
    expect(l10nTexts(html)).toContainEqual(expect.objectContaining({ 'zh-CN': '此控制台不显示“video”类型的块' }));
    expect(html).toContain('<span class="b-unsupported">[static_select]</span>');
    expect(html).not.toContain('<script');
    expect(htmlProblems(html)).toEqual([]);
  });

  it('nothing a message carries can inject markup or attributes', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
    const html = blocksToHtml([
      { type: 'header', text: plain(evil) },
      { type: 'section', block_id: evil, text: mrkdwn(evil), fields: [plain(evil)], accessory: btn(evil, evil, { value: evil, url: 'javascript:alert(1)' }) },
      { type: 'context', elements: [mrkdwn(`<javascript:alert(1)|${evil}>`), { type: 'image', image_url: `https://x.example/"onerror="alert(1)`, alt_text: evil }] },
      { type: 'actions', elements: [btn('ok', 'a', { url: 'https://ok.example/?q="><b>' })] },
      { type: 'image', image_url: 'data:image/svg+xml,<svg onload=alert(1)>', alt_text: evil },
    ]);
    expect(htmlProblems(html)).toEqual([]);
    expect(html).toContain('<a class="btn" href="https://ok.example/?q=%22%3E%3Cb%3E" target="_blank" rel="noopener noreferrer" data-action-id="a"');
    // A button whose URL is not allowed is still a (non-link) button.
    expect(html).toContain('<button type="button" class="btn" data-action-id="&quot;&gt;&lt;script&gt;');
  });

  it('the checker used above does catch injected markup', () => {
    for (const bad of ['<img src=x onerror=alert(1)>', '<a href="javascript:x">', '<script>', '<div onclick="x">', '<b'])
      expect(htmlProblems(bad)).not.toEqual([]);
  });

  it('renders the bot’s real stats answer with its Share button', () => {
    const blocks = withShareButton(renderStats({ rows: [{ campaign: campaign(), stats: stats() }], showBatches: false, timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), vdn: 8 }), '{"c":"stats"}', translator('en'));
    const html = blocksToHtml(blocks);
    expect(html).toContain('Campaign stats');
    expect(html).toContain('🟢 <b>Spring follow-up</b>  <code>1798316116</code>');
    expect(html).toContain('data-action-id="share_in_channel"');
    expect(html).toContain('data-value="{&quot;c&quot;:&quot;stats&quot;}"');
    expect(html).toContain('📣 Share in channel');
  });
});

describe('messageToHtml', () => {
  const author = { name: 'AICC Ops', isBot: true };

  it('marks ephemeral and edited messages and shows the author and time', () => {
    const html = messageToHtml({ id: 'm-C1-1', channel: 'C1', ts: '1.000100', author, time: '10:05', text: 'hi', ephemeralTo: 'U1', edited: true });
    expect(html).toContain('<article id="m-C1-1" class="msg msg-bot msg-ephemeral" data-channel="C1" data-ts="1.000100" data-ephemeral-to="U1">');
    expect(html).toContain('Only visible to you');
    expect(withoutL10n(html)).toContain('<span class="msg-edited">(edited)</span>');
    expect(withoutL10n(html)).toContain('<span class="msg-author">AICC Ops</span><span class="msg-app">APP</span><span class="msg-time">10:05</span>');
  });

  it('writes the console’s own words in every language, for the page to show its reader’s', () => {
    const html = messageToHtml({ id: 'm-C1-1', channel: 'C1', ts: '1.000100', author, time: '10:05', text: 'hi', ephemeralTo: 'U1', edited: true });
    const texts = l10nTexts(html);
    expect(texts).toContainEqual({ en: 'Only visible to you', 'zh-CN': '仅你可见', es: 'Mensaje privado: nadie más lo ve', 'pt-BR': 'Somente você pode ver esta mensagem' });
    expect(texts).toContainEqual({ en: '(edited)', 'zh-CN': '（已编辑）', es: '(editado)', 'pt-BR': '(editado)' });
    expect(texts).toContainEqual(expect.objectContaining({ en: 'APP', 'zh-CN': '应用' }));
    expect(htmlProblems(html)).toEqual([]);
  });

  it('thread replies render under their parent with a count', () => {
    const reply = (n: number) => ({ id: `r${n}`, channel: 'C1', ts: `2.00000${n}`, author, time: '10:06', text: `reply ${n}` });
    const html = messageToHtml({ id: 'p', channel: 'C1', ts: '1.000100', author, time: '10:05', text: 'parent', replies: [reply(1), reply(2)] });
    expect(withoutL10n(html)).toMatch(/parent.*<div class="thread"><div class="thread-count">2 replies<\/div><div class="thread-replies"><article id="r1".*reply 1.*<article id="r2".*reply 2/s);
    // The count keeps its plural in every language.
    expect(l10nTexts(html)).toContainEqual({ en: '2 replies', 'zh-CN': '2 条回复', es: '2 respuestas', 'pt-BR': '2 respostas' });
    expect(l10nTexts(messageToHtml({ id: 'q', channel: 'C1', ts: '1.000200', author, time: '10:05', text: 'one', replies: [reply(1)] }))).toContainEqual({ en: '1 reply', 'zh-CN': '1 条回复', es: '1 respuesta', 'pt-BR': '1 resposta' });
  });

  it('a typed command is shown literally as the user’s line', () => {
    const html = messageToHtml({ id: 'c-1', channel: 'C1', author: { name: 'Mei <Lin>', isBot: false, colour: 1 }, time: '10:05', command: '/aicc stats <!channel> *x*' });
    expect(html).toContain('class="msg msg-user msg-command"');
    expect(html).toContain('<span class="command">/aicc stats &lt;!channel&gt; *x*</span>');
    expect(html).toContain('<span class="msg-author">Mei &lt;Lin&gt;</span>');
    expect(html).not.toContain('data-ts');
  });
});
