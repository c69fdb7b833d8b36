// Public surface of the files module (storage itself is platform/files.ts).
export { registerFileRoutes } from './files.routes.js';
