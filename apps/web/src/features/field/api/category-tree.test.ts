import { describe, expect, it } from 'vitest';
import type { CaseCategory } from '../../../shared/cases/cases-api';
import { categoryTree, isSelectable } from './category-tree';

function cat(id: number, parentId: number | null, sort: number, active = true): CaseCategory {
  return {
    id,
    parentId,
    code: `c${id}`,
    name: `C${id}`,
    ownerRule: 'area',
    limitUnit: 'working_days',
    limitAmount: 3,
    verifyLimitUnit: null,
    verifyLimitAmount: null,
    sort,
    active,
  };
}

const ALL = [
  cat(1, null, 2),
  cat(2, null, 1),
  cat(3, null, 3, false), // inactive main type
  cat(4, null, 4), // main type without sub-types
  cat(11, 1, 2),
  cat(12, 1, 1),
  cat(13, 1, 0, false), // inactive sub-type
  cat(21, 2, 0),
  cat(31, 3, 0), // under an inactive parent
];

describe('categoryTree', () => {
  it('offers active main types in sort order and their active sub-types', () => {
    const tree = categoryTree(ALL);
    expect(tree.parents.map((c) => c.id)).toEqual([2, 1, 4]);
    expect(tree.childrenOf.get(1)?.map((c) => c.id)).toEqual([12, 11]);
    expect(tree.childrenOf.has(3)).toBe(false);
    expect(tree.childrenOf.has(4)).toBe(false);
  });

  it('allows leaves and childless main types only', () => {
    const tree = categoryTree(ALL);
    expect(isSelectable(tree, 11)).toBe(true);
    expect(isSelectable(tree, 4)).toBe(true);
    expect(isSelectable(tree, 1)).toBe(false); // has sub-types
    expect(isSelectable(tree, 13)).toBe(false); // inactive
    expect(isSelectable(tree, 31)).toBe(false); // parent inactive
    expect(isSelectable(tree, 999)).toBe(false);
    expect(isSelectable(tree, null)).toBe(false);
  });
});
