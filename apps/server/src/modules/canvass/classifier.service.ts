// The city's opinion classifier as a use case: train it on the opinions staff have classified
// (held-out accuracy kept with the model and shown to the admin), suggest a topic and a unit for
// new opinions, and a "try it" box. The model lives in opinion_classifiers; each process keeps the
// parsed model in memory and reloads it when a newer training is stored.

import { sql } from 'kysely';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import {
  MIN_TRAINING_SAMPLES,
  modelFromJson,
  suggestTopic,
  trainClassifier,
  type ClassifierModel,
  type Evaluation,
  type Suggestion,
} from './classifier.js';
import type { ClassifierStatus, SuggestResponse } from './canvass.schemas.js';

interface Cached {
  trainedAt: number;
  model: ClassifierModel;
}

/** Parsed models per database handle and city (a test process may hold several databases). */
const cache = new WeakMap<object, Map<number, Cached>>();

export async function loadModel(db: Executor, cityId: number): Promise<ClassifierModel | null> {
  const head = await db
    .selectFrom('opinion_classifiers')
    .select('trained_at')
    .where('city_id', '=', cityId)
    .executeTakeFirst();
  if (!head) return null;
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(cityId);
  if (hit && hit.trainedAt === head.trained_at.getTime()) return hit.model;
  const row = await db
    .selectFrom('opinion_classifiers')
    .select(['trained_at', 'model'])
    .where('city_id', '=', cityId)
    .executeTakeFirstOrThrow();
  const model = modelFromJson(row.model);
  perDb.set(cityId, { trainedAt: row.trained_at.getTime(), model });
  return model;
}

export interface OpinionSuggestion {
  topic: string;
  subtopic: string | null;
  unitId: number | null;
  confidence: number;
}

/** Suggestions for texts (null where the model knows none of the words, or there is no model). */
export async function suggestMany(
  db: Executor,
  cityId: number,
  texts: readonly string[],
): Promise<(OpinionSuggestion | null)[]> {
  const model = await loadModel(db, cityId);
  if (!model) return texts.map(() => null);
  return texts.map((text) => {
    const s = suggestTopic(model, text);
    return s ? { topic: s.topic, subtopic: s.subtopic, unitId: s.unitId, confidence: s.confidence } : null;
  });
}

async function availableSamples(db: Executor, cityId: number): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM canvass_opinions
    WHERE city_id = ${cityId} AND classified_by IS NOT NULL AND topic_code IS NOT NULL`.execute(db);
  return result.rows[0].n;
}

export async function classifierStatus(ctx: Ctx, db: Executor = ctx.db): Promise<ClassifierStatus> {
  assertCan(ctx.actor, 'canvass.manage');
  const row = await db
    .selectFrom('opinion_classifiers')
    .select(['trained_at', 'sample_count', 'holdout_count', 'accuracy', 'unit_accuracy', 'train_ms', 'evaluation'])
    .where('city_id', '=', ctx.actor.cityId)
    .executeTakeFirst();
  const available = await availableSamples(db, ctx.actor.cityId);
  if (!row) {
    return {
      trained: false,
      trainedAt: null,
      sampleCount: 0,
      holdoutCount: 0,
      accuracy: null,
      subtopicAccuracy: null,
      unitAccuracy: null,
      trainMs: null,
      perTopic: [],
      confusion: [],
      availableSamples: available,
    };
  }
  const evaluation = row.evaluation as Evaluation;
  return {
    trained: true,
    trainedAt: row.trained_at.toISOString(),
    sampleCount: row.sample_count,
    holdoutCount: row.holdout_count,
    accuracy: row.accuracy,
    subtopicAccuracy: evaluation.subtopicAccuracy ?? null,
    unitAccuracy: row.unit_accuracy,
    trainMs: row.train_ms,
    perTopic: evaluation.perTopic ?? [],
    confusion: evaluation.confusion ?? [],
    availableSamples: available,
  };
}

/** Trains on every staff-classified opinion of the city and stores the model with its evaluation. */
export async function storeTrainedModel(db: Executor, cityId: number, userId: number | null, now: Date) {
  const samples = await sql<{ text: string; topic: string; subtopic: string | null; unit_id: number | null }>`
    SELECT text, topic_code AS topic, subtopic_code AS subtopic, routed_unit_id AS unit_id
    FROM canvass_opinions
    WHERE city_id = ${cityId} AND classified_by IS NOT NULL AND topic_code IS NOT NULL
    ORDER BY id`.execute(db);
  if (samples.rows.length < MIN_TRAINING_SAMPLES) {
    throw new AppError('CONFLICT', {
      messageKey: 'CANVASS_CLASSIFIER_TOO_FEW',
      params: { count: samples.rows.length, min: MIN_TRAINING_SAMPLES },
    });
  }
  const { model, evaluation } = trainClassifier(
    samples.rows.map((r) => ({ text: r.text, topic: r.topic, subtopic: r.subtopic, unitId: r.unit_id })),
  );
  const values = {
    city_id: cityId,
    trained_at: now,
    trained_by: userId,
    sample_count: evaluation.sampleCount,
    holdout_count: evaluation.holdoutCount,
    accuracy: evaluation.accuracy,
    unit_accuracy: evaluation.unitAccuracy,
    train_ms: Math.round(evaluation.trainMs),
    evaluation: JSON.stringify(evaluation),
    model: JSON.stringify(model),
  };
  await db
    .insertInto('opinion_classifiers')
    .values(values)
    .onConflict((oc) => oc.column('city_id').doUpdateSet(values))
    .execute();
  return evaluation;
}

export async function trainNow(ctx: Ctx): Promise<ClassifierStatus> {
  assertCan(ctx.actor, 'canvass.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const evaluation = await storeTrainedModel(trx, ctx.actor.cityId, ctx.actor.userId, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'canvass.classifier.train',
      entityType: 'opinion_classifier',
      entityId: ctx.actor.cityId,
      after: {
        samples: evaluation.sampleCount,
        holdout: evaluation.holdoutCount,
        accuracy: evaluation.accuracy,
        unitAccuracy: evaluation.unitAccuracy,
      },
    });
    return classifierStatus(ctx, trx);
  });
}

async function unitNames(db: Executor, cityId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('city_id', '=', cityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function tryText(ctx: Ctx, text: string): Promise<SuggestResponse> {
  assertCan(ctx.actor, 'canvass.read');
  const model = await loadModel(ctx.db, ctx.actor.cityId);
  const s: Suggestion | null = model ? suggestTopic(model, text) : null;
  if (!s) return { suggestion: null, topics: [] };
  const names = await unitNames(ctx.db, ctx.actor.cityId, s.unitId ? [s.unitId] : []);
  return {
    suggestion: {
      topicCode: s.topic,
      subtopicCode: s.subtopic,
      unit: s.unitId && names.has(s.unitId) ? { id: s.unitId, name: names.get(s.unitId)! } : null,
      confidence: s.confidence,
    },
    topics: s.topics.map((t) => ({ code: t.code, probability: t.probability })),
  };
}
