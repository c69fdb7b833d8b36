import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadline } from '../../platform/calendar.js';
import { as, createCity, createTestEnv, createUser, type TestCity, type TestEnv } from '../../../test/harness.js';
import { loadWorkingCalendar } from './index.js';

let env: TestEnv;
let city: TestCity;

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
});
afterAll(() => env.close());

const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('working calendar', () => {
  it('shows the national arrangement until the city edits a year', async () => {
    const admin = await as(env.app, await createUser(env.db, city, ['city_admin']));
    const res = await admin.get('/api/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.source).toBe('national');
    expect(view.periods).toEqual([
      ['08:30', '12:00'],
      ['14:00', '17:30'],
    ]);
    expect(view.days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节调休上班' });
    expect(view.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(view.workingDays).toBeGreaterThan(240);
    expect((await admin.get('/api/calendar?year=2031')).json().source).toBe('none');
  });

  it('lets the city admin change periods and a year, audited, and deadlines follow', async () => {
    const other = await createCity(env.db);
    const admin = await as(env.app, await createUser(env.db, other, ['city_admin']));
    const periods = await admin.put('/api/calendar/periods', {
      periods: [
        ['08:00', '12:00'],
        ['15:00', '18:00'],
      ],
    });
    expect(periods.statusCode).toBe(200);
    const year = await admin.put('/api/calendar/years/2026', {
      days: [
        { date: '2026-03-03', kind: 'holiday', name: '本地节日' },
        { date: '2026-03-07', kind: 'workday', name: '调休' },
      ],
    });
    expect(year.statusCode).toBe(200);
    expect(year.json().source).toBe('city');
    expect(year.json().days).toHaveLength(2);

    const calendar = await loadWorkingCalendar(env.db, other.cityId);
    // Monday 17:00 + 2 working hours: 1 h today, Tuesday is the local holiday, so Wednesday 09:00.
    const due = computeDeadline(bj('2026-03-02 17:00'), { unit: 'working_hours', amount: 2 }, calendar);
    expect(due.toISOString()).toBe(bj('2026-03-04 09:00').toISOString());
    // The other city still has the defaults.
    const untouched = await loadWorkingCalendar(env.db, city.cityId);
    expect(untouched.periods[0]).toEqual(['08:30', '12:00']);

    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'before', 'after'])
      .where('city_id', '=', other.cityId)
      .where('action', 'like', 'calendar.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.periods.update', 'calendar.year.replace']);
  });

  it('rejects bad periods and days with clear messages', async () => {
    const admin = await as(env.app, await createUser(env.db, city, ['city_admin']));
    const overlap = await admin.put('/api/calendar/periods', {
      periods: [
        ['08:00', '12:00'],
        ['11:00', '13:00'],
      ],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().message).toContain('不重叠');
    const badFormat = await admin.put('/api/calendar/periods', { periods: [['8:00', '12:00']] });
    expect(badFormat.statusCode).toBe(400);
    const weekdayWorkday = await admin.put('/api/calendar/years/2026', {
      days: [{ date: '2026-03-04', kind: 'workday' }],
    });
    expect(weekdayWorkday.statusCode).toBe(400);
    expect(weekdayWorkday.json().details.fields[0].path).toBe('body/days/0/kind');
    const otherYear = await admin.put('/api/calendar/years/2026', { days: [{ date: '2027-01-01', kind: 'holiday' }] });
    expect(otherYear.statusCode).toBe(400);
    const twice = await admin.put('/api/calendar/years/2026', {
      days: [
        { date: '2026-03-03', kind: 'holiday' },
        { date: '2026-03-03', kind: 'holiday' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    // Nothing was saved by the rejected requests.
    expect((await admin.get('/api/calendar?year=2026')).json().source).toBe('national');
  });

  it('lets unit staff read but not change it, and keeps it from the audit admin', async () => {
    const unit = await as(
      env.app,
      await createUser(env.db, city, ['unit_staff'], { regionId: null, unitId: city.unitA }),
    );
    expect((await unit.get('/api/calendar')).statusCode).toBe(200);
    expect((await unit.put('/api/calendar/periods', { periods: [['08:00', '12:00']] })).statusCode).toBe(403);
    const auditor = await as(env.app, await createUser(env.db, city, ['audit_admin']));
    expect((await auditor.get('/api/calendar')).statusCode).toBe(403);
  });
});
