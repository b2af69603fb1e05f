import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../../support/fixtures.js';
import { percentEncode, signAuthV2, verifyAuthV2 } from '../../../src/aicc/signer.js';

interface VectorCase {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: string;
  canonicalRequest: string;
  authorization: string;
}
const vectors = fixtureJson('auth-v2-vectors.json') as {
  accessKey: string;
  secretKey: string;
  timestamp: string;
  cases: VectorCase[];
};

describe('auth-v2 signer', () => {
  it.each(vectors.cases.map((c) => [`${c.method} ${c.path}`, c] as const))('reproduces %s', (_name, c) => {
    const signed = signAuthV2({
      accessKey: vectors.accessKey,
      secretKey: vectors.secretKey,
      method: c.method,
      path: c.path,
      query: c.query,
      headers: c.headers,
      body: c.body,
      now: new Date(vectors.timestamp),
    });
    expect(signed.canonicalRequest).toBe(c.canonicalRequest);
    expect(signed.authorization).toBe(c.authorization);
  });

  it('verifies its own signatures and rejects a wrong secret or a changed body', () => {
    const c = vectors.cases[2]!;
    const req = { method: c.method, path: c.path, query: c.query, headers: c.headers, body: c.body };
    const secretFor = (ak: string) => (ak === vectors.accessKey ? vectors.secretKey : undefined);
    expect(verifyAuthV2(c.authorization, req, secretFor)).toEqual({ ok: true, accessKey: vectors.accessKey });
    expect(verifyAuthV2(c.authorization, req, () => 'wrong')).toMatchObject({ ok: false, reason: 'signature mismatch' });
    expect(verifyAuthV2(c.authorization, { ...req, body: '{"vdn":93}' }, secretFor)).toMatchObject({ ok: false });
    expect(verifyAuthV2('Bearer x', req, secretFor)).toMatchObject({ ok: false });
  });

  it('percent-encodes reserved characters that encodeURIComponent leaves alone', () => {
    expect(percentEncode("a!'()*b ~._-")).toBe('a%21%27%28%29%2Ab%20~._-');
    expect(percentEncode('春')).toBe('%E6%98%A5');
  });
});
