// Public surface of the notifications module: its routes, and the calls other modules make inside
// their transactions to notify users and queue SMS.
export { registerNotificationRoutes } from './notifications.routes.js';
export {
  flushSmsOutbox,
  logSmsGateway,
  notifyUsers,
  queueSms,
  setSmsGateway,
  smsOutboxJob,
  unitContactMessages,
  type SmsGateway,
} from './notifications.service.js';
