// Text similarity between short Chinese texts (case descriptions, residents' opinions): used to
// spot duplicate reports of one problem and to group and classify opinions.
// Chinese text has no spaces, so it is segmented into words with jieba, cleaned of punctuation,
// numbers and stop words, and compared as bag-of-words vectors by cosine similarity.
// Pure apart from the segmenter, which is loaded once on first use (building it from the
// dictionary takes ~0.2 s).

import { Jieba } from '@node-rs/jieba';
// The package is CommonJS without an exports map, so Node's ESM resolver needs the file extension.
import { dict } from '@node-rs/jieba/dict.js';

let segmenter: Jieba | undefined;

function cut(text: string): string[] {
  segmenter ??= Jieba.withDict(dict);
  return segmenter.cut(text, false);
}

/**
 * Words that carry no topic: particles, pronouns, and the boilerplate every complaint contains
 * ("请相关部门尽快处理"), which would otherwise make unrelated reports look alike.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // particles, conjunctions, prepositions
  ...['的', '地', '得', '了', '着', '过', '在', '是', '有', '和', '与', '及', '以及', '或', '或者', '并', '并且'],
  ...['而', '但', '但是', '等', '也', '都', '就', '还', '又', '很', '太', '非常', '比较', '已', '已经', '一直'],
  ...['把', '被', '给', '让', '从', '对', '向', '于', '为', '因为', '所以', '如果', '由于', '导致', '造成'],
  ...['吗', '呢', '吧', '啊', '呀', '哦', '嘛', '啦'],
  // pronouns and determiners
  ...['我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '大家', '自己'],
  ...['这', '那', '这个', '那个', '这里', '那里', '这边', '那边', '这些', '那些', '一个', '一些', '一下'],
  ...['什么', '怎么', '如何', '为什么', '哪里', '哪个'],
  // complaint boilerplate
  ...['请', '麻烦', '希望', '问题', '反映', '情况', '相关', '部门', '有关', '处理', '解决', '尽快', '及时'],
  ...['谢谢', '您好', '你好', '市民', '群众', '现在', '目前', '存在', '发现', '进行', '出来', '起来'],
  // date parts left behind when numbers are dropped
  ...['年', '月', '日', '号', '时', '点', '分'],
]);

const HAS_LETTER = /\p{L}/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;

function isKept(token: string): boolean {
  // No letter at all: whitespace, punctuation, symbols, digits ("2024", "3.5", "…").
  if (!HAS_LETTER.test(token)) return false;
  if (STOP_WORDS.has(token)) return false;
  // Single Latin letters are noise; single Han characters are often nouns (灯, 桶, 墙).
  if ([...token].length === 1) return SINGLE_HAN.test(token);
  return true;
}

/**
 * The content words of a text: segmented, NFKC-normalised (full-width letters and digits become
 * ASCII) and lower-cased, without punctuation, numbers, stop words and single non-Han characters.
 */
export function tokens(text: string): string[] {
  const normalised = text.normalize('NFKC').toLowerCase().trim();
  if (normalised === '') return [];
  return cut(normalised)
    .map((token) => token.trim())
    .filter(isKept);
}

/** Token → number of occurrences. */
export function tokenVector(text: string): Map<string, number> {
  const vector = new Map<string, number>();
  for (const token of tokens(text)) vector.set(token, (vector.get(token) ?? 0) + 1);
  return vector;
}

/** Cosine similarity of two count vectors, in [0, 1]; 0 when either is empty. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [token, count] of small) dot += count * (large.get(token) ?? 0);
  if (dot === 0) return 0;
  let normA = 0;
  let normB = 0;
  for (const count of a.values()) normA += count * count;
  for (const count of b.values()) normB += count * count;
  // One square root of the product keeps identical integer vectors at exactly 1.
  return Math.min(1, dot / Math.sqrt(normA * normB));
}

const VECTOR_CACHE_MAX = 5000;
const vectorCache = new Map<string, Map<string, number>>();

/**
 * tokenVector with a bounded cache: the same open cases are candidates of many intakes, and
 * segmenting them again each time was most of an intake's time.
 */
export function cachedTokenVector(text: string): Map<string, number> {
  let vector = vectorCache.get(text);
  if (vector) {
    // Refresh its place: the oldest entries are dropped first.
    vectorCache.delete(text);
  } else {
    vector = tokenVector(text);
    if (vectorCache.size >= VECTOR_CACHE_MAX) vectorCache.delete(vectorCache.keys().next().value!);
  }
  vectorCache.set(text, vector);
  return vector;
}

/** How alike two texts are by their content words, in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  return cosine(tokenVector(a), tokenVector(b));
}
