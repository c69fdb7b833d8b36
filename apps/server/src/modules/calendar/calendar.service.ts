// Working-calendar use cases: read a year, change the working periods, replace a year's holidays
// and swapped workdays; and `loadWorkingCalendar`, which later modules use for every deadline.

import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import {
  assertPeriods,
  createCalendar,
  DEFAULT_PERIODS,
  isWorkingDate,
  type WorkingCalendar,
} from '../../platform/calendar.js';
import { CN_HOLIDAYS, type HolidayYear } from '../../platform/calendar-cn.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './calendar.repository.js';
import type { CalendarDay, CalendarView } from './calendar.schemas.js';

type Period = [string, string];

function yearOf(date: string) {
  return Number(date.slice(0, 4));
}

/** The city's calendar: its own days for the years it edited, the national arrangement otherwise. */
export async function loadWorkingCalendar(db: Executor, cityId: number): Promise<WorkingCalendar> {
  const settings = await repo.findSettings(db, cityId);
  const days = await repo.findDays(db, cityId);
  const cityYears = new Set(days.map((d) => yearOf(d.date)));
  const years: HolidayYear[] = CN_HOLIDAYS.filter((y) => !cityYears.has(y.year));
  for (const y of cityYears) {
    const ofYear = days.filter((d) => yearOf(d.date) === y);
    years.push({
      year: y,
      holidays: ofYear.filter((d) => d.kind === 'holiday').map((d) => d.date),
      workdays: ofYear.filter((d) => d.kind === 'workday').map((d) => d.date),
    });
  }
  return createCalendar({
    periods: (settings?.periods as Period[] | undefined) ?? DEFAULT_PERIODS,
    utcOffsetMinutes: settings?.utc_offset_minutes ?? 480,
    years,
  });
}

function countWorkingDays(year: number, calendar: WorkingCalendar): number {
  let count = 0;
  const end = Date.parse(`${year}-12-31T00:00:00Z`);
  for (let t = Date.parse(`${year}-01-01T00:00:00Z`); t <= end; t += 86_400_000) {
    if (isWorkingDate(new Date(t).toISOString().slice(0, 10), calendar)) count++;
  }
  return count;
}

export async function getCalendar(ctx: Ctx, year: number): Promise<CalendarView> {
  assertCan(ctx.actor, 'calendar.read');
  const settings = await repo.findSettings(ctx.db, ctx.actor.cityId);
  const own = await repo.findDays(ctx.db, ctx.actor.cityId, `${year}-01-01`, `${year}-12-31`);
  const national = CN_HOLIDAYS.find((y) => y.year === year);
  const days =
    own.length > 0
      ? own.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name }))
      : national
        ? [
            ...national.holidays.map((date) => ({
              date,
              kind: 'holiday' as const,
              name: national.names?.[date] ?? null,
            })),
            ...national.workdays.map((date) => ({
              date,
              kind: 'workday' as const,
              name: national.names?.[date] ?? null,
            })),
          ].sort((a, b) => a.date.localeCompare(b.date))
        : [];
  const calendar = await loadWorkingCalendar(ctx.db, ctx.actor.cityId);
  return {
    year,
    periods: calendar.periods,
    utcOffsetMinutes: settings?.utc_offset_minutes ?? 480,
    source: own.length > 0 ? 'city' : national ? 'national' : 'none',
    days,
    workingDays: countWorkingDays(year, calendar),
  };
}

export async function updatePeriods(ctx: Ctx, periods: Period[]): Promise<CalendarView> {
  assertCan(ctx.actor, 'calendar.write');
  try {
    assertPeriods(periods);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'CALENDAR_BAD_PERIODS',
      details: { fields: [{ path: 'body/periods', message: (error as Error).message }] },
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.lockSettings(trx, ctx.actor.cityId);
    await repo.saveSettings(trx, ctx.actor.cityId, periods, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'calendar.periods.update',
      entityType: 'work_calendar',
      entityId: ctx.actor.cityId,
      before: { periods: before?.periods ?? DEFAULT_PERIODS },
      after: { periods },
    });
  });
  return getCalendar(ctx, yearOf(ctx.now().toISOString()));
}

export async function replaceYear(ctx: Ctx, year: number, days: CalendarDay[]): Promise<CalendarView> {
  assertCan(ctx.actor, 'calendar.write');
  const seen = new Set<string>();
  const fields: { path: string; message: string }[] = [];
  days.forEach((d, i) => {
    const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    if (yearOf(d.date) !== year) fields.push({ path: `body/days/${i}/date`, message: 'CALENDAR_DAY_OTHER_YEAR' });
    else if (seen.has(d.date)) fields.push({ path: `body/days/${i}/date`, message: 'CALENDAR_DAY_TWICE' });
    else if (d.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      fields.push({ path: `body/days/${i}/kind`, message: 'CALENDAR_WORKDAY_NOT_WEEKEND' });
    }
    seen.add(d.date);
  });
  if (fields.length > 0) {
    throw new AppError('VALIDATION_FAILED', { messageKey: fields[0].message, params: { year }, details: { fields } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    // The settings row is the city's calendar lock, so two edits of a year do not interleave.
    await repo.lockSettings(trx, ctx.actor.cityId);
    const before = await repo.findDays(trx, ctx.actor.cityId, `${year}-01-01`, `${year}-12-31`);
    const rows = days.map((d) => ({ date: d.date, kind: d.kind, name: d.name?.trim() || null }));
    await repo.replaceYear(trx, ctx.actor.cityId, year, rows);
    await auditFromCtx(trx, ctx, {
      action: 'calendar.year.replace',
      entityType: 'work_calendar',
      entityId: `${ctx.actor.cityId}:${year}`,
      before: { days: before },
      after: { days: rows },
    });
  });
  return getCalendar(ctx, year);
}
