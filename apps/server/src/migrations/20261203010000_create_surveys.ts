// Frozen once applied. Questionnaires (问卷): a questionnaire owned by a region's office, its
// versions per respondent group with the questions and their rate configuration, quotas per
// region, the anonymous responses (device and address only as keyed hashes), the counts each
// response adds to (so results over many answers are read from a few thousand rows), and the
// per-device and per-address counters behind the answering limits.

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE surveys (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      campaign_id bigint REFERENCES campaigns(id),
      title text NOT NULL,
      intro text,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
      opens_at timestamptz,
      closes_at timestamptz,
      public_token text NOT NULL UNIQUE,
      -- keys the device and address hashes of this questionnaire; never leaves the server
      hash_salt text NOT NULL,
      per_device_limit integer NOT NULL DEFAULT 1 CHECK (per_device_limit >= 0),
      per_ip_daily_limit integer NOT NULL DEFAULT 50 CHECK (per_ip_daily_limit >= 0),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      opened_at timestamptz,
      closed_at timestamptz,
      CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
    );
    CREATE INDEX surveys_city ON surveys (city_id, id DESC);
    CREATE INDEX surveys_region ON surveys (region_id);

    CREATE TABLE survey_versions (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      survey_id bigint NOT NULL REFERENCES surveys(id),
      respondent_group text NOT NULL,
      title text,
      questions jsonb NOT NULL DEFAULT '[]',
      sort integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (survey_id, respondent_group)
    );

    CREATE TABLE survey_quotas (
      city_id bigint NOT NULL REFERENCES cities(id),
      survey_id bigint NOT NULL REFERENCES surveys(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      quota integer NOT NULL CHECK (quota >= 0),
      counted integer NOT NULL DEFAULT 0 CHECK (counted >= 0),
      PRIMARY KEY (survey_id, region_id)
    );

    CREATE TABLE survey_responses (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      survey_id bigint NOT NULL REFERENCES surveys(id),
      version_id bigint NOT NULL REFERENCES survey_versions(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      device_hash text NOT NULL,
      ip_hash text,
      answers jsonb NOT NULL,
      idempotency_key text NOT NULL,
      submitted_at timestamptz NOT NULL,
      UNIQUE (survey_id, idempotency_key)
    );
    CREATE INDEX survey_responses_survey ON survey_responses (survey_id, id);

    -- One row per survey, version, region, question and answer key (see answerKeys in
    -- packages/common/src/surveys.ts); question '' with answer '' counts the responses.
    CREATE TABLE survey_answer_counts (
      city_id bigint NOT NULL REFERENCES cities(id),
      survey_id bigint NOT NULL REFERENCES surveys(id),
      version_id bigint NOT NULL REFERENCES survey_versions(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      question_code text NOT NULL,
      answer_key text NOT NULL,
      count integer NOT NULL CHECK (count >= 0),
      PRIMARY KEY (survey_id, version_id, region_id, question_code, answer_key)
    );

    -- Answering limits: 'device:<hash>' for the whole questionnaire, 'ip:<hash>:<local date>' a day.
    CREATE TABLE survey_limit_counters (
      city_id bigint NOT NULL REFERENCES cities(id),
      survey_id bigint NOT NULL REFERENCES surveys(id),
      key text NOT NULL,
      count integer NOT NULL CHECK (count >= 0),
      PRIMARY KEY (survey_id, key)
    );
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
