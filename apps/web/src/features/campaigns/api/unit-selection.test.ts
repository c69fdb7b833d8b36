import { describe, expect, it } from 'vitest';
import type { ScopeUnit } from './campaign-types';
import { allShownSelected, countByType, filterScopeUnits, selectShown, unselectShown } from './unit-selection';

const units: ScopeUnit[] = [
  { id: 1, name: '市城市管理局', type: 'agency', regionName: '示范市' },
  { id: 2, name: '市教育局', type: 'agency', regionName: '示范市' },
  { id: 3, name: '实验小学', type: 'school', regionName: '东城区' },
  { id: 4, name: '第一中学', type: 'school', regionName: '西城区' },
];

describe('scope unit picker', () => {
  it('filters by text (name or region) and type', () => {
    expect(filterScopeUnits(units, { q: '局', type: null }).map((u) => u.id)).toEqual([1, 2]);
    expect(filterScopeUnits(units, { q: '东城', type: null }).map((u) => u.id)).toEqual([3]);
    expect(filterScopeUnits(units, { q: '', type: 'school' }).map((u) => u.id)).toEqual([3, 4]);
    expect(filterScopeUnits(units, { q: '中学', type: 'agency' })).toEqual([]);
  });

  it('counts units per type', () => {
    expect(countByType(units)).toEqual([
      ['agency', 2],
      ['school', 2],
    ]);
  });

  it('selects and unselects everything shown, keeping other picks', () => {
    const schools = filterScopeUnits(units, { q: '', type: 'school' });
    const picked = selectShown([1, 3], schools);
    expect(picked).toEqual([1, 3, 4]);
    expect(allShownSelected(picked, schools)).toBe(true);
    expect(unselectShown(picked, schools)).toEqual([1]);
    expect(allShownSelected([], [])).toBe(false);
  });

  it('handles a thousand units quickly', () => {
    const many: ScopeUnit[] = Array.from({ length: 5000 }, (_, i) => ({
      id: i + 1,
      name: `单位${i}`,
      type: i % 2 ? 'school' : 'agency',
      regionName: null,
    }));
    const started = performance.now();
    const shown = filterScopeUnits(many, { q: '', type: 'school' });
    const picked = selectShown([], shown);
    expect(picked).toHaveLength(2500);
    expect(unselectShown(picked, shown)).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
