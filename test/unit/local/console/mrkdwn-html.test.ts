/** Slack mrkdwn → HTML: formatting, links, mentions, entity decoding, and that nothing injects markup. */
import { describe, expect, it } from 'vitest';
import { withoutL10n } from '../../../support/console-l10n.js';
import { htmlProblems } from '../../../support/html-check.js';
import { decodeSlackEntities, escapeHtml, inlineToHtml, mrkdwnToHtml, safeUrl } from '../../../../local/console/mrkdwn-html.js';

const names = { users: new Map([['U0SUPERV', 'Mei Lin']]), channels: new Map([['C0ALERTS', 'alerts']]) };


describe('mrkdwnToHtml formatting', () => {
  it('bold, italic, strike and inline code', () => {
    expect(inlineToHtml('*Dialled today* _soon_ ~old~ `code`')).toBe('<b>Dialled today</b> <i>soon</i> <s>old</s> <code>code</code>');
  });

  it('leaves snake_case, lone markers and markers inside code alone', () => {
    expect(inlineToHtml('share_in_channel a * b 2*3*4 `*not bold*`')).toBe('share_in_channel a * b 2*3*4 <code>*not bold*</code>');
  });

  it('formats single characters and text around links', () => {
    expect(inlineToHtml('*x* and *<https://a.example|A>*')).toBe('<b>x</b> and <b><a href="https://a.example/" target="_blank" rel="noopener noreferrer">A</a></b>');
  });

  it('code blocks keep their content literally, with the lines around them', () => {
    const html = mrkdwnToHtml('*Usage*\n```/aicc stats *x* &lt;ID&gt;```\nafter');
    expect(html).toBe('<b>Usage</b><pre class="md-pre">/aicc stats *x* &lt;ID&gt;</pre>after');
  });

  it('an unclosed fence is literal text', () => {
    expect(mrkdwnToHtml('a ```b')).toBe('a ```b');
  });

  it('block quotes group consecutive > lines; an escaped &gt; is not a quote', () => {
    expect(mrkdwnToHtml('> one\n> two\n&gt; three')).toBe('<blockquote class="md-quote">one\ntwo</blockquote>&gt; three');
  });

  it('bullet lines become list rows, nested ones indented', () => {
    const html = mrkdwnToHtml('*Arguments*\n• `ID` — the campaign\n    - sub');
    expect(html).toContain('<b>Arguments</b><div class="md-li"><span class="md-dot">•</span><span><code>ID</code> — the campaign</span></div>');
    expect(html).toContain('<div class="md-li md-li-nested"><span class="md-dot">-</span><span>sub</span></div>');
  });

  it('keeps newlines for a pre-wrap container and turns known emoji into characters', () => {
    expect(mrkdwnToHtml(':large_green_circle: *A*\n:warning: ok :no_such_emoji: 10:05:30')).toBe('🟢 <b>A</b>\n⚠️ ok :no_such_emoji: 10:05:30');
  });
});

describe('mrkdwnToHtml links and mentions', () => {
  it('http(s) and mailto links become safe anchors', () => {
    expect(inlineToHtml('<https://x.example/a?b=1&amp;c=2|the &amp; report> <mailto:ops@x.example>')).toBe(
      '<a href="https://x.example/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the &amp; report</a> ' +
        '<a href="mailto:ops@x.example" target="_blank" rel="noopener noreferrer">mailto:ops@x.example</a>',
    );
  });

  it('javascript:, data: and malformed URLs are shown as text, never as links', () => {
    for (const bad of ['<javascript:alert(1)|click>', '<JavaScript:alert(1)>', '<data:text/html,<b>x</b>|d>', '< javascript:alert(1)|x>', '<vbscript:x|x>']) {
      const html = inlineToHtml(bad);
      expect(html).not.toContain('<a ');
      expect(html).not.toContain('href');
    }
    expect(withoutL10n(inlineToHtml('<javascript:alert(1)|click>'))).toBe('<span class="md-nolink" title="link not allowed">click</span>');
  });

  it('mentions are labels from the names given, or the label or id', () => {
    expect(inlineToHtml('<@U0SUPERV> <@U0OTHER> <#C0ALERTS> <#C0X|ops>', names)).toBe(
      '<span class="mention mention-user">@Mei Lin</span> <span class="mention mention-user">@U0OTHER</span> ' +
        '<span class="mention mention-channel">#alerts</span> <span class="mention mention-channel">#ops</span>',
    );
  });

  it('broadcasts are labels, never links or notifications', () => {
    const html = inlineToHtml('<!here> <!channel> <!everyone> <!subteam^S1|@oncall> <!date^1700000000^{date}|Nov 14>');
    expect(html).toBe(
      '<span class="mention mention-broadcast">@here</span> <span class="mention mention-broadcast">@channel</span> ' +
        '<span class="mention mention-broadcast">@everyone</span> <span class="mention mention-group">@oncall</span> Nov 14',
    );
  });

  it('a mention label cannot inject markup', () => {
    expect(inlineToHtml('<@U1|"><img src=x onerror=alert(1)>>')).not.toMatch(/<img/);
    expect(htmlProblems(inlineToHtml('<#C1|<script>alert(1)</script>>'))).toEqual([]);
  });
});

describe('mrkdwnToHtml escaping', () => {
  it('decodes Slack entities exactly once, then escapes for HTML', () => {
    expect(inlineToHtml('a &amp; b &lt;tag&gt; &amp;lt; &quot;')).toBe('a &amp; b &lt;tag&gt; &amp;lt; &amp;quot;');
    expect(decodeSlackEntities('&amp;amp; &lt;')).toBe('&amp; <');
  });

  it('escaped script and img tags stay text', () => {
    const html = mrkdwnToHtml('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
  });

  it('raw tags (which Slack would never send unescaped) cannot become markup either', () => {
    for (const raw of ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '*<b onclick=x>*', '`</code><script>`', '```</pre><script>```', '"><svg onload=alert(1)>']) {
      const html = mrkdwnToHtml(raw);
      expect(htmlProblems(html)).toEqual([]);
      expect(html).not.toMatch(/<(script|img|svg)/i);
    }
  });

  it('control characters, including the renderer’s placeholders, are dropped', () => {
    expect(inlineToHtml('a\u00010\u0002b\u0007c')).toBe('a0bc');
  });

  it('escapeHtml covers quotes for attributes', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('safeUrl allows only http(s) and mailto', () => {
    expect(safeUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeUrl('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('java\nscript:alert(1)')).toBeUndefined();
    expect(safeUrl('/relative')).toBeUndefined();
    expect(safeUrl('mailto:a@b.example', ['http:', 'https:'])).toBeUndefined();
  });
});
