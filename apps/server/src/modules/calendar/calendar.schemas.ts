// API shapes of the city's working calendar.

import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http.js';

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
export const Periods = Type.Array(Type.Tuple([HHMM, HHMM]), { minItems: 1, maxItems: 6 });

export const CalendarDay = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: StringEnum(['holiday', 'workday'] as const),
  name: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const CalendarQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });

export const CalendarView = Type.Object({
  year: Type.Integer(),
  periods: Periods,
  utcOffsetMinutes: Type.Integer(),
  /** Whether the year's days come from the city's own edits or the built-in national arrangement. */
  source: StringEnum(['city', 'national', 'none'] as const),
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      kind: StringEnum(['holiday', 'workday'] as const),
      name: Nullable(Type.String()),
    }),
  ),
  workingDays: Type.Integer({ description: 'Working days in the year under this calendar' }),
});
export type CalendarView = Static<typeof CalendarView>;

export const UpdatePeriodsBody = Type.Object({ periods: Periods }, { additionalProperties: false });
export const UpdateYearBody = Type.Object(
  { days: Type.Array(CalendarDay, { maxItems: 200 }) },
  { additionalProperties: false },
);
