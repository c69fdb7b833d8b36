import { describe, expect, it } from 'vitest';
import type { CaseCategory } from '../../../shared/cases/cases-api';
import { branchIds, buildCategoryTree, filterCategoryTree } from './category-tree';

function cat(id: number, parentId: number | null, code: string, sort = 0, name = code): CaseCategory {
  return {
    id,
    parentId,
    code,
    name,
    ownerRule: 'area',
    limitUnit: 'working_days',
    limitAmount: 3,
    verifyLimitUnit: null,
    verifyLimitAmount: null,
    sort,
    active: true,
  };
}

describe('buildCategoryTree', () => {
  it('nests children and orders siblings by sort, then code', () => {
    const tree = buildCategoryTree([cat(3, 1, 'B2', 2), cat(1, null, 'A'), cat(2, 1, 'B1', 2), cat(4, 1, 'Z', 1)]);
    expect(tree).toHaveLength(1);
    expect(tree[0].depth).toBe(0);
    expect(tree[0].children?.map((c) => c.code)).toEqual(['Z', 'B1', 'B2']);
    expect(tree[0].children?.[0].depth).toBe(1);
    expect(tree[0].children?.[0].children).toBeUndefined();
  });

  it('keeps a category whose parent is missing at the top level', () => {
    const tree = buildCategoryTree([cat(1, null, 'A'), cat(2, 99, 'B')]);
    expect(tree.map((n) => n.code)).toEqual(['A', 'B']);
  });

  it('does not loop on a parent cycle and shows every category once', () => {
    const tree = buildCategoryTree([cat(1, 2, 'A'), cat(2, 1, 'B'), cat(3, 3, 'C')]);
    const all: string[] = [];
    const walk = (nodes: typeof tree) =>
      nodes.forEach((n) => {
        all.push(n.code);
        if (n.children) walk(n.children);
      });
    walk(tree);
    expect(all.sort()).toEqual(['A', 'B', 'C']);
  });

  it('lists the branches', () => {
    const tree = buildCategoryTree([cat(1, null, 'A'), cat(2, 1, 'B'), cat(3, 2, 'C'), cat(4, null, 'D')]);
    expect(branchIds(tree).sort()).toEqual([1, 2]);
  });
});

describe('filterCategoryTree', () => {
  const tree = buildCategoryTree([
    cat(1, null, 'ENV', 0, '市容环境'),
    cat(2, 1, 'ENV.1', 0, '垃圾乱堆'),
    cat(3, 1, 'ENV.2', 0, '道路破损'),
    cat(4, null, 'TRAF', 0, '交通秩序'),
  ]);

  it('keeps matches with their ancestors', () => {
    const out = filterCategoryTree(tree, '垃圾');
    expect(out).toHaveLength(1);
    expect(out[0].code).toBe('ENV');
    expect(out[0].children?.map((c) => c.code)).toEqual(['ENV.1']);
  });

  it('keeps the whole subtree of a matching parent', () => {
    expect(filterCategoryTree(tree, 'env')[0].children).toHaveLength(2);
  });

  it('returns everything for an empty query', () => {
    expect(filterCategoryTree(tree, '  ')).toHaveLength(2);
  });
});
