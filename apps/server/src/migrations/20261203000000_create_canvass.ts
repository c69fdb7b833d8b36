// Frozen once applied. Door-to-door canvassing (访千楼万家): drives with milestones and materials,
// assignments of units to communities and buildings with household targets, visit records after
// the 群众意见建议征询表, the residents' opinions (classified, grouped, routed, answered and the
// answer delivered), opinion topics, and the city's trained opinion classifier.

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE canvass_drives (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      campaign_id bigint REFERENCES campaigns(id),
      name text NOT NULL,
      description text,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      kickoff_due_on date,
      records_due_on date,
      materials text[] NOT NULL DEFAULT '{}',
      answer_days integer NOT NULL DEFAULT 10 CHECK (answer_days BETWEEN 1 AND 90),
      escalate_every_days integer NOT NULL DEFAULT 3 CHECK (escalate_every_days BETWEEN 1 AND 30),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on),
      CHECK (kickoff_due_on IS NULL OR kickoff_due_on BETWEEN starts_on AND ends_on),
      CHECK (records_due_on IS NULL OR records_due_on BETWEEN starts_on AND ends_on)
    );
    CREATE INDEX canvass_drives_city ON canvass_drives (city_id, starts_on DESC);

    CREATE TABLE canvass_assignments (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      drive_id bigint NOT NULL REFERENCES canvass_drives(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      community_id bigint NOT NULL REFERENCES regions(id),
      target_households integer NOT NULL CHECK (target_households >= 0),
      kicked_off_on date,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (drive_id, unit_id, community_id)
    );
    CREATE INDEX canvass_assignments_unit ON canvass_assignments (unit_id, drive_id);
    CREATE INDEX canvass_assignments_community ON canvass_assignments (community_id);

    CREATE TABLE canvass_buildings (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      assignment_id bigint NOT NULL REFERENCES canvass_assignments(id) ON DELETE CASCADE,
      name text NOT NULL,
      target_households integer NOT NULL CHECK (target_households >= 0),
      sort integer NOT NULL DEFAULT 0,
      UNIQUE (assignment_id, name)
    );

    CREATE TABLE canvass_visits (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      drive_id bigint NOT NULL REFERENCES canvass_drives(id),
      assignment_id bigint NOT NULL REFERENCES canvass_assignments(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      community_id bigint NOT NULL REFERENCES regions(id),
      building_id bigint REFERENCES canvass_buildings(id),
      household text,
      -- The name only with the resident's consent (the seed: 姓名是否填写尊重本人意见).
      interviewee_name text,
      name_consent boolean NOT NULL DEFAULT false,
      phone text,
      recorder_id bigint NOT NULL REFERENCES users(id),
      recorder_name text NOT NULL,
      visited_at timestamptz NOT NULL,
      materials text[] NOT NULL DEFAULT '{}',
      photos text[] NOT NULL DEFAULT '{}',
      note text,
      source text NOT NULL CHECK (source IN ('mobile','batch')),
      idempotency_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (interviewee_name IS NULL OR name_consent)
    );
    CREATE UNIQUE INDEX canvass_visits_idempotency ON canvass_visits (city_id, recorder_id, idempotency_key);
    CREATE INDEX canvass_visits_assignment ON canvass_visits (assignment_id) INCLUDE (building_id, household);
    CREATE INDEX canvass_visits_drive ON canvass_visits (drive_id, visited_at DESC);

    CREATE TABLE opinion_topics (
      city_id bigint NOT NULL REFERENCES cities(id),
      code text NOT NULL,
      parent_code text,
      name text NOT NULL,
      sort integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (city_id, code),
      FOREIGN KEY (city_id, parent_code) REFERENCES opinion_topics (city_id, code)
    );

    CREATE TABLE opinion_groups (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      drive_id bigint NOT NULL REFERENCES canvass_drives(id),
      label text NOT NULL,
      opinion_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX opinion_groups_drive ON opinion_groups (drive_id, opinion_count DESC);

    CREATE TABLE canvass_opinions (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      drive_id bigint NOT NULL REFERENCES canvass_drives(id),
      visit_id bigint NOT NULL REFERENCES canvass_visits(id),
      seq smallint NOT NULL,
      unit_id bigint NOT NULL REFERENCES units(id),
      community_id bigint NOT NULL REFERENCES regions(id),
      text text NOT NULL,
      scope text CHECK (scope IN ('common','individual')),
      topic_code text,
      subtopic_code text,
      classified_by bigint REFERENCES users(id),
      classified_at timestamptz,
      suggested_topic text,
      suggested_subtopic text,
      suggested_unit_id bigint REFERENCES units(id),
      suggested_confidence real,
      group_id bigint REFERENCES opinion_groups(id),
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','routed','answered','delivered')),
      route_kind text CHECK (route_kind IN ('case','reply')),
      routed_unit_id bigint REFERENCES units(id),
      routed_by bigint REFERENCES users(id),
      routed_at timestamptz,
      case_id bigint REFERENCES cases(id),
      answer_due_on date,
      reply_kind text CHECK (reply_kind IN ('solved','scheduled','cannot')),
      reply_text text,
      reply_promised_on date,
      replied_by bigint REFERENCES users(id),
      replied_by_name text,
      replied_at timestamptz,
      delivered_via text CHECK (delivered_via IN ('phone','visit','sms')),
      delivered_note text,
      delivered_by bigint REFERENCES users(id),
      delivered_at timestamptz,
      reminded_on date,
      escalated_on date,
      escalation_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (visit_id, seq),
      FOREIGN KEY (city_id, topic_code) REFERENCES opinion_topics (city_id, code),
      FOREIGN KEY (city_id, subtopic_code) REFERENCES opinion_topics (city_id, code),
      CHECK ((status = 'new') = (routed_unit_id IS NULL)),
      CHECK (status IN ('new','routed') OR reply_kind IS NOT NULL),
      CHECK (reply_kind IS DISTINCT FROM 'scheduled' OR reply_promised_on IS NOT NULL)
    );
    CREATE INDEX canvass_opinions_drive ON canvass_opinions (drive_id, status);
    CREATE INDEX canvass_opinions_routed ON canvass_opinions (routed_unit_id, status) WHERE routed_unit_id IS NOT NULL;
    CREATE INDEX canvass_opinions_group ON canvass_opinions (group_id);
    CREATE INDEX canvass_opinions_visit ON canvass_opinions (visit_id);
    CREATE INDEX canvass_opinions_due ON canvass_opinions (answer_due_on) WHERE status IN ('routed','answered','delivered');

    CREATE TABLE opinion_classifiers (
      city_id bigint PRIMARY KEY REFERENCES cities(id),
      trained_at timestamptz NOT NULL,
      trained_by bigint REFERENCES users(id),
      sample_count integer NOT NULL,
      holdout_count integer NOT NULL,
      accuracy real,
      unit_accuracy real,
      train_ms integer NOT NULL,
      evaluation jsonb NOT NULL,
      model jsonb NOT NULL
    );
    `,
  );
}
