import { describe, expect, it } from 'vitest';
import {
  countWorkingDays,
  dayLook,
  daysFromRows,
  isWeekend,
  kindsByDate,
  monthGrid,
  periodMinutes,
  rowIndexOfPath,
  rowsFromDays,
  sameDays,
  toggleDay,
  validatePeriods,
  validateRows,
  type DayRow,
} from './calendar-days';

const row = (date: string | null, kind: 'holiday' | 'workday' = 'holiday', name = ''): DayRow => ({
  key: `k-${date}`,
  date,
  kind,
  name,
});

describe('calendar days', () => {
  it('knows weekends', () => {
    expect(isWeekend('2026-01-03')).toBe(true); // Saturday
    expect(isWeekend('2026-01-04')).toBe(true); // Sunday
    expect(isWeekend('2026-01-05')).toBe(false);
    expect(isWeekend('nonsense')).toBe(false);
  });

  it('round-trips rows and days, sorted, blank names as null', () => {
    const rows = rowsFromDays([
      { date: '2026-10-02', kind: 'holiday', name: null },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
    ]);
    expect(rows.map((r) => r.date)).toEqual(['2026-10-01', '2026-10-02']);
    expect(rows[1].name).toBe('');
    expect(daysFromRows([...rows, row(null)])).toEqual([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: null },
    ]);
  });

  it('compares day lists regardless of order and blank names', () => {
    expect(
      sameDays(
        [
          { date: '2026-01-01', kind: 'holiday', name: '' },
          { date: '2026-01-02', kind: 'holiday', name: 'x' },
        ],
        [
          { date: '2026-01-02', kind: 'holiday', name: 'x' },
          { date: '2026-01-01', kind: 'holiday', name: null },
        ],
      ),
    ).toBe(true);
    expect(sameDays([{ date: '2026-01-01', kind: 'holiday', name: null }], [])).toBe(false);
  });

  it('validates rows like the server', () => {
    expect(
      validateRows(
        [
          row('2026-01-01'),
          row(null),
          row('2025-12-31'),
          row('2026-01-01'),
          row('2026-01-05', 'workday'),
          row('2026-01-04', 'workday'),
        ],
        2026,
      ),
    ).toEqual([null, 'dateRequired', 'otherYear', 'twice', 'workdayNotWeekend', null]);
  });

  it('reads the row of a server field path', () => {
    expect(rowIndexOfPath('body/days/3/date')).toBe(3);
    expect(rowIndexOfPath('/days/0/kind')).toBe(0);
    expect(rowIndexOfPath('body/periods')).toBeNull();
  });

  it('toggles a day from the year view', () => {
    const one = toggleDay([], '2026-01-05');
    expect(one).toHaveLength(1);
    expect(one[0].kind).toBe('holiday');
    const two = toggleDay(one, '2026-01-04');
    expect(two.map((r) => [r.date, r.kind])).toEqual([
      ['2026-01-04', 'workday'],
      ['2026-01-05', 'holiday'],
    ]);
    expect(toggleDay(two, '2026-01-05').map((r) => r.date)).toEqual(['2026-01-04']);
  });

  it('looks and counts working days', () => {
    const byDate = kindsByDate([row('2026-01-01'), row('2026-01-04', 'workday')]);
    expect(dayLook('2026-01-01', byDate)).toBe('holiday');
    expect(dayLook('2026-01-04', byDate)).toBe('workday');
    expect(dayLook('2026-01-03', byDate)).toBe('weekend');
    expect(dayLook('2026-01-02', byDate)).toBe('normal');
    // 2026 has 261 weekdays; one holiday on a weekday, one swapped workday on a Sunday
    expect(countWorkingDays(2026, new Map())).toBe(261);
    expect(countWorkingDays(2026, byDate)).toBe(261);
    expect(countWorkingDays(2024, new Map())).toBe(262);
  });

  it('lays out a month Monday first', () => {
    const weeks = monthGrid(2026, 2); // 1 Feb 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('validates working periods', () => {
    expect(
      validatePeriods([
        ['08:30', '12:00'],
        ['11:00', '17:00'],
        ['18:00', '17:30'],
        [null, '20:00'],
      ]),
    ).toEqual([null, 'overlap', 'order', 'incomplete']);
    expect(
      periodMinutes([
        ['08:30', '12:00'],
        ['14:00', '17:30'],
      ]),
    ).toBe(420);
  });
});
