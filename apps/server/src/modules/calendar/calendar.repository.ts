// SQL for the working calendar.

import type { Executor } from '../../platform/db.js';

export function findSettings(db: Executor, cityId: number) {
  return db.selectFrom('work_calendars').selectAll().where('city_id', '=', cityId).executeTakeFirst();
}

export function lockSettings(db: Executor, cityId: number) {
  return db.selectFrom('work_calendars').selectAll().where('city_id', '=', cityId).forUpdate().executeTakeFirst();
}

export async function saveSettings(db: Executor, cityId: number, periods: [string, string][], now: Date) {
  await db
    .insertInto('work_calendars')
    .values({ city_id: cityId, periods: JSON.stringify(periods), updated_at: now })
    .onConflict((oc) => oc.column('city_id').doUpdateSet({ periods: JSON.stringify(periods), updated_at: now }))
    .execute();
}

export function findDays(db: Executor, cityId: number, from?: string, to?: string) {
  let q = db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('city_id', '=', cityId);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return q.orderBy('date').execute();
}

/** Replaces one year's days with a set-based delete + insert. */
export async function replaceYear(
  db: Executor,
  cityId: number,
  year: number,
  days: { date: string; kind: string; name: string | null }[],
) {
  await db
    .deleteFrom('calendar_days')
    .where('city_id', '=', cityId)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  if (days.length === 0) return;
  await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ city_id: cityId, date: d.date, kind: d.kind, name: d.name })))
    .execute();
}
