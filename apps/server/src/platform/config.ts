// Configuration, read from the environment once at boot and validated. Nothing else in the server
// reads process.env: everything receives a Config.

import path from 'node:path';

export interface SecurityDefaults {
  passwordMinLength: number;
  passwordRequireClasses: number;
  passwordExpiryDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Embedded database and file store live here. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded PGlite. */
  databaseUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** 'auto' seeds the demo city when the database holds no city yet. */
  demoSeed: 'auto' | 'off';
  trustProxy: boolean;
  /** Force the Secure cookie flag; otherwise it is set when the request came over TLS. */
  cookieSecure: boolean;
  uploadMaxBytes: number;
  importMaxBytes: number;
  /** Seconds between case-escalation ticks; 0 turns the in-process scheduler off. */
  schedulerIntervalSeconds: number;
  webDistDir: string | null;
  security: SecurityDefaults;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return {
    env: nodeEnv,
    host: env.HOST?.trim() || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    demoSeed: oneOf(env, 'DEMO_SEED', ['auto', 'off'] as const, 'auto'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    importMaxBytes: int(env, 'IMPORT_MAX_MB', 10, 1, 200) * 1024 * 1024,
    schedulerIntervalSeconds: int(env, 'SCHEDULER_INTERVAL_SECONDS', 60, 0, 86_400),
    webDistDir: env.WEB_DIST_DIR?.trim() ? path.resolve(cwd, env.WEB_DIST_DIR.trim()) : null,
    security: {
      passwordMinLength: int(env, 'PASSWORD_MIN_LENGTH', 8, 6, 64),
      passwordRequireClasses: int(env, 'PASSWORD_REQUIRE_CLASSES', 3, 1, 4),
      passwordExpiryDays: int(env, 'PASSWORD_EXPIRY_DAYS', 90, 0, 3650),
      lockoutThreshold: int(env, 'LOCKOUT_THRESHOLD', 5, 1, 100),
      lockoutMinutes: int(env, 'LOCKOUT_MINUTES', 5, 1, 1440),
      idleTimeoutMinutes: int(env, 'IDLE_TIMEOUT_MINUTES', 30, 1, 1440),
    },
  };
}
