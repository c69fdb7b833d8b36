// Frozen once applied. Campaigns (创建活动) and the work ledger (工作台帐): the campaign with its
// titles, period, phase and participating scope; its documents, activities and monthly themes; the
// ledger's tasks (one row per lead unit) and their dated instances; the reports units submit per
// instance; the append-only task log; and events (meetings, publicity days, clean-up days).

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE campaigns (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      name text NOT NULL,
      titles text[] NOT NULL DEFAULT '{}',
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
      phase text NOT NULL DEFAULT 'normal' CHECK (phase IN ('normal','pre_inspection')),
      phase_changed_at timestamptz,
      description text,
      leading_group_id bigint REFERENCES groups(id),
      scope_all_units boolean NOT NULL DEFAULT false,
      scope_unit_types text[] NOT NULL DEFAULT '{}',
      scope_region_ids bigint[] NOT NULL DEFAULT '{}',
      remind_days_before integer NOT NULL DEFAULT 3 CHECK (remind_days_before BETWEEN 0 AND 60),
      escalate_every_days integer NOT NULL DEFAULT 3 CHECK (escalate_every_days BETWEEN 1 AND 60),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on)
    );
    CREATE INDEX campaigns_city ON campaigns (city_id, starts_on DESC);

    CREATE TABLE campaign_scope_units (
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      city_id bigint NOT NULL REFERENCES cities(id),
      PRIMARY KEY (campaign_id, unit_id)
    );

    CREATE TABLE campaign_documents (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      file_id text NOT NULL,
      title text NOT NULL,
      sort integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, file_id)
    );

    CREATE TABLE campaign_activities (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      name text NOT NULL,
      content text,
      participants text,
      organiser_unit_ids bigint[] NOT NULL DEFAULT '{}',
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      sort integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on)
    );
    CREATE INDEX campaign_activities_campaign ON campaign_activities (campaign_id, sort);

    CREATE TABLE campaign_themes (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      title text NOT NULL,
      description text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, month)
    );

    CREATE SEQUENCE campaign_task_batches;

    CREATE TABLE campaign_tasks (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      activity_id bigint REFERENCES campaign_activities(id),
      batch_id bigint NOT NULL,
      source_clause text,
      content text NOT NULL,
      standard text,
      lead_unit_id bigint NOT NULL REFERENCES units(id),
      cooperating_unit_ids bigint[] NOT NULL DEFAULT '{}',
      responsible_name text,
      recurrence text NOT NULL CHECK (recurrence IN ('once','weekly','monthly','quarterly')),
      due_on date,
      repeat_from date,
      repeat_until date,
      repeat_day smallint,
      evidence_photos smallint NOT NULL DEFAULT 0 CHECK (evidence_photos BETWEEN 0 AND 9),
      evidence_files smallint NOT NULL DEFAULT 0 CHECK (evidence_files BETWEEN 0 AND 9),
      metric_name text,
      metric_unit text,
      weight numeric NOT NULL DEFAULT 1 CHECK (weight > 0),
      note text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','cancelled')),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((recurrence = 'once') = (due_on IS NOT NULL)),
      CHECK (recurrence = 'once' OR (repeat_from IS NOT NULL AND repeat_until IS NOT NULL AND repeat_day IS NOT NULL))
    );
    CREATE INDEX campaign_tasks_campaign ON campaign_tasks (campaign_id, id);
    CREATE INDEX campaign_tasks_unit ON campaign_tasks (lead_unit_id);
    CREATE INDEX campaign_tasks_batch ON campaign_tasks (batch_id);

    CREATE TABLE task_instances (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      task_id bigint NOT NULL REFERENCES campaign_tasks(id),
      activity_id bigint REFERENCES campaign_activities(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      weight numeric NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      due_on date NOT NULL,
      label text NOT NULL,
      status text NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started','in_progress','submitted','accepted','returned')),
      active boolean NOT NULL DEFAULT true,
      submitted_at timestamptz,
      accepted_at timestamptz,
      returned_at timestamptz,
      return_count integer NOT NULL DEFAULT 0,
      reminded_on date,
      escalated_on date,
      escalation_count integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- A rescheduled task keeps its old instances (inactive) for the history.
    CREATE UNIQUE INDEX task_instances_period ON task_instances (task_id, period_start) WHERE active;
    -- The overview aggregates by unit and activity from this index alone.
    CREATE INDEX task_instances_campaign ON task_instances (campaign_id, unit_id)
      INCLUDE (activity_id, status, due_on, weight) WHERE active;
    CREATE INDEX task_instances_unit_due ON task_instances (unit_id, due_on) WHERE active;
    CREATE INDEX task_instances_task ON task_instances (task_id, due_on);
    CREATE INDEX task_instances_open_due ON task_instances (due_on)
      WHERE active AND status IN ('not_started','in_progress','returned');

    CREATE TABLE task_reports (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      instance_id bigint NOT NULL REFERENCES task_instances(id),
      status text NOT NULL CHECK (status IN ('draft','submitted','accepted','returned')),
      body text,
      metric_value numeric,
      photos text[] NOT NULL DEFAULT '{}',
      files text[] NOT NULL DEFAULT '{}',
      event_ids bigint[] NOT NULL DEFAULT '{}',
      created_by bigint REFERENCES users(id),
      created_by_name text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      reviewed_by bigint REFERENCES users(id),
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_note text
    );
    CREATE INDEX task_reports_instance ON task_reports (instance_id, id);
    CREATE UNIQUE INDEX task_reports_one_draft ON task_reports (instance_id) WHERE status = 'draft';

    CREATE TABLE task_logs (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      task_id bigint NOT NULL REFERENCES campaign_tasks(id),
      instance_id bigint REFERENCES task_instances(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id bigint REFERENCES users(id),
      actor_name text,
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      data jsonb
    );
    CREATE INDEX task_logs_task ON task_logs (task_id, id);
    CREATE INDEX task_logs_instance ON task_logs (instance_id, id) WHERE instance_id IS NOT NULL;
    CREATE FUNCTION task_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'task_logs is append-only';
    END $$;
    CREATE TRIGGER task_logs_no_change BEFORE UPDATE OR DELETE ON task_logs
      FOR EACH ROW EXECUTE FUNCTION task_logs_append_only();

    CREATE TABLE campaign_events (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      kind text NOT NULL CHECK (kind IN ('meeting','publicity','cleanup','other')),
      title text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz,
      place text,
      organiser_unit_id bigint REFERENCES units(id),
      participants text,
      attendance integer CHECK (attendance >= 0),
      outcome text,
      photos text[] NOT NULL DEFAULT '{}',
      files text[] NOT NULL DEFAULT '{}',
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at IS NULL OR ends_at >= starts_at)
    );
    CREATE INDEX campaign_events_campaign ON campaign_events (campaign_id, starts_at);

    CREATE TABLE campaign_event_places (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      event_id bigint NOT NULL REFERENCES campaign_events(id),
      place text NOT NULL,
      unit_ids bigint[] NOT NULL DEFAULT '{}',
      sort integer NOT NULL DEFAULT 0
    );
    CREATE INDEX campaign_event_places_event ON campaign_event_places (event_id, sort);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
