// Frozen once applied. The city's working calendar: working periods of a day, and the dates that
// differ from the Monday–Friday rule (public holidays off, swapped weekend days worked).

import type { Kysely } from 'kysely';
import { runScript } from './run-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE work_calendars (
      city_id bigint PRIMARY KEY REFERENCES cities(id),
      periods jsonb NOT NULL,
      utc_offset_minutes integer NOT NULL DEFAULT 480,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE calendar_days (
      city_id bigint NOT NULL REFERENCES cities(id),
      date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('holiday','workday')),
      name text,
      PRIMARY KEY (city_id, date)
    );
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
