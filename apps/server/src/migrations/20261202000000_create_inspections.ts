// Frozen once applied. The evaluation index (测评体系: 测评项目 → 指标 → 测评内容 → 测评标准), site
// types and sites (点位), checklists of machine-checkable rules per site type, inspection rounds
// with their drawn sites, inspections with per-item results and photos, and material review
// (网上申报: required evidence per standard and unit, and the units' submissions).

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE index_nodes (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      parent_id bigint REFERENCES index_nodes(id),
      level text NOT NULL CHECK (level IN ('project','indicator','content','standard')),
      code text NOT NULL,
      name text NOT NULL,
      methods text[] NOT NULL DEFAULT '{}' CHECK (methods <@ ARRAY['material','field','survey']::text[]),
      points numeric CHECK (points IS NULL OR points >= 0),
      site_types text[] NOT NULL DEFAULT '{}',
      sort integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (city_id, code)
    );
    CREATE INDEX index_nodes_parent ON index_nodes (city_id, parent_id, sort);

    CREATE TABLE site_types (
      city_id bigint NOT NULL REFERENCES cities(id),
      code text NOT NULL,
      name text NOT NULL,
      sort integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (city_id, code)
    );

    CREATE TABLE sites (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      type_code text NOT NULL,
      name text NOT NULL,
      address text,
      lng double precision,
      lat double precision,
      region_id bigint REFERENCES regions(id),
      unit_id bigint REFERENCES units(id),
      contact_name text,
      contact_phone text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (city_id, type_code) REFERENCES site_types (city_id, code)
    );
    CREATE UNIQUE INDEX sites_name ON sites (city_id, type_code, name);
    CREATE INDEX sites_type ON sites (city_id, type_code) WHERE active;
    CREATE INDEX sites_region ON sites (region_id);
    CREATE INDEX sites_unit ON sites (unit_id);

    CREATE TABLE checklist_items (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      type_code text NOT NULL,
      standard_id bigint REFERENCES index_nodes(id),
      title text NOT NULL,
      guidance text,
      rule jsonb NOT NULL,
      points numeric NOT NULL CHECK (points > 0),
      photo_required boolean NOT NULL DEFAULT false,
      case_category_code text,
      sort integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (city_id, type_code) REFERENCES site_types (city_id, code)
    );
    CREATE INDEX checklist_items_type ON checklist_items (city_id, type_code, sort);

    CREATE TABLE inspection_rounds (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      region_id bigint NOT NULL REFERENCES regions(id),
      campaign_id bigint REFERENCES campaigns(id),
      name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
      draw_seed bigint NOT NULL,
      criteria jsonb NOT NULL,
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      opened_at timestamptz,
      closed_at timestamptz,
      CHECK (ends_on >= starts_on)
    );
    CREATE INDEX inspection_rounds_city ON inspection_rounds (city_id, starts_on DESC);

    CREATE TABLE inspections (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      kind text NOT NULL DEFAULT 'round' CHECK (kind IN ('round','recheck')),
      round_id bigint REFERENCES inspection_rounds(id),
      origin_case_id bigint REFERENCES cases(id),
      site_id bigint NOT NULL REFERENCES sites(id),
      inspector_id bigint REFERENCES users(id),
      status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','draft','submitted')),
      -- Snapshots of the site when drawn, so rollups of a past round do not move with later edits.
      type_code text NOT NULL,
      region_id bigint REFERENCES regions(id),
      unit_id bigint REFERENCES units(id),
      draft jsonb,
      phase text CHECK (phase IN ('normal','pre_inspection')),
      earned numeric,
      applicable numeric,
      score numeric,
      failed integer,
      idempotency_key text,
      submitted_at timestamptz,
      submitted_lng double precision,
      submitted_lat double precision,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'round') = (round_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX inspections_round_site ON inspections (round_id, site_id) WHERE round_id IS NOT NULL;
    CREATE UNIQUE INDEX inspections_idempotency ON inspections (city_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE INDEX inspections_inspector ON inspections (inspector_id, status);
    CREATE INDEX inspections_site ON inspections (site_id, submitted_at DESC);
    -- Rollups of a round read these columns only.
    CREATE INDEX inspections_round_rollup ON inspections (round_id)
      INCLUDE (status, type_code, region_id, unit_id, earned, applicable, score, failed);

    CREATE TABLE inspection_results (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      inspection_id bigint NOT NULL REFERENCES inspections(id),
      item_id bigint NOT NULL REFERENCES checklist_items(id),
      outcome text NOT NULL CHECK (outcome IN ('pass','fail','na')),
      value jsonb NOT NULL,
      points numeric NOT NULL,
      earned numeric NOT NULL,
      seen text NOT NULL,
      photos text[] NOT NULL DEFAULT '{}',
      note text,
      case_id bigint REFERENCES cases(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (inspection_id, item_id)
    );
    CREATE INDEX inspection_results_case ON inspection_results (case_id) WHERE case_id IS NOT NULL;
    CREATE INDEX inspection_results_unfiled ON inspection_results (inspection_id) WHERE outcome = 'fail' AND case_id IS NULL;

    CREATE TABLE inspection_photos (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      inspection_id bigint NOT NULL REFERENCES inspections(id),
      item_id bigint REFERENCES checklist_items(id),
      file_id text NOT NULL,
      taken_at timestamptz,
      lng double precision,
      lat double precision,
      accuracy_m double precision,
      distance_m double precision,
      far boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX inspection_photos_inspection ON inspection_photos (inspection_id);

    CREATE TABLE material_requirements (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      standard_id bigint NOT NULL REFERENCES index_nodes(id),
      unit_id bigint NOT NULL REFERENCES units(id),
      due_on date,
      status text NOT NULL DEFAULT 'missing' CHECK (status IN ('missing','submitted','accepted','returned')),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (standard_id, unit_id)
    );
    CREATE INDEX material_requirements_unit ON material_requirements (unit_id, status);

    CREATE TABLE material_submissions (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      requirement_id bigint NOT NULL REFERENCES material_requirements(id),
      status text NOT NULL CHECK (status IN ('submitted','accepted','returned')),
      note text,
      files text[] NOT NULL,
      submitted_by bigint REFERENCES users(id),
      submitted_by_name text,
      submitted_at timestamptz NOT NULL,
      reviewed_by bigint REFERENCES users(id),
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_note text
    );
    CREATE INDEX material_submissions_requirement ON material_submissions (requirement_id, id);

    -- A case found at a site goes to the site's responsible unit (包保单位) first.
    ALTER TABLE cases ADD COLUMN responsible_unit_id bigint REFERENCES units(id);
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
