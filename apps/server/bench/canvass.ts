// Canvass benchmarks, run by bench/run.ts: the opinion classifier and the grouping of
// near-identical opinions, in memory (both are pure; the service only loads and stores around
// them). 30,000 opinions from the demo content generator (seeded): generation, training with the
// held-out evaluation (top-level, sub-topic and unit accuracy), the stored model's size, loading
// it back, suggestions per second on 20,000 fresh texts, and grouping the 30,000 (with and
// without the segmentation). Figures only — nothing here asserts a time. BENCH_CANVASS=1 runs
// only this part (see run.ts).

import {
  groupTexts,
  groupVectors,
  modelFromJson,
  suggestTopic,
  trainClassifier,
  type OpinionSample,
} from '../src/modules/canvass/index.js';
import { tokenVector } from '../src/platform/text.js';
import { generateOpinions } from '../src/seed/demo-canvass-content.js';
import { line, ms } from './support.js';

const OPINIONS = 30_000;
const SUGGESTIONS = 20_000;

/** The seed's PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function samplesOf(seed: number, count: number): OpinionSample[] {
  const units = new Map<string, number>();
  return generateOpinions(prng(seed), count).map((o) => {
    if (!units.has(o.unit)) units.set(o.unit, units.size + 1);
    return { text: o.text, topic: o.topic, subtopic: o.subtopic, unitId: units.get(o.unit)! };
  });
}

const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

export function runCanvassBenchmarks(): void {
  console.log('\ncanvass (in memory)');
  // The segmenter loads its dictionary on first use: not part of any figure.
  tokenVector('预热分词词典');

  let started = performance.now();
  const samples = samplesOf(20261203, OPINIONS);
  line(`generate ${OPINIONS.toLocaleString('en')} opinions`, ms(performance.now() - started));

  started = performance.now();
  const { model, evaluation } = trainClassifier(samples);
  line(
    `train classifier on ${OPINIONS.toLocaleString('en')} opinions`,
    `${ms(performance.now() - started)}  (split, evaluation and final model; trainMs ${evaluation.trainMs})`,
  );
  line(
    'held-out accuracy (top-level / sub-topic / unit)',
    `${percent(evaluation.accuracy)} / ${percent(evaluation.subtopicAccuracy)} / ${percent(evaluation.unitAccuracy)}` +
      `  (${evaluation.holdoutCount.toLocaleString('en')} held out)`,
  );
  for (const t of evaluation.perTopic) {
    line(`  ${t.code}`, `precision ${percent(t.precision)}  recall ${percent(t.recall)}  support ${t.support}`);
  }
  const json = JSON.stringify(model);
  line(
    'stored model',
    `${(json.length / 1024).toFixed(0)} KiB JSON, ${model.features.length.toLocaleString('en')} features`,
  );
  started = performance.now();
  const loaded = modelFromJson(JSON.parse(json));
  line('load stored model (parse, check, prepare)', ms(performance.now() - started));

  const fresh = samplesOf(77, SUGGESTIONS).map((s) => s.text);
  for (const text of fresh.slice(0, 1000)) suggestTopic(loaded, text);
  started = performance.now();
  let suggested = 0;
  for (const text of fresh) if (suggestTopic(loaded, text)) suggested += 1;
  const elapsed = performance.now() - started;
  line(
    `suggest ${SUGGESTIONS.toLocaleString('en')} fresh opinions`,
    `${ms(elapsed)}  (${Math.round(SUGGESTIONS / (elapsed / 1000)).toLocaleString('en')} suggestions/s, ${suggested} answered)`,
  );

  const texts = samples.map((s) => s.text);
  started = performance.now();
  const groups = groupTexts(texts);
  const groupMs = performance.now() - started;
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  line(
    `group ${OPINIONS.toLocaleString('en')} opinions (with segmentation)`,
    `${ms(groupMs)}  (${sizes.size.toLocaleString('en')} groups, ${[...sizes.values()].filter((n) => n > 1).length} with 2+)`,
  );
  const vectors = texts.map((t) => tokenVector(t));
  started = performance.now();
  groupVectors(vectors);
  line(`group ${OPINIONS.toLocaleString('en')} opinion vectors (index only)`, ms(performance.now() - started));
}
