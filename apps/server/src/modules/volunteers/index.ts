// Public surface of the volunteers module: its routes and the default activity types.
import type { App } from '../../platform/http.js';
import { registerVolunteerRoutes } from './volunteers.routes.js';

export function registerVolunteersModule(app: App) {
  registerVolunteerRoutes(app);
}

export { ensureActivityTypes } from './activities.service.js';
export { refreshWeek } from './tracker.js';
export { newQrKey } from './qr.js';
