// Public surface of the organisation module.
import type { App } from '../../platform/http.js';
import { registerGroupRoutes } from './groups.routes.js';
import { registerImportRoutes } from './imports.routes.js';
import { registerPairingRoutes } from './pairings.routes.js';
import { registerPeopleRoutes } from './people.routes.js';
import { registerRegionRoutes } from './regions.routes.js';
import { registerUnitRoutes } from './units.routes.js';

export function registerOrganisationRoutes(app: App) {
  registerRegionRoutes(app);
  registerUnitRoutes(app);
  registerPeopleRoutes(app);
  registerPairingRoutes(app);
  registerGroupRoutes(app);
  registerImportRoutes(app);
}

/** Row-scope predicates other modules reuse (a case's or task's unit must be one the actor sees). */
export { containsPattern, isCityRootActor, unitIdVisible, unitRowVisible } from './org.policy.js';
