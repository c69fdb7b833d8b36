// Public surface of the inspections module: its routes, and the defaults a city starts with (the
// demo seed and new cities use them).
import type { App } from '../../platform/http.js';
import { registerCatalogueRoutes } from './catalogue.routes.js';
import { registerFieldRoutes } from './field.routes.js';

export function registerInspectionsModule(app: App) {
  registerCatalogueRoutes(app);
  registerFieldRoutes(app);
}

export { seedInspectionDefaults } from './catalogue.service.js';
export { drawSites, newSeed, shareOut } from './rounds.draw.js';
