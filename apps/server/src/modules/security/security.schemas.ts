// API shape of the city's security policy (安全策略): password rules, lockout and idle timeout.
// The bounds keep a policy from being set below 等保 practice or into a self-lockout.

import { Type, type Static } from 'typebox';

export const SecurityPolicy = Type.Object(
  {
    passwordMinLength: Type.Integer({ minimum: 8, maximum: 64 }),
    /** How many of lower-case, upper-case, digits, symbols a password must mix. */
    passwordRequireClasses: Type.Integer({ minimum: 1, maximum: 4 }),
    /** 0 = passwords never expire. */
    passwordExpiryDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    lockoutThreshold: Type.Integer({ minimum: 3, maximum: 20 }),
    lockoutMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    idleTimeoutMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
  },
  { additionalProperties: false },
);
export type SecurityPolicy = Static<typeof SecurityPolicy>;
