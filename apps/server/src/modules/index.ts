// Registers every module's routes under /api. Modules are used only through their index.ts.

import type { App } from '../platform/http.js';
import { registerAuthRoutes } from './auth/index.js';
import { registerCalendarRoutes } from './calendar/index.js';
import { registerOrganisationRoutes } from './organisation/index.js';
import { registerUserRoutes } from './users/index.js';
import { registerSecurityRoutes } from './security/index.js';
import { registerAuditRoutes } from './audit/index.js';
import { registerFileRoutes } from './files/index.js';
import { registerCasesModule } from './cases/index.js';
import { registerNotificationRoutes } from './notifications/index.js';
import { registerCampaignsModule } from './campaigns/index.js';
import { registerInspectionsModule } from './inspections/index.js';
import { registerCanvassModule } from './canvass/index.js';
import { registerSurveysModule } from './surveys/index.js';
import { registerVolunteersModule } from './volunteers/index.js';

export function registerModules(app: App) {
  registerAuthRoutes(app);
  registerCalendarRoutes(app);
  registerOrganisationRoutes(app);
  registerUserRoutes(app);
  registerSecurityRoutes(app);
  registerAuditRoutes(app);
  registerFileRoutes(app);
  registerCasesModule(app);
  registerNotificationRoutes(app);
  registerCampaignsModule(app);
  registerInspectionsModule(app);
  registerCanvassModule(app);
  registerSurveysModule(app);
  registerVolunteersModule(app);
}
