// Public surface of the auth module.
export { registerAuthRoutes } from './auth.routes.js';
export { getMe } from './auth.service.js';
