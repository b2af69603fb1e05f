/**
 * Deterministic randomness for the simulator. Everything the world shows is a pure function of the
 * seed and of small integers (VDN, campaign index, day, hour...), so any count or call can be
 * recomputed on demand instead of being stored.
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** A 32-bit unsigned hash of numbers (integers up to 2^53) and strings. */
export function hash32(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9747b28c;
  for (const part of parts) {
    if (typeof part === 'number') {
      h = fmix(h ^ (part | 0));
      h = fmix(h ^ Math.floor(part / 4294967296));
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 16777619);
      h = fmix(h ^ part.length);
    }
    h = Math.imul(h, 0x27d4eb2d) ^ 0x165667b1;
  }
  return fmix(h) >>> 0;
}

/**
 * The hot-path variant of {@link unit} for four integers (|n| < 2^31): no argument array, so the
 * hour model can afford a few of these per hour slot. `key` is itself a hash.
 */
export function unit4(key: number, a: number, b: number, c: number): number {
  let h = fmix(key ^ 0x5bd1e995);
  h = fmix(Math.imul(h ^ a, 0xcc9e2d51));
  h = fmix(Math.imul(h ^ b, 0x1b873593));
  h = fmix(Math.imul(h ^ c, 0xe6546b64));
  return (h >>> 0) / 4294967296;
}

/** A uniform number in [0, 1) derived from the parts. */
export function unit(...parts: ReadonlyArray<number | string>): number {
  return hash32(...parts) / 4294967296;
}

/** A seeded generator (mulberry32) for sequences: each call returns a number in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max] from a generator. */
export function intBetween(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** `count` decimal digits derived from the parts (leading zeros allowed). */
export function digits(count: number, ...parts: ReadonlyArray<number | string>): string {
  let out = '';
  for (let i = 0; out.length < count; i++) out += String(hash32(...parts, i) % 1_000_000_000).padStart(9, '0');
  return out.slice(0, count);
}
