// The opinion classifier: suggests the topic (and sub-topic) of a resident's opinion, and the unit
// it should go to, from the city's opinions staff have already classified and routed. Pure; the
// service stores the model (plain JSON) in opinion_classifiers and calls suggestTopic.
//
// Algorithm: multinomial naive Bayes with Laplace (add-one) smoothing over the jieba words of
// platform/text.ts tokens() plus the bigrams of adjacent words. Measured on the generated demo
// opinions (demo-canvass-content.ts, four seeds; the held-out fifth): 3,000 samples — top-level
// 0.957–0.962, sub-topic 0.92–0.95, unit 0.92–0.95; 30,000 — 0.968–0.973, 0.94–0.95, 0.94–0.95,
// trained in ~0.5 s, ~50,000–60,000 suggestions/s. On one seed's splits TF-IDF with nearest
// centroids scored 0.955 / 0.930 (3,000) and 0.969 / 0.946 (30,000) against naive Bayes's
// 0.959 / 0.940 and 0.971 / 0.949, unigrams alone 0.952 / 0.938 and 0.969 / 0.947, so naive Bayes
// with bigrams it is. (The ceiling is the staff's own inconsistency: problems between two topics
// are filed either way.) Two models share the features: one over the finest topic (the sub-topic
// when given, else the top-level code; the top level is topTopicOf(label)), one over the routed
// unit, trained on the samples that have one.
//
// The stored model keeps integer counts only (sparse per label, features seen once pruned, at most
// 20,000 features), so it stays small and exact; the log-probabilities are derived once per model
// object (cached) when it is first used.

import { topTopicOf, TOP_TOPICS } from '@cc/common/canvass';
import { tokens } from '../../platform/text.js';

/** Fewer classified samples than this: the service refuses to train. */
export const MIN_TRAINING_SAMPLES = 50;
const ALPHA = 1;
const MAX_FEATURES = 20_000;
/** Features seen fewer times than this in the training set are dropped (typos, names, numbers). */
const MIN_FEATURE_COUNT = 2;
const DEFAULT_HOLDOUT = 0.2;
const DEFAULT_SEED = 20261203;

export interface OpinionSample {
  text: string;
  topic: string;
  subtopic?: string | null;
  unitId?: number | null;
  /** tokens(text), when the caller has segmented the text already (bulk callers: the seed). */
  tokens?: readonly string[];
}

/** One naive Bayes model: per label, its document count, its feature total and its feature counts. */
export interface LabelCounts<L extends string | number> {
  labels: L[];
  docs: number[];
  totals: number[];
  /** Per label, flat pairs [featureIndex, count, featureIndex, count, …], by feature index. */
  counts: number[][];
}

export interface ClassifierModel {
  version: 1;
  algorithm: 'multinomial_nb';
  alpha: number;
  bigrams: boolean;
  /** The feature strings (a word, or two adjacent words joined by a space). */
  features: string[];
  topic: LabelCounts<string>;
  /** Null when no sample had a unit. */
  unit: LabelCounts<number> | null;
}

export interface TopicMetric {
  code: string;
  precision: number;
  recall: number;
  support: number;
}

export interface Evaluation {
  sampleCount: number;
  trainCount: number;
  holdoutCount: number;
  /** Top-level topic accuracy on the held-out samples; null without any. */
  accuracy: number | null;
  /** Sub-topic accuracy on the held-out samples that have one. */
  subtopicAccuracy: number | null;
  /** Suggested unit = routed unit on the held-out samples that have one. */
  unitAccuracy: number | null;
  /** Per top-level topic. */
  perTopic: TopicMetric[];
  /** Top-level actual × predicted counts (non-zero cells); they sum to holdoutCount. */
  confusion: { actual: string; predicted: string; count: number }[];
  trainMs: number;
}

