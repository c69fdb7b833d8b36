import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { createRateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows `limit` hits per window and refuses the next with 429', () => {
    const limiter = createRateLimiter(3, 1000);
    for (let i = 0; i < 3; i++) limiter.hit('a', 100 + i);
    expect(() => limiter.hit('a', 200)).toThrow(AppError);
    try {
      limiter.hit('a', 300);
    } catch (error) {
      expect((error as AppError).status).toBe(429);
    }
    // Another key is independent.
    expect(() => limiter.hit('b', 300)).not.toThrow();
  });

  it('lets hits through again once the window slides past', () => {
    const limiter = createRateLimiter(2, 1000);
    limiter.hit('a', 0);
    limiter.hit('a', 500);
    expect(() => limiter.hit('a', 999)).toThrow();
    expect(() => limiter.hit('a', 1001)).not.toThrow();
  });

  it('forgets the oldest keys beyond the key limit', () => {
    const limiter = createRateLimiter(1, 10_000, 2);
    limiter.hit('a', 0);
    limiter.hit('b', 0);
    limiter.hit('c', 0);
    // 'a' was evicted, so it may hit again.
    expect(() => limiter.hit('a', 1)).not.toThrow();
  });
});
