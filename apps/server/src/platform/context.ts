// The context every service receives first: who acts, on which database, at what time.

import type { FastifyBaseLogger } from 'fastify';
import type { Permission, Role } from '@cc/common/permissions';
import type { Config } from './config.js';
import type { Db } from './db.js';
import type { Locale } from './i18n.js';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  cityId: number;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** Region the user is scoped to (its subtree is visible), or null. */
  regionId: number | null;
  /** Materialised path of that region, e.g. '/1/5/'. */
  regionPath: string | null;
  /** Unit the user belongs to and is scoped to, or null. */
  unitId: number | null;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  locale: Locale;
}

export interface Ctx {
  actor: Actor;
  db: Db;
  config: Config;
  now: () => Date;
  log: FastifyBaseLogger;
  locale: Locale;
  ip: string | null;
}

/** Context for public routes and the login flow, where nobody is signed in yet. */
export type PublicCtx = Omit<Ctx, 'actor'> & { actor: Actor | null };
