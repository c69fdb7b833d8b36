// Public surface of the cases module: its routes, the intake other modules file cases through,
// the scheduler, and the default categories the demo seed and new cities use.
import type { App } from '../../platform/http.js';
import { registerPublicCaseRoutes } from './cases.public.routes.js';
import { registerCaseRoutes } from './cases.routes.js';

export function registerCasesModule(app: App) {
  registerCaseRoutes(app);
  registerPublicCaseRoutes(app);
}

export { clearGridCache, seedDefaultCategories } from './cases.config.js';
export { caseEscalationJob, runEscalation } from './cases.escalation.js';
export { assertImages, fileCase, type IntakeInput, type IntakeResult } from './cases.service.js';
export { findCategoryByCode as findCaseCategoryByCode } from './cases.repository.js';
