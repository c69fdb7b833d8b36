// A small in-process rate limiter for anonymous endpoints (public reports, photo uploads):
// at most `limit` hits per key within a sliding `windowMs`. In memory, so per server process —
// enough against a script hammering one instance; a shared limiter belongs in front of a cluster.

import { AppError } from './errors.js';

export interface RateLimiter {
  /** Counts a hit for `key` at `now`; throws RATE_LIMITED (429) when over the limit. */
  hit(key: string, now?: number): void;
}

export function createRateLimiter(limit: number, windowMs: number, maxKeys = 50_000): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    hit(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        throw new AppError('RATE_LIMITED');
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      // Forget the oldest keys rather than grow without bound.
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
    },
  };
}
