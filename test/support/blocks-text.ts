/** Every text in a list of blocks, flattened, for "contains" assertions. */
export function blocksText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const [k, val] of Object.entries(o)) if (k !== 'text' || typeof val !== 'string') walk(val);
    }
  };
  walk(blocks);
  return out.join('\n');
}
