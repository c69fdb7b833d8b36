// Public surface of the calendar module: its routes, and the city calendar every deadline uses.
export { registerCalendarRoutes } from './calendar.routes.js';
export { loadWorkingCalendar } from './calendar.service.js';
