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
    -- What is owed but not accepted yet: the time-dependent part of completion (see the rollups).
    CREATE INDEX task_instances_unsettled ON task_instances (campaign_id, due_on)
      INCLUDE (unit_id, activity_id, status, weight) WHERE active AND status <> 'accepted';

    -- Rollups of active instances, kept by statement triggers in the same transaction as every
    -- change, so the overview of a campaign with hundreds of thousands of instances reads a few
    -- thousand rows: counts and weights per unit and status, and per activity, month and status.
    CREATE TABLE task_unit_rollups (
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      status text NOT NULL,
      city_id bigint NOT NULL REFERENCES cities(id),
      n integer NOT NULL,
      w numeric NOT NULL,
      PRIMARY KEY (campaign_id, unit_id, status)
    );
    CREATE TABLE task_period_rollups (
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      activity_id bigint NOT NULL, -- 0: a task of the campaign as a whole
      month date NOT NULL,
      status text NOT NULL,
      city_id bigint NOT NULL REFERENCES cities(id),
      n integer NOT NULL,
      w numeric NOT NULL,
      PRIMARY KEY (campaign_id, activity_id, month, status)
    );
${rollupTriggers()}

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

const ROLLUP_COLUMNS = 'campaign_id, unit_id, activity_id, due_on, status, weight, active';

/** Adds signed deltas (k = 1 or -1 per instance row of `source`) to both rollup tables. */
function applyDeltas(source: string): string {
  return `
      INSERT INTO task_unit_rollups AS r (campaign_id, unit_id, status, city_id, n, w)
      SELECT campaign_id, unit_id, status, min(city_id), sum(k)::int, sum(k * weight) FROM (${source}) d
      GROUP BY campaign_id, unit_id, status
      ON CONFLICT (campaign_id, unit_id, status) DO UPDATE SET n = r.n + EXCLUDED.n, w = r.w + EXCLUDED.w;
      INSERT INTO task_period_rollups AS r (campaign_id, activity_id, month, status, city_id, n, w)
      SELECT campaign_id, coalesce(activity_id, 0), date_trunc('month', due_on::timestamp)::date, status,
             min(city_id), sum(k)::int, sum(k * weight)
      FROM (${source}) d
      GROUP BY 1, 2, 3, 4
      ON CONFLICT (campaign_id, activity_id, month, status) DO UPDATE SET n = r.n + EXCLUDED.n, w = r.w + EXCLUDED.w;`;
}

function deltas(table: string, k: number): string {
  return `SELECT campaign_id, unit_id, activity_id, due_on, status, city_id, ${k} AS k, weight FROM ${table} WHERE active`;
}

/** Statement triggers (with transition tables) that keep the rollups equal to the instances. */
function rollupTriggers(): string {
  const changed = `(${ROLLUP_COLUMNS.replace(/(\w+)/g, 'o.$1')}) IS DISTINCT FROM (${ROLLUP_COLUMNS.replace(/(\w+)/g, 'n.$1')})`;
  const updated = (side: 'o' | 'n', k: number) =>
    `SELECT ${side}.campaign_id, ${side}.unit_id, ${side}.activity_id, ${side}.due_on, ${side}.status, ${side}.city_id, ${k} AS k, ${side}.weight
       FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${side}.active AND ${changed}`;
  const fn = (name: string, body: string) => `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN${body}
      RETURN NULL;
    END $$;`;
  return `
    ${fn('task_rollups_insert', applyDeltas(deltas('new_rows', 1)))}
    ${fn('task_rollups_delete', applyDeltas(deltas('old_rows', -1)))}
    ${fn('task_rollups_update', applyDeltas(`${updated('o', -1)} UNION ALL ${updated('n', 1)}`))}
    CREATE TRIGGER task_instances_rollup_insert AFTER INSERT ON task_instances
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollups_insert();
    CREATE TRIGGER task_instances_rollup_update AFTER UPDATE ON task_instances
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollups_update();
    CREATE TRIGGER task_instances_rollup_delete AFTER DELETE ON task_instances
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollups_delete();`;
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
