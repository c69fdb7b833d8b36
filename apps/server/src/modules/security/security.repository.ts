// SQL of the security module beyond platform/auth/policy.ts (which loads and saves the policy
// for sign-in, lockout and the idle timeout as well).

import type { Executor } from '../../platform/db.js';

/** Locks the city's policy row, if there is one yet, for the rest of the transaction. */
export async function lockPolicy(db: Executor, cityId: number): Promise<void> {
  await db.selectFrom('security_policies').select('city_id').where('city_id', '=', cityId).forUpdate().execute();
}
