// Public surface of the questionnaires module: its routes, and the pure pieces the demo seed and
// the benchmark use to write answers the way a submission does.
import type { App } from '../../platform/http.js';
import { registerSurveyRoutes } from './surveys.routes.js';

export function registerSurveysModule(app: App) {
  registerSurveyRoutes(app);
}

export { newToken as newSurveyToken } from './surveys.service.js';