export interface Suggestion {
  /** Top-level topic: the one with the highest posterior summed over its sub-topics. */
  topic: string;
  /** The most probable sub-topic under `topic`, or null when the top level itself is likelier. */
  subtopic: string | null;
  unitId: number | null;
  /** Posterior probability of `topic`, 0–1. */
  confidence: number;
  /** Every top-level topic with its posterior probability, most probable first. */
  topics: { code: string; probability: number }[];
}

// ---------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------

const BIGRAMS = true;

function featuresOf(words: readonly string[], bigrams = BIGRAMS): string[] {
  if (!bigrams || words.length < 2) return [...words];
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------------------------

interface Doc {
  /** Term ids (into the interned term table), with repeats. */
  terms: Int32Array;
  label: string;
  unitId: number | null;
}

function labelOf(sample: OpinionSample): string {
  return sample.subtopic ? sample.subtopic : sample.topic;
}

function countLabels<L extends string | number>(
  docs: readonly Doc[],
  labelOfDoc: (doc: Doc) => L | null,
  featureOfTerm: Int32Array,
): LabelCounts<L> | null {
  const labels: L[] = [];
  const labelIndex = new Map<L, number>();
  const docCounts: number[] = [];
  const totals: number[] = [];
  const counts: Map<number, number>[] = [];
  for (const doc of docs) {
    const label = labelOfDoc(doc);
    if (label === null) continue;
    let li = labelIndex.get(label);
    if (li === undefined) {
      li = labels.length;
      labelIndex.set(label, li);
      labels.push(label);
      docCounts.push(0);
      totals.push(0);
      counts.push(new Map());
    }
    docCounts[li] += 1;
    const row = counts[li];
    for (const term of doc.terms) {
      const f = featureOfTerm[term];
      if (f < 0) continue;
      row.set(f, (row.get(f) ?? 0) + 1);
      totals[li] += 1;
    }
  }
  if (labels.length === 0) return null;
  // Labels in a stable order (so equal data gives an equal model whatever the sample order).
  const order = labels.map((_, i) => i).sort((a, b) => (String(labels[a]) < String(labels[b]) ? -1 : 1));
  return {
    labels: order.map((i) => labels[i]),
    docs: order.map((i) => docCounts[i]),
    totals: order.map((i) => totals[i]),
    counts: order.map((i) => {
      const flat: number[] = [];
      for (const f of [...counts[i].keys()].sort((a, b) => a - b)) flat.push(f, counts[i].get(f)!);
      return flat;
    }),
  };
}

/** Fits both models on `docs` over the interned `terms`. */
function fit(docs: readonly Doc[], terms: readonly string[]): ClassifierModel {
  const frequency = new Int32Array(terms.length);
  for (const doc of docs) for (const term of doc.terms) frequency[term] += 1;
  const kept: number[] = [];
  for (let t = 0; t < terms.length; t++) if (frequency[t] >= MIN_FEATURE_COUNT) kept.push(t);
  kept.sort((a, b) => frequency[b] - frequency[a] || (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const vocabulary = kept.slice(0, MAX_FEATURES).sort((a, b) => (terms[a] < terms[b] ? -1 : 1));
  const featureOfTerm = new Int32Array(terms.length).fill(-1);
  vocabulary.forEach((t, f) => (featureOfTerm[t] = f));
  const topic = countLabels(docs, (d) => d.label, featureOfTerm);
  if (!topic) throw new Error('no samples to train on');
  return {
    version: 1,
    algorithm: 'multinomial_nb',
    alpha: ALPHA,
    bigrams: BIGRAMS,
    features: vocabulary.map((t) => terms[t]),
    topic,
    unit: countLabels(docs, (d) => d.unitId, featureOfTerm),
  };
}

/** Mulberry32: a small seeded PRNG, so a split is the same on every run. */
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

/**
 * The held-out indexes: `ratio` of each label's samples (rounded), drawn by a seeded shuffle, but
 * never a label's only sample. Exported for the tests.
 */
export function holdoutIndexes(labels: readonly string[], ratio: number, seed: number): Set<number> {
  const rand = prng(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  });
  const held = new Set<number>();
  for (const label of [...byLabel.keys()].sort()) {
    const list = byLabel.get(label)!;
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    const take = list.length < 2 ? 0 : Math.min(list.length - 1, Math.round(list.length * ratio));
    for (let i = 0; i < take; i++) held.add(list[i]);
  }
  return held;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Deterministic held-out split (seeded shuffle, stratified by label, default 20 %), evaluation on
 * it, then the final model trained on ALL samples.
 */
export function trainClassifier(
  samples: readonly OpinionSample[],
  options: { holdoutRatio?: number; seed?: number } = {},
): { model: ClassifierModel; evaluation: Evaluation } {
  const started = performance.now();
  if (samples.length === 0) throw new Error('no samples to train on');
  const ratio = Math.min(0.9, Math.max(0, options.holdoutRatio ?? DEFAULT_HOLDOUT));

  // Segment every text once and intern the features: both fits reuse them.
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const docs: Doc[] = samples.map((s) => {
    const features = featuresOf(s.tokens ?? tokens(s.text));
    const ids = new Int32Array(features.length);
    features.forEach((feature, i) => {
      let id = termIndex.get(feature);
      if (id === undefined) {
        id = terms.length;
        termIndex.set(feature, id);
        terms.push(feature);
      }
      ids[i] = id;
    });
    return { terms: ids, label: labelOf(s), unitId: s.unitId ?? null };
  });

  const held = holdoutIndexes(
    docs.map((d) => d.label),
    ratio,
    options.seed ?? DEFAULT_SEED,
  );
  const train = docs.filter((_, i) => !held.has(i));
  const holdout = docs.filter((_, i) => held.has(i));

  let evaluation: Omit<Evaluation, 'trainMs'> = {
    sampleCount: samples.length,
    trainCount: train.length,
    holdoutCount: holdout.length,
    accuracy: null,
    subtopicAccuracy: null,
    unitAccuracy: null,
    perTopic: [],
    confusion: [],
  };
  if (holdout.length > 0 && train.length > 0) {
    const scorer = prepare(fit(train, terms));
    evaluation = { ...evaluation, ...evaluate(scorer, holdout, terms) };
  }
  const model = fit(docs, terms);
  return { model, evaluation: { ...evaluation, trainMs: Math.round(performance.now() - started) } };
}

function evaluate(scorer: Prepared, holdout: readonly Doc[], terms: readonly string[]) {
  let topRight = 0;
  let subTotal = 0;
  let subRight = 0;
  let unitTotal = 0;
  let unitRight = 0;
  const cells = new Map<string, number>();
  const actualCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const rightCount = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const doc of holdout) {
    const features = knownIds(
      scorer,
      Array.from(doc.terms, (t) => terms[t]),
    );
    const p = predict(scorer, features);
    const actual = topTopicOf(doc.label);
    bump(actualCount, actual);
    bump(predictedCount, p.topic);
    bump(cells, `${actual}\u0000${p.topic}`);
    if (p.topic === actual) {
      topRight += 1;
      bump(rightCount, actual);
    }
    if (doc.label.includes('.')) {
      subTotal += 1;
      if (p.subtopic === doc.label) subRight += 1;
    }
    if (doc.unitId !== null && scorer.unit) {
      unitTotal += 1;
      if (p.unitId === doc.unitId) unitRight += 1;
    }
  }
  const rank = (code: string) => {
    const i = (TOP_TOPICS as readonly string[]).indexOf(code);
    return i === -1 ? TOP_TOPICS.length : i;
  };
  const byRank = (a: string, b: string) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  const codes = [...new Set([...actualCount.keys(), ...predictedCount.keys()])].sort(byRank);
  return {
    accuracy: round4(topRight / holdout.length),
    subtopicAccuracy: subTotal > 0 ? round4(subRight / subTotal) : null,
    unitAccuracy: unitTotal > 0 ? round4(unitRight / unitTotal) : null,
    perTopic: codes.map((code) => {
      const right = rightCount.get(code) ?? 0;
      const predicted = predictedCount.get(code) ?? 0;
      const support = actualCount.get(code) ?? 0;
      return {
        code,
        precision: predicted > 0 ? round4(right / predicted) : 0,
        recall: support > 0 ? round4(right / support) : 0,
        support,
      };
    }),
    confusion: [...cells.entries()]
      .map(([key, count]) => {
        const [actual, predicted] = key.split('\u0000');
        return { actual, predicted, count };
      })
      .sort((a, b) => byRank(a.actual, b.actual) || byRank(a.predicted, b.predicted)),
  };
}

// ---------------------------------------------------------------------------------------------
// Suggesting
// ---------------------------------------------------------------------------------------------

interface Scorer<L> {
  labels: L[];
  /** log P(label) */
  prior: Float64Array;
  /** log P(feature | label), feature-major: [f * labels + l]. */
  likelihood: Float64Array;
}

interface Prepared {
  index: Map<string, number>;
  bigrams: boolean;
  topic: Scorer<string>;
  /** Per topic label, its top-level code. */
  topOf: string[];
  tops: string[];
  unit: Scorer<number> | null;
}

function scorerOf<L extends string | number>(part: LabelCounts<L>, featureCount: number, alpha: number): Scorer<L> {
  const n = part.labels.length;
  const docs = part.docs.reduce((a, b) => a + b, 0);
  const prior = Float64Array.from(part.docs, (d) => Math.log(d / docs));
  const likelihood = new Float64Array(featureCount * n);
  for (let l = 0; l < n; l++) {
    const denominator = Math.log(part.totals[l] + alpha * featureCount);
    const unseen = Math.log(alpha) - denominator;
    for (let f = 0; f < featureCount; f++) likelihood[f * n + l] = unseen;
    const flat = part.counts[l];
    for (let i = 0; i < flat.length; i += 2) likelihood[flat[i] * n + l] = Math.log(flat[i + 1] + alpha) - denominator;
  }
  return { labels: part.labels, prior, likelihood };
}

const prepared = new WeakMap<ClassifierModel, Prepared>();

function prepare(model: ClassifierModel): Prepared {
  let p = prepared.get(model);
  if (p) return p;
  const featureCount = model.features.length;
  const topic = scorerOf(model.topic, featureCount, model.alpha);
  const topOf = topic.labels.map(topTopicOf);
  p = {
    index: new Map(model.features.map((f, i) => [f, i])),
    bigrams: model.bigrams,
    topic,
    topOf,
    tops: [...new Set(topOf)],
    unit: model.unit ? scorerOf(model.unit, featureCount, model.alpha) : null,
  };
  prepared.set(model, p);
  return p;
}

/** The model's ids of the features it knows. */
function knownIds(p: Prepared, features: readonly string[]): number[] {
  const ids: number[] = [];
  for (const feature of features) {
    const id = p.index.get(feature);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Posterior probabilities of the labels of `scorer` given the features (a softmax of the log scores). */
function posterior<L>(scorer: Scorer<L>, features: readonly number[]): Float64Array {
  const n = scorer.labels.length;
  const score = Float64Array.from(scorer.prior);
  for (const f of features) {
    const base = f * n;
    for (let l = 0; l < n; l++) score[l] += scorer.likelihood[base + l];
  }
  let max = -Infinity;
  for (let l = 0; l < n; l++) if (score[l] > max) max = score[l];
  let sum = 0;
  for (let l = 0; l < n; l++) {
    score[l] = Math.exp(score[l] - max);
    sum += score[l];
  }
  for (let l = 0; l < n; l++) score[l] /= sum;
  return score;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The suggestion for the features (no features: the priors decide). */
function predict(p: Prepared, features: readonly number[]): Suggestion {
  const probs = posterior(p.topic, features);
  const byTop = new Map<string, number>(p.tops.map((t) => [t, 0]));
  probs.forEach((prob, l) => byTop.set(p.topOf[l], byTop.get(p.topOf[l])! + prob));
  const topics = [...byTop.entries()]
    .map(([code, probability]) => ({ code, probability }))
    .sort((a, b) => b.probability - a.probability || (a.code < b.code ? -1 : 1));
  const topic = topics[0].code;
  let best = -1;
  probs.forEach((prob, l) => {
    if (p.topOf[l] === topic && (best === -1 || prob > probs[best])) best = l;
  });
  const label = p.topic.labels[best];
  const unitId = p.unit ? p.unit.labels[argmax(posterior(p.unit, features))] : null;
  return {
    topic,
    subtopic: label.includes('.') ? label : null,
    unitId,
    confidence: round4(topics[0].probability),
    topics: topics.map((t) => ({ code: t.code, probability: round4(t.probability) })),
  };
}

/** The suggested topic, sub-topic and unit of an opinion's text; null when no word of it is known to the model. */
export function suggestTopic(model: ClassifierModel, text: string): Suggestion | null {
  return suggestFromTokens(model, tokens(text));
}

/** suggestTopic over tokens(text) already made. */
export function suggestFromTokens(model: ClassifierModel, words: readonly string[]): Suggestion | null {
  const p = prepare(model);
  const features = knownIds(p, featuresOf(words, p.bigrams));
  if (features.length === 0) return null;
  return predict(p, features);
}

// ---------------------------------------------------------------------------------------------
// Loading a stored model
// ---------------------------------------------------------------------------------------------

function fail(reason: string): never {
  throw new Error(`invalid classifier model: ${reason}`);
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function checkPart(value: unknown, name: string, featureCount: number, labelKind: 'string' | 'number'): void {
  if (typeof value !== 'object' || value === null) fail(`${name} is not an object`);
  const part = value as Record<string, unknown>;
  const { labels, docs, totals, counts } = part;
  if (!Array.isArray(labels) || labels.length === 0) fail(`${name}.labels`);
  if (!labels.every((l) => typeof l === labelKind)) fail(`${name}.labels must be ${labelKind}s`);
  if (new Set(labels).size !== labels.length) fail(`${name}.labels repeat`);
  const n = labels.length;
  if (!Array.isArray(docs) || docs.length !== n || !docs.every(isCount) || !docs.some((d) => d > 0)) {
    fail(`${name}.docs`);
  }
  if (!Array.isArray(totals) || totals.length !== n || !totals.every(isCount)) fail(`${name}.totals`);
  if (!Array.isArray(counts) || counts.length !== n) fail(`${name}.counts`);
  counts.forEach((flat: unknown, l) => {
    if (!Array.isArray(flat) || flat.length % 2 !== 0) fail(`${name}.counts[${l}]`);
    let sum = 0;
    for (let i = 0; i < flat.length; i += 2) {
      if (!isCount(flat[i]) || (flat[i] as number) >= featureCount || !isCount(flat[i + 1])) {
        fail(`${name}.counts[${l}] entry ${i / 2}`);
      }
      sum += flat[i + 1] as number;
    }
    if (sum !== totals[l]) fail(`${name}.totals[${l}] does not match its counts`);
  });
}

/** A stored model (opinion_classifiers.model) checked for its version and shape; throws on anything else. */
export function modelFromJson(json: unknown): ClassifierModel {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not an object');
  const m = value as Record<string, unknown>;
  if (m.version !== 1) fail(`unknown version ${String(m.version)}`);
  if (m.algorithm !== 'multinomial_nb') fail('unknown algorithm');
  if (typeof m.alpha !== 'number' || !(m.alpha > 0)) fail('alpha');
  if (typeof m.bigrams !== 'boolean') fail('bigrams');
  if (!Array.isArray(m.features) || !m.features.every((f) => typeof f === 'string')) fail('features');
  const featureCount = m.features.length;
  checkPart(m.topic, 'topic', featureCount, 'string');
  if (m.unit !== null) checkPart(m.unit, 'unit', featureCount, 'number');
  const model = value as unknown as ClassifierModel;
  prepare(model);
  return model;
}
