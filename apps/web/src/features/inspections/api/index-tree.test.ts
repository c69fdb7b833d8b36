import { describe, expect, it } from 'vitest';
import type { IndexNode } from './inspection-types';
import {
  branchIds,
  buildIndexTree,
  childLevelOf,
  filterIndexTree,
  pointsBelow,
  standardOptions,
  suggestChildCode,
} from './index-tree';

function node(
  id: number,
  parentId: number | null,
  level: IndexNode['level'],
  code: string,
  name: string,
  extra: Partial<IndexNode> = {},
): IndexNode {
  return { id, parentId, level, code, name, methods: [], points: null, siteTypes: [], sort: 0, active: true, ...extra };
}

const items: IndexNode[] = [
  node(4, 3, 'standard', 'A.01.01.02', '公交站亭公益广告', { methods: ['field'], points: 2, siteTypes: ['bus_stop'] }),
  node(1, null, 'project', 'A', '公共环境'),
  node(2, 1, 'indicator', 'A.01', '公益广告'),
  node(3, 2, 'content', 'A.01.01', '宣传氛围'),
  node(5, 3, 'standard', 'A.01.01.01', '围挡公益广告', { methods: ['field', 'material'], points: 3 }),
  node(6, 3, 'standard', 'A.01.01.03', '已停用标准', { active: false, points: 9 }),
  node(7, null, 'project', 'B', '公共秩序', { sort: 1 }),
];

describe('index tree', () => {
  it('nests the flat list in sort and code order', () => {
    const tree = buildIndexTree(items);
    expect(tree.map((n) => n.code)).toEqual(['A', 'B']);
    const content = tree[0].children[0].children[0];
    expect(content.children.map((n) => n.code)).toEqual(['A.01.01.01', 'A.01.01.02', 'A.01.01.03']);
    expect(content.depth).toBe(2);
  });

  it('keeps a node whose parent is missing as a root', () => {
    expect(buildIndexTree([node(9, 99, 'standard', 'X', '孤儿')]).map((n) => n.id)).toEqual([9]);
  });

  it('hides inactive nodes unless asked', () => {
    const tree = buildIndexTree(items);
    const content = (t: ReturnType<typeof buildIndexTree>) => t[0].children[0].children[0].children.map((n) => n.id);
    expect(content(filterIndexTree(tree, { q: '', showInactive: false }))).toEqual([5, 4]);
    expect(content(filterIndexTree(tree, { q: '', showInactive: true }))).toEqual([5, 4, 6]);
  });

  it('finds by text with ancestors and the subtree', () => {
    const tree = buildIndexTree(items);
    const hit = filterIndexTree(tree, { q: '公交', showInactive: false });
    expect(hit.map((n) => n.id)).toEqual([1]);
    expect(hit[0].children[0].children[0].children.map((n) => n.id)).toEqual([4]);
    const sub = filterIndexTree(tree, { q: '宣传氛围', showInactive: false });
    expect(sub[0].children[0].children[0].children.map((n) => n.id)).toEqual([5, 4]);
    expect(filterIndexTree(tree, { q: '不存在', showInactive: true })).toEqual([]);
  });

  it('narrows to standards of a method', () => {
    const tree = buildIndexTree(items);
    const material = filterIndexTree(tree, { q: '', showInactive: false, method: 'material' });
    expect(material.map((n) => n.id)).toEqual([1]);
    expect(material[0].children[0].children[0].children.map((n) => n.id)).toEqual([5]);
  });

  it('lists branches, standards with their path, and points below', () => {
    const tree = buildIndexTree(items);
    expect(branchIds(tree)).toEqual([1, 2, 3]);
    const options = standardOptions(items);
    expect(options.map((o) => o.id)).toEqual([5, 4, 6]);
    expect(options[1].path).toBe('公共环境 / 公益广告 / 宣传氛围');
    expect(pointsBelow(tree[0])).toBe(5);
  });

  it('suggests codes and levels for a new child', () => {
    const parent = items.find((n) => n.id === 3)!;
    const siblings = items.filter((n) => n.parentId === 3);
    expect(suggestChildCode(parent, siblings)).toBe('A.01.01.04');
    expect(suggestChildCode(null, [])).toBe('P01');
    expect(suggestChildCode(null, [node(8, null, 'project', 'P07', 'x')])).toBe('P08');
    expect(childLevelOf(null)).toBe('project');
    expect(childLevelOf(parent)).toBe('standard');
    expect(childLevelOf(items[0])).toBeNull();
  });
});
