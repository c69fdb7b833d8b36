// The random draw of a round, like the national unannounced visits: from the candidate sites of
// each type, `perType` are drawn by a seeded shuffle, so the same seed over the same candidates
// draws the same sites (the seed is recorded with the round). Pure.

/** A 32-bit hash of text (FNV-1a), to derive a per-type stream from the round's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to draw sites. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new seed: 15 decimal digits (exact in a double, fits an int8). */
export function newSeed(random: () => number = Math.random): string {
  return String(Math.floor(random() * 9e14) + 1e14);
}

/**
 * Draws up to `perType` sites of every type (all of them when `perType` is undefined). Candidates
 * are taken in id order whatever order they come in, so only the seed decides the draw.
 */
export function drawSites(
  candidates: readonly { id: number; type_code: string }[],
  perType: number | undefined,
  seed: string,
): number[] {
  const byType = new Map<string, number[]>();
  for (const c of candidates) byType.set(c.type_code, [...(byType.get(c.type_code) ?? []), c.id]);
  const drawn: number[] = [];
  for (const type of [...byType.keys()].sort()) {
    const ids = byType.get(type)!.sort((a, b) => a - b);
    if (perType === undefined || perType >= ids.length) {
      drawn.push(...ids);
      continue;
    }
    const random = prng(hash(`${seed}:${type}`));
    // Partial Fisher–Yates: the first `perType` places are the draw.
    for (let i = 0; i < perType; i++) {
      const j = i + Math.floor(random() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    drawn.push(...ids.slice(0, perType).sort((a, b) => a - b));
  }
  return drawn;
}

/** Splits ids (ordered by place) into contiguous, near-equal shares, one per inspector. */
export function shareOut(ids: readonly number[], inspectorIds: readonly number[]): number[] {
  const out: number[] = [];
  const n = inspectorIds.length;
  ids.forEach((_, i) => out.push(inspectorIds[Math.min(n - 1, Math.floor((i * n) / ids.length))]));
  return out;
}
