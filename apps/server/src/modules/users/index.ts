// Public surface of the users module.
export { registerUserRoutes } from './users.routes.js';
