// Grouping of near-identical opinions: many households raise one problem in nearly the same words
// ("3号楼楼道堆放杂物" / "5号楼楼道里堆放的杂物没人清理"), and the office answers it once, as
// one item with a count. Pure over the token vectors of platform/text.ts (tokenVector, cosine):
// an opinion joins the most similar group, compared with the group's first opinion, when the
// cosine similarity reaches the threshold. An inverted index (token → groups holding it) keeps a
// match to the groups sharing a word, so 30,000 opinions group in well under a second.

import { tokenVector } from '../../platform/text.js';

/**
 * Cosine similarity needed to join a group. Numbers (building, house) are not tokens, and stop
 * words and punctuation are dropped, so such variants compare as equal; a politeness phrase or a
 * changed word over the 5–10 content words of an opinion still scores ~0.9, while two problems of
 * one place (the estate or road name shared) score 0.25–0.4. On 30,000 generated opinions, 0.8
 * gave 2,014 groups of which 22 mixed two problems; 0.7 gave 1,163 with 101 mixed (an opinion
 * adding "另外…" a second problem joined the first's group), 0.9 split the same problems into
 * 4,117 groups.
 */
export const GROUP_THRESHOLD = 0.8;

export interface GroupIndex {
  /** The group whose first vector is most similar to `vector`, if at or above the threshold (ties: the earliest). */
  match(vector: ReadonlyMap<string, number>): { key: number; similarity: number } | null;
  /** Adds a group with `vector` as its representative. */
  add(key: number, vector: ReadonlyMap<string, number>): void;
  readonly size: number;
}

interface Postings {
  groups: number[];
  counts: number[];
}

export function createGroupIndex(threshold = GROUP_THRESHOLD): GroupIndex {
  const keys: number[] = [];
  /** Squared norms of the representatives. */
  const norms: number[] = [];
  const postings = new Map<string, Postings>();
  let dots = new Float64Array(1024);
  const touched: number[] = [];

  return {
    get size() {
      return keys.length;
    },
    add(key, vector) {
      const g = keys.length;
      keys.push(key);
      let norm = 0;
      for (const [token, count] of vector) {
        norm += count * count;
        let list = postings.get(token);
        if (!list) {
          list = { groups: [], counts: [] };
          postings.set(token, list);
        }
        list.groups.push(g);
        list.counts.push(count);
      }
      norms.push(norm);
      if (keys.length > dots.length) {
        const grown = new Float64Array(dots.length * 2);
        grown.set(dots);
        dots = grown;
      }
    },
    match(vector) {
      let norm = 0;
      for (const [token, count] of vector) {
        norm += count * count;
        const list = postings.get(token);
        if (!list) continue;
        const { groups, counts } = list;
        for (let i = 0; i < groups.length; i++) {
          const g = groups[i];
          if (dots[g] === 0) touched.push(g);
          dots[g] += count * counts[i];
        }
      }
      let best = -1;
      let bestSimilarity = 0;
      for (const g of touched) {
        // As platform/text.ts cosine(): one square root of the product, identical vectors at exactly 1.
        const similarity = Math.min(1, dots[g] / Math.sqrt(norm * norms[g]));
        if (similarity > bestSimilarity || (similarity === bestSimilarity && g < best)) {
          best = g;
          bestSimilarity = similarity;
        }
        dots[g] = 0;
      }
      touched.length = 0;
      if (best === -1 || bestSimilarity < threshold) return null;
      return { key: keys[best], similarity: bestSimilarity };
    },
  };
}

/**
 * Groups texts in order: each joins the best existing group ≥ threshold (compared with the group's
 * first text) or starts one; returns the group number of each text (0-based, by first appearance).
 * A text without content words starts a group of its own.
 */
export function groupTexts(texts: readonly string[], threshold = GROUP_THRESHOLD): number[] {
  return groupVectors(
    texts.map((text) => tokenVector(text)),
    threshold,
  );
}

/** groupTexts over vectors already made (tokenVector of each text). */
export function groupVectors(vectors: readonly ReadonlyMap<string, number>[], threshold = GROUP_THRESHOLD): number[] {
  const index = createGroupIndex(threshold);
  return vectors.map((vector) => {
    const found = index.match(vector);
    if (found) return found.key;
    const key = index.size;
    index.add(key, vector);
    return key;
  });
}
