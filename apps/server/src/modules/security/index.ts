// Public surface of the security module.
export { registerSecurityRoutes } from './security.routes.js';
