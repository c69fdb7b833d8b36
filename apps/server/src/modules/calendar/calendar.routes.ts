// Working-calendar routes: thin — schema, permission, one service call.

import { ctxOf, errorResponses, type App } from '../../platform/http.js';
import { CalendarQuery, CalendarView, UpdatePeriodsBody, UpdateYearBody, YearParams } from './calendar.schemas.js';
import * as service from './calendar.service.js';

const tags = ['calendar'];

export function registerCalendarRoutes(app: App) {
  app.get(
    '/calendar',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: "A year of the city's working calendar (default: this year)",
        querystring: CalendarQuery,
        response: { 200: CalendarView, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return service.getCalendar(ctx, request.query.year ?? ctx.now().getUTCFullYear());
    },
  );

  app.put(
    '/calendar/periods',
    {
      config: { permission: 'calendar.write' },
      schema: { tags, body: UpdatePeriodsBody, response: { 200: CalendarView, ...errorResponses } },
    },
    async (request) => service.updatePeriods(ctxOf(request), request.body.periods as [string, string][]),
  );

  app.put(
    '/calendar/years/:year',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: "Replace a year's public holidays and swapped workdays",
        params: YearParams,
        body: UpdateYearBody,
        response: { 200: CalendarView, ...errorResponses },
      },
    },
    async (request) => service.replaceYear(ctxOf(request), request.params.year, request.body.days),
  );
}
