// The reusable access matrix every module applies to its routes:
//   wrong role → 403, right role but the row lies in another region/unit → 404, right role → 2xx.
// Rows are made by the caller (it knows its module); this helper makes the users and asserts.

import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '@cc/common/permissions';
import { as, createUser, type Client, type TestCity, type TestEnv } from './harness.js';

export interface AccessCase {
  /** Label shown when an expectation fails, e.g. 'PATCH /api/units/:id'. */
  name: string;
  /** Sends the request as the given client; `own` is in scope of the permitted user, `other` is not. */
  send: (client: Client, target: 'own' | 'other') => Promise<LightMyRequestResponse>;
  /** A role that has the permission (scoped to city.districts[0] or unitA, see `scope`). */
  allowed: Role;
  /** A role that lacks the permission. */
  forbidden: Role;
  /** How the allowed user is scoped: region = districts[0], unit = unitA. Default region. */
  scope?: 'region' | 'unit';
  /** Whether the route addresses a row and so has an out-of-scope variant (404). Default true. */
  scoped?: boolean;
  /** Expected success status (default any 2xx). */
  okStatus?: number;
}

async function clientFor(env: TestEnv, city: TestCity, role: Role, scope: 'region' | 'unit'): Promise<Client> {
  const user = await createUser(
    env.db,
    city,
    [role],
    scope === 'unit' ? { regionId: null, unitId: city.unitA } : { regionId: city.districts[0].id, unitId: null },
  );
  return as(env.app, user);
}

export async function expectAccessMatrix(env: TestEnv, city: TestCity, cases: AccessCase[]): Promise<void> {
  for (const c of cases) {
    const scope = c.scope ?? 'region';
    const allowed = await clientFor(env, city, c.allowed, scope);
    const forbidden = await clientFor(env, city, c.forbidden, scope);

    const denied = await c.send(forbidden, 'own');
    expect(denied.statusCode, `${c.name}: ${c.forbidden} must get 403 (${denied.body})`).toBe(403);

    if (c.scoped !== false) {
      const outside = await c.send(allowed, 'other');
      expect(outside.statusCode, `${c.name}: out-of-scope row must be 404 (${outside.body})`).toBe(404);
    }

    const ok = await c.send(allowed, 'own');
    if (c.okStatus) expect(ok.statusCode, `${c.name}: ${ok.body}`).toBe(c.okStatus);
    else
      expect(
        ok.statusCode >= 200 && ok.statusCode < 300,
        `${c.name}: expected 2xx, got ${ok.statusCode} ${ok.body}`,
      ).toBe(true);
  }
}
