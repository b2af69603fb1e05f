/** A form's private metadata: written and read back; forged or damaged metadata reads as nothing. */
import { describe, expect, it } from 'vitest';
import { decodeFormMeta, encodeFormMeta } from '../../../src/slack/forms.js';

describe('form metadata', () => {
  it('keeps the id under the form’s own key and the channel it came from', () => {
    const raw = encodeFormMeta('r', { id: 7, channelId: 'C0OPS' });
    expect(JSON.parse(raw)).toEqual({ r: 7, c: 'C0OPS' });
    expect(decodeFormMeta('r', raw)).toEqual({ id: 7, channelId: 'C0OPS' });
    expect(decodeFormMeta('d', raw)).toEqual({ channelId: 'C0OPS' });
    expect(encodeFormMeta('d', {})).toBe('{}');
  });

  it('reads forged or damaged metadata as nothing', () => {
    expect(decodeFormMeta('r', '{"r":"7","c":"<!channel>"}')).toEqual({});
    expect(decodeFormMeta('r', '{"r":1.5,"c":"U123"}')).toEqual({});
    expect(decodeFormMeta('r', 'not json')).toEqual({});
    expect(decodeFormMeta('r', undefined)).toEqual({});
  });
});
