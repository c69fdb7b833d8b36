// Public surface of the organisation module.
import type { App } from '../../platform/http.js';
import { registerRegionRoutes } from './regions.routes.js';

export function registerOrganisationRoutes(app: App) {
  registerRegionRoutes(app);
}
