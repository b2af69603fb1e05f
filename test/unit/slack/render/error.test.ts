import { describe, expect, it } from 'vitest';
import { renderError } from '../../../../src/slack/render/error.js';
import { allText } from '../../../support/render-fixtures.js';

describe('renderError', () => {
  it('shows title, detail, hint and code, escaped', () => {
    const blocks = renderError({ title: 'Call not found', detail: 'The vendor said: <!channel> & no record', hint: 'Check the id with `/aicc campaigns`', code: '0200007' });
    const text = allText(blocks);
    expect(text).toContain(':warning: *Call not found*');
    expect(text).toContain('The vendor said: &lt;!channel&gt; &amp; no record');
    expect(text).toContain('Check the id with `/aicc campaigns`');
    expect(text).toContain('code `0200007`');
  });
  it('needs only a title', () => {
    expect(renderError({ title: 'Oops' })).toHaveLength(1);
  });
});
