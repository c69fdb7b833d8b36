// Public surface of the canvass module: its routes, the answer escalation job, and the defaults a
// city starts with.
import type { App } from '../../platform/http.js';
import { registerCanvassRoutes } from './canvass.routes.js';

export function registerCanvassModule(app: App) {
  registerCanvassRoutes(app);
}

export { answerEscalationJob, runAnswerEscalation } from './answers.escalation.js';
export { seedOpinionTopics } from './topics.defaults.js';
export {
  modelFromJson,
  suggestFromTokens,
  suggestTopic,
  trainClassifier,
  type OpinionSample,
  type Suggestion,
} from './classifier.js';
export { groupTexts, groupVectors } from './grouping.js';
