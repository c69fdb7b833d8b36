// Entry point: `npm start`. Validates config, prepares the database (migrations, demo seed) and
// serves the API and the built web app.

import { buildApp } from './platform/app.js';
import { prepareDatabase } from './platform/bootstrap.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { caseEscalationJob } from './modules/cases/index.js';
import { taskReminderJob } from './modules/campaigns/index.js';
import { answerEscalationJob } from './modules/canvass/index.js';
import { smsOutboxJob } from './modules/notifications/index.js';
import { startScheduler } from './platform/scheduler.js';

const started = Date.now();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const handle = await prepareDatabase(config, console);
const app = await buildApp({ db: handle.db, config });
if (config.demoSeed === 'auto') {
  const seeded = await seedDemoIfEmpty(handle.db, config, app.log);
  if (seeded) printDemoAccounts(seeded.accounts);
}

const scheduler =
  config.schedulerIntervalSeconds > 0
    ? startScheduler(
        [
          caseEscalationJob(handle.db),
          taskReminderJob(handle.db),
          answerEscalationJob(handle.db),
          smsOutboxJob(handle.db),
        ],
        app.log,
        config.schedulerIntervalSeconds * 1000,
      )
    : null;

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await scheduler?.stop();
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  { database: handle.kind, dataDir: handle.kind === 'pglite' ? config.dataDir : undefined, ms: Date.now() - started },
  `Chuangcheng is ready at http://localhost:${config.port}`,
);

function printDemoAccounts(accounts: { username: string; password: string; role: string }[]) {
  const lines = accounts.map((a) => `  ${a.username.padEnd(16)} ${a.password.padEnd(14)} ${a.role}`);
  console.log(`\nDemo accounts (user name, password, role):\n${lines.join('\n')}\n`);
}
