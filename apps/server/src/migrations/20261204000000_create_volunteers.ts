// Frozen once applied. Community registration (单位下班，社区报到) and volunteer service: members'
// registrations with their residential community, activity types (the weekly 五个一 and others),
// activities with a geofence and a signed QR code, sign-ups, attendance with check-in/out and
// confirmed hours, self-reported 五个一 items, the weekly 五个一 tracker (one row per member and
// week, kept up to date on every confirmation), commendation lists and hours certificates.

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE community_registrations (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      person_id bigint NOT NULL REFERENCES people(id),
      community_id bigint NOT NULL REFERENCES regions(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','rejected','withdrawn')),
      work_unit_id bigint REFERENCES units(id),
      party_org text,
      skills text[] NOT NULL DEFAULT '{}',
      available_times text[] NOT NULL DEFAULT '{}',
      family_members jsonb NOT NULL DEFAULT '[]',
      volunteer_no text,
      -- For the hours record (the national volunteer-record rules ask for the ID type and number),
      -- shown masked everywhere.
      id_type text CHECK (id_type IN ('resident_id','passport','hk_macao','taiwan','other')),
      id_number text,
      note text,
      registered_at timestamptz NOT NULL,
      decided_by bigint REFERENCES users(id),
      decided_at timestamptz,
      reject_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'rejected' OR reject_reason IS NOT NULL)
    );
    -- One live registration per person: a new one only after a rejection or a withdrawal.
    CREATE UNIQUE INDEX community_registrations_live ON community_registrations (person_id)
      WHERE status IN ('pending','confirmed');
    CREATE INDEX community_registrations_community ON community_registrations (community_id, status);
    CREATE INDEX community_registrations_unit ON community_registrations (work_unit_id, status);
    CREATE INDEX community_registrations_party ON community_registrations (city_id, party_org, status);

    CREATE TABLE activity_types (
      city_id bigint NOT NULL REFERENCES cities(id),
      code text NOT NULL,
      name text NOT NULL,
      five_one text CHECK (five_one IN ('sanitation','volunteer','convention','sorting','dissuasion')),
      sort integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      PRIMARY KEY (city_id, code)
    );

    CREATE TABLE volunteer_activities (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      type_code text NOT NULL,
      title text NOT NULL,
      description text,
      community_id bigint REFERENCES regions(id),
      organiser_unit_id bigint REFERENCES units(id),
      organiser_id bigint NOT NULL REFERENCES users(id),
      organiser_name text NOT NULL,
      campaign_id bigint REFERENCES campaigns(id),
      theme text,
      place text NOT NULL,
      lng double precision NOT NULL,
      lat double precision NOT NULL,
      radius_m integer NOT NULL DEFAULT 200 CHECK (radius_m BETWEEN 20 AND 5000),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      capacity integer CHECK (capacity IS NULL OR capacity > 0),
      status text NOT NULL DEFAULT 'published' CHECK (status IN ('published','cancelled')),
      -- The key the activity's QR payloads are signed with, never leaves the server.
      qr_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at),
      FOREIGN KEY (city_id, type_code) REFERENCES activity_types (city_id, code)
    );
    CREATE INDEX volunteer_activities_time ON volunteer_activities (city_id, starts_at DESC);
    CREATE INDEX volunteer_activities_community ON volunteer_activities (community_id, starts_at DESC);

    CREATE TABLE activity_signups (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      activity_id bigint NOT NULL REFERENCES volunteer_activities(id),
      person_id bigint NOT NULL REFERENCES people(id),
      source text NOT NULL CHECK (source IN ('self','assigned')),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (activity_id, person_id)
    );
    CREATE INDEX activity_signups_person ON activity_signups (person_id);

    CREATE TABLE activity_attendance (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      activity_id bigint NOT NULL REFERENCES volunteer_activities(id),
      person_id bigint NOT NULL REFERENCES people(id),
      week_start date NOT NULL,
      family jsonb NOT NULL DEFAULT '[]',
      check_in_at timestamptz NOT NULL,
      check_in_lng double precision,
      check_in_lat double precision,
      check_in_distance_m real,
      check_out_at timestamptz,
      check_out_lng double precision,
      check_out_lat double precision,
      check_out_distance_m real,
      -- Set when the organiser confirmed a check-in or check-out outside the geofence by hand.
      manual_reason text,
      manual_by bigint REFERENCES users(id),
      minutes integer CHECK (minutes IS NULL OR minutes >= 0),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','confirmed','rejected')),
      confirmed_minutes integer CHECK (confirmed_minutes IS NULL OR confirmed_minutes >= 0),
      decided_by bigint REFERENCES users(id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (activity_id, person_id),
      CHECK (check_out_at IS NULL OR check_out_at >= check_in_at),
      CHECK ((status = 'open') = (check_out_at IS NULL))
    );
    CREATE INDEX activity_attendance_person ON activity_attendance (person_id, check_in_at DESC);

    CREATE TABLE five_one_reports (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      person_id bigint NOT NULL REFERENCES people(id),
      community_id bigint NOT NULL REFERENCES regions(id),
      week_start date NOT NULL,
      item text NOT NULL CHECK (item IN ('sanitation','volunteer','convention','sorting','dissuasion')),
      photo text NOT NULL,
      note text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','rejected')),
      decided_by bigint REFERENCES users(id),
      decided_at timestamptz,
      reject_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, week_start, item)
    );
    CREATE INDEX five_one_reports_community ON five_one_reports (community_id, status);

    -- The weekly tracker: a bit per 五个一 item done in the week (confirmed attendance or report),
    -- with the member's community, unit and party organisation at the time for the rollups.
    CREATE TABLE five_one_weeks (
      city_id bigint NOT NULL REFERENCES cities(id),
      person_id bigint NOT NULL REFERENCES people(id),
      week_start date NOT NULL,
      items smallint NOT NULL DEFAULT 0 CHECK (items BETWEEN 0 AND 31),
      community_id bigint REFERENCES regions(id),
      unit_id bigint REFERENCES units(id),
      party_org text,
      PRIMARY KEY (person_id, week_start)
    );
    -- Compliance and the idle list read a week's (person, items) pairs straight from this index.
    CREATE INDEX five_one_weeks_week ON five_one_weeks (city_id, week_start) INCLUDE (person_id, items);

    CREATE TABLE commendation_lists (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      title text NOT NULL,
      subject text NOT NULL CHECK (subject IN ('member','party_org','unit')),
      basis text NOT NULL CHECK (basis IN ('hours','activities','five_one')),
      period_from date NOT NULL,
      period_to date NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
      created_by bigint REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      published_by bigint REFERENCES users(id),
      published_at timestamptz,
      CHECK (period_to >= period_from)
    );

    CREATE TABLE commendation_entries (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      list_id bigint NOT NULL REFERENCES commendation_lists(id) ON DELETE CASCADE,
      rank integer NOT NULL,
      subject_key text NOT NULL,
      subject_name text NOT NULL,
      value numeric NOT NULL,
      note text,
      UNIQUE (list_id, subject_key)
    );

    CREATE TABLE hours_certificates (
      id bigserial PRIMARY KEY,
      city_id bigint NOT NULL REFERENCES cities(id),
      person_id bigint NOT NULL REFERENCES people(id),
      number text NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      minutes integer NOT NULL,
      activities integer NOT NULL,
      issued_by bigint REFERENCES users(id),
      issued_by_name text NOT NULL,
      issued_at timestamptz NOT NULL,
      file_id char(64) NOT NULL,
      UNIQUE (city_id, number)
    );
    `,
  );
}
