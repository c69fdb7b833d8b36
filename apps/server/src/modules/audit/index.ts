// Public surface of the audit module.
export { registerAuditRoutes } from './audit.routes.js';
