// The random draw: reproducible from the seed, whatever order candidates come in; the size per
// type; every site when no sample size is set; and the sharing out among inspectors.

import { describe, expect, it } from 'vitest';
import { drawSites, newSeed, shareOut } from './rounds.draw.js';

const candidates = [
  ...Array.from({ length: 40 }, (_, i) => ({ id: 100 + i, type_code: 'bus_stop' })),
  ...Array.from({ length: 12 }, (_, i) => ({ id: 500 + i, type_code: 'park' })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: 900 + i, type_code: 'farmers_market' })),
];

describe('drawSites', () => {
  it('draws the same sites from the same seed, in any input order', () => {
    const a = drawSites(candidates, 5, '123456789012345');
    const b = drawSites([...candidates].reverse(), 5, '123456789012345');
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('draws perType sites of each type, or all of a type that has fewer', () => {
    const drawn = drawSites(candidates, 5, '42');
    const byType = (lo: number, hi: number) => drawn.filter((id) => id >= lo && id < hi).length;
    expect(byType(100, 140)).toBe(5);
    expect(byType(500, 512)).toBe(5);
    expect(byType(900, 903)).toBe(3);
    expect(drawSites(candidates, undefined, '42')).toHaveLength(candidates.length);
  });

  it('draws differently from another seed', () => {
    const draws = new Set(['1', '2', '3', '4', '5'].map((seed) => drawSites(candidates, 5, seed).join(',')));
    expect(draws.size).toBeGreaterThan(3);
  });

  it('makes 15-digit seeds', () => {
    expect(newSeed(() => 0)).toBe('100000000000000');
    expect(newSeed()).toMatch(/^\d{15}$/);
  });
});

describe('shareOut', () => {
  it('splits ordered ids into contiguous near-equal shares', () => {
    expect(shareOut([1, 2, 3, 4, 5, 6, 7], [10, 20, 30])).toEqual([10, 10, 10, 20, 20, 30, 30]);
    expect(shareOut([1, 2], [10, 20, 30])).toEqual([10, 20]);
    expect(shareOut([], [10])).toEqual([]);
  });
});
