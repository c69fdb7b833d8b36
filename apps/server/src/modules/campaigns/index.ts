// Public surface of the campaigns module: its routes, the scheduler job for reminders and
// escalation, and what later modules read (the campaign's phase).
import type { App } from '../../platform/http.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { registerLedgerRoutes } from './ledger.routes.js';

export function registerCampaignsModule(app: App) {
  registerCampaignRoutes(app);
  registerLedgerRoutes(app);
}

export { rebuildTaskRollups } from './campaigns.repository.js';
export { campaignPhase, currentPhase } from './campaigns.service.js';
export { runTaskReminders, taskReminderJob } from './reminders.js';
