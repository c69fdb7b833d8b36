// Frozen once applied. Platform and organisation tables. Every domain row carries city_id, the
// future sharding key. Audit rows are append-only, enforced by a trigger.

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE cities (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      code char(12) NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE regions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      parent_id bigint REFERENCES regions(id),
      level text NOT NULL CHECK (level IN ('city','district','street','community','grid')),
      code char(12) NOT NULL,
      name text NOT NULL,
      -- materialised path of ids, '/1/5/23/': a subtree is a prefix match
      path text NOT NULL,
      sort integer NOT NULL DEFAULT 0,
      polygon jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (city_id, code)
    );
    CREATE INDEX regions_parent_idx ON regions (city_id, parent_id, sort);
    CREATE INDEX regions_path_idx ON regions (path text_pattern_ops);

    CREATE TABLE units (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      parent_id bigint REFERENCES units(id),
      region_id bigint REFERENCES regions(id),
      name text NOT NULL,
      short_name text,
      type text NOT NULL,
      head_name text,
      head_phone text,
      liaison_name text,
      liaison_phone text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (city_id, name)
    );
    CREATE INDEX units_region_idx ON units (city_id, region_id);
    CREATE INDEX units_parent_idx ON units (city_id, parent_id);

    CREATE TABLE people (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('staff','member')),
      gender text CHECK (gender IN ('male','female')),
      phone text,
      unit_id bigint REFERENCES units(id),
      community_id bigint REFERENCES regions(id),
      party_org text,
      position text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX people_unit_idx ON people (city_id, unit_id);
    CREATE INDEX people_community_idx ON people (city_id, community_id);
    CREATE INDEX people_name_idx ON people (city_id, name);

    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL DEFAULT '{}',
      region_id bigint REFERENCES regions(id),
      unit_id bigint REFERENCES units(id),
      person_id bigint REFERENCES people(id),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
      locale text NOT NULL DEFAULT 'zh-CN',
      must_change_password boolean NOT NULL DEFAULT true,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX users_city_idx ON users (city_id);
    CREATE UNIQUE INDEX users_person_idx ON users (person_id) WHERE person_id IS NOT NULL;

    CREATE TABLE sessions (
      id text PRIMARY KEY, -- sha256 of the cookie token; the token itself is never stored
      city_id bigint NOT NULL REFERENCES cities(id),
      user_id bigint NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE security_policies (
      city_id bigint PRIMARY KEY REFERENCES cities(id),
      password_min_length integer NOT NULL,
      password_require_classes integer NOT NULL,
      password_expiry_days integer NOT NULL,
      lockout_threshold integer NOT NULL,
      lockout_minutes integer NOT NULL,
      idle_timeout_minutes integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE pairings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      target_type text NOT NULL CHECK (target_type IN ('community','site','road_segment')),
      region_id bigint REFERENCES regions(id),
      target_name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on IS NULL OR ends_on >= starts_on)
    );
    CREATE INDEX pairings_unit_idx ON pairings (city_id, unit_id);
    CREATE INDEX pairings_region_idx ON pairings (city_id, region_id);

    CREATE TABLE groups (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      kind text NOT NULL CHECK (kind IN ('leading_group','task_force')),
      name text NOT NULL,
      duty text,
      lead_unit_id bigint REFERENCES units(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX groups_city_idx ON groups (city_id, kind);

    CREATE TABLE group_members (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      group_id bigint NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      person_id bigint NOT NULL REFERENCES people(id),
      role text NOT NULL,
      sort integer NOT NULL DEFAULT 0,
      UNIQUE (group_id, person_id)
    );

    CREATE TABLE files (
      id char(64) NOT NULL, -- sha256 of the content
      city_id bigint NOT NULL REFERENCES cities(id),
      name text NOT NULL,
      mime text NOT NULL,
      size bigint NOT NULL,
      width integer,
      height integer,
      uploaded_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (city_id, id)
    );

    CREATE TABLE audit_logs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      city_id bigint,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id bigint,
      actor_name text,
      ip text,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      before jsonb,
      after jsonb,
      result text NOT NULL CHECK (result IN ('ok','denied','failed')),
      message text
    );
    CREATE INDEX audit_logs_city_at_idx ON audit_logs (city_id, at DESC);
    CREATE INDEX audit_logs_entity_idx ON audit_logs (city_id, entity_type, entity_id);

    CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_logs is append-only';
    END;
    $$;
    CREATE TRIGGER audit_logs_no_update BEFORE UPDATE OR DELETE ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
    CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
      FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('The platform migration cannot be reverted');
}
