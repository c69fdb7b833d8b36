// Security policy use cases (security admin): read and replace the city's policy. Loading and
// saving live in platform/auth/policy.ts because sign-in, lockout and the idle timeout read it too.

import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { loadPolicy, savePolicy } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import * as repo from './security.repository.js';
import type { SecurityPolicy } from './security.schemas.js';

export async function getSecurityPolicy(ctx: Ctx): Promise<SecurityPolicy> {
  assertCan(ctx.actor, 'security.policy.read');
  return loadPolicy(ctx.db, ctx.config, ctx.actor.cityId);
}

export async function updateSecurityPolicy(ctx: Ctx, input: SecurityPolicy): Promise<SecurityPolicy> {
  assertCan(ctx.actor, 'security.policy.write');
  await ctx.db.transaction().execute(async (trx) => {
    // Serialises concurrent edits so each audit entry's "before" is what it replaced.
    await repo.lockPolicy(trx, ctx.actor.cityId);
    const before = await loadPolicy(trx, ctx.config, ctx.actor.cityId);
    await savePolicy(trx, ctx.actor.cityId, input, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'security.policy.update',
      entityType: 'security_policy',
      entityId: ctx.actor.cityId,
      before,
      after: input,
    });
  });
  return getSecurityPolicy(ctx);
}
