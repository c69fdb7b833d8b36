// Frozen once applied. Cases (problems found → dispatched → rectified → verified → closed), their
// categories and time limits, the append-only case log, reporters, photos, extension requests,
// rectification notices with per-year document numbers, in-app notifications and the SMS outbox.

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE case_categories (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      parent_id bigint REFERENCES case_categories(id),
      code text NOT NULL,
      name text NOT NULL,
      owner_rule text NOT NULL CHECK (owner_rule IN ('owner','area')),
      limit_unit text NOT NULL CHECK (limit_unit IN ('urgent_hours','working_hours','working_days','natural_days')),
      limit_amount integer NOT NULL CHECK (limit_amount > 0),
      verify_limit_unit text CHECK (verify_limit_unit IN ('urgent_hours','working_hours','working_days','natural_days')),
      verify_limit_amount integer CHECK (verify_limit_amount > 0),
      sort integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (city_id, code)
    );

    CREATE TABLE case_settings (
      city_id bigint PRIMARY KEY REFERENCES cities(id),
      duplicate_radius_m integer NOT NULL DEFAULT 100,
      duplicate_days integer NOT NULL DEFAULT 7,
      duplicate_min_similarity numeric NOT NULL DEFAULT 0.35,
      remind_before_ratio numeric NOT NULL DEFAULT 0.2,
      escalate_every_minutes integer NOT NULL DEFAULT 1440,
      notice_issuer text,
      notice_prefix text,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE cases (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      category_id bigint NOT NULL REFERENCES case_categories(id),
      source text NOT NULL,
      status text NOT NULL,
      description text NOT NULL,
      address text,
      lng double precision,
      lat double precision,
      region_id bigint REFERENCES regions(id),
      community_id bigint REFERENCES regions(id),
      grid_id bigint REFERENCES regions(id),
      site_name text,
      owner_unit_id bigint REFERENCES units(id),
      suggested_unit_id bigint REFERENCES units(id),
      unit_id bigint REFERENCES units(id),
      reporter_id bigint REFERENCES users(id),
      reporter_name text,
      reporter_phone text,
      tracking_token text,
      idempotency_key text,
      source_ref text,
      is_public boolean NOT NULL DEFAULT false,
      deadline_at timestamptz,
      original_deadline_at timestamptz,
      verify_deadline_at timestamptz,
      registered_at timestamptz,
      dispatched_at timestamptz,
      accepted_at timestamptz,
      handled_at timestamptz,
      handled_by bigint REFERENCES users(id),
      verified_at timestamptz,
      closed_at timestamptz,
      closed_on_time boolean,
      suspended_from text,
      suspended_at timestamptz,
      extension_pending boolean NOT NULL DEFAULT false,
      extension_count integer NOT NULL DEFAULT 0,
      rework_count integer NOT NULL DEFAULT 0,
      return_count integer NOT NULL DEFAULT 0,
      reopen_count integer NOT NULL DEFAULT 0,
      escalation_count integer NOT NULL DEFAULT 0,
      reminded_at timestamptz,
      escalated_at timestamptz,
      merged_into_id bigint REFERENCES cases(id),
      duplicate_of_id bigint REFERENCES cases(id),
      duplicate_score numeric,
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX cases_idempotency ON cases (city_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE UNIQUE INDEX cases_tracking ON cases (tracking_token) WHERE tracking_token IS NOT NULL;
    CREATE INDEX cases_city_status ON cases (city_id, status, created_at DESC);
    CREATE INDEX cases_city_unit ON cases (city_id, unit_id, created_at DESC);
    CREATE INDEX cases_city_region ON cases (city_id, region_id);
    CREATE INDEX cases_city_category_created ON cases (city_id, category_id, created_at DESC);
    -- Metrics read these two cohorts; the included columns let them run from the index alone.
    CREATE INDEX cases_metrics_due ON cases (city_id, deadline_at)
      INCLUDE (unit_id, status, closed_on_time, handled_at, dispatched_at, rework_count,
               extension_count, escalation_count, category_id, region_id)
      WHERE unit_id IS NOT NULL AND status NOT IN ('voided', 'merged');
    CREATE INDEX cases_metrics_received ON cases (city_id, registered_at)
      INCLUDE (unit_id, status, category_id, region_id)
      WHERE status <> 'merged';
    CREATE INDEX cases_open_deadline ON cases (deadline_at)
      WHERE status IN ('dispatched','accepted','rework');

    CREATE TABLE case_logs (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      case_id bigint NOT NULL REFERENCES cases(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id bigint REFERENCES users(id),
      actor_name text,
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      data jsonb,
      photos text[] NOT NULL DEFAULT '{}'
    );
    CREATE INDEX case_logs_case ON case_logs (case_id, id);
    CREATE FUNCTION case_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_logs is append-only';
    END $$;
    CREATE TRIGGER case_logs_no_change BEFORE UPDATE OR DELETE ON case_logs
      FOR EACH ROW EXECUTE FUNCTION case_logs_append_only();

    CREATE TABLE case_photos (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      case_id bigint NOT NULL REFERENCES cases(id),
      kind text NOT NULL CHECK (kind IN ('before','after','verify')),
      file_id text NOT NULL,
      is_public boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, kind, file_id)
    );

    CREATE TABLE case_reporters (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      case_id bigint NOT NULL REFERENCES cases(id),
      user_id bigint REFERENCES users(id),
      name text,
      phone text,
      source text NOT NULL,
      tracking_token text,
      reported_at timestamptz NOT NULL,
      merged_from_id bigint REFERENCES cases(id)
    );
    CREATE INDEX case_reporters_case ON case_reporters (case_id);
    CREATE INDEX case_reporters_user ON case_reporters (user_id) WHERE user_id IS NOT NULL;
    CREATE INDEX case_reporters_token ON case_reporters (tracking_token) WHERE tracking_token IS NOT NULL;

    CREATE TABLE case_extensions (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      case_id bigint NOT NULL REFERENCES cases(id),
      requested_by bigint REFERENCES users(id),
      requested_at timestamptz NOT NULL,
      reason text NOT NULL,
      requested_deadline timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused')),
      decided_by bigint REFERENCES users(id),
      decided_at timestamptz,
      decision_note text
    );
    CREATE INDEX case_extensions_case ON case_extensions (case_id);

    CREATE TABLE doc_counters (
      city_id bigint NOT NULL REFERENCES cities(id),
      kind text NOT NULL,
      year integer NOT NULL,
      last_number integer NOT NULL,
      PRIMARY KEY (city_id, kind, year)
    );

    CREATE TABLE rectification_notices (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      year integer NOT NULL,
      seq integer NOT NULL,
      number text NOT NULL,
      unit_id bigint NOT NULL REFERENCES units(id),
      case_ids jsonb NOT NULL,
      deadline_at timestamptz NOT NULL,
      file_id text NOT NULL,
      issued_by bigint REFERENCES users(id),
      issued_at timestamptz NOT NULL,
      UNIQUE (city_id, year, seq)
    );

    CREATE TABLE notifications (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      user_id bigint NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      entity_type text,
      entity_id text,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notifications_user ON notifications (user_id, id DESC);

    CREATE TABLE sms_messages (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      phone text NOT NULL,
      recipient text,
      body text NOT NULL,
      driver text NOT NULL,
      status text NOT NULL,
      error text,
      entity_type text,
      entity_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sms_messages_city ON sms_messages (city_id, id DESC);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
