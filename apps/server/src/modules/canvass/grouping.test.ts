import { describe, expect, it } from 'vitest';
import { tokenVector } from '../../platform/text.js';
import { generateOpinions } from '../../seed/demo-canvass-content.js';
import { createGroupIndex, GROUP_THRESHOLD, groupTexts } from './grouping.js';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('opinion grouping', () => {
  it('groups identical and near-identical opinions, and keeps different problems apart', () => {
    const groups = groupTexts([
      '幸福花园3号楼楼道里堆满了杂物，没人清理', // 0
      '幸福花园3号楼楼道里堆满了杂物，没人清理', // identical
      '幸福花园7号楼楼道里堆满杂物没人清理！', // another building, punctuation, 了
      '麻烦反映一下：幸福花园5号楼的楼道里堆满了杂物，没人清理，谢谢', // politeness around it
      '幸福花园垃圾桶满了没人清运，味道很大', // 1: same estate, another problem
      '孩子上学路口缺少红绿灯，过马路太危险', // 2
      '孩子上学的路口缺少红绿灯，过马路太危险了。', // 的/了
      '人民路的路灯不亮，晚上走路黑乎乎的', // 3
      '人民路路面坑洼不平，下雨天积水', // 4: same road, another problem
      '！！！', // 5: no content words
      '？？', // 6: nor this one — not grouped with the one before
    ]);
    expect(groups).toEqual([0, 0, 0, 0, 1, 2, 2, 3, 4, 5, 6]);
  });

  it('joins the most similar group, compared with its first text, at the threshold', () => {
    const index = createGroupIndex();
    expect(index.size).toBe(0);
    expect(index.match(tokenVector('小区垃圾桶满了'))).toBeNull();
    index.add(10, tokenVector('小区垃圾桶满了没人清运'));
    index.add(20, tokenVector('小区楼道堆放杂物没人清理'));
    expect(index.size).toBe(2);
    expect(index.match(tokenVector('小区的垃圾桶满了，没人清运'))).toEqual({ key: 10, similarity: 1 });
    const near = index.match(tokenVector('小区楼道堆放杂物，一直没人清理，气味难闻'));
    expect(near?.key).toBe(20);
    expect(near!.similarity).toBeGreaterThanOrEqual(GROUP_THRESHOLD);
    expect(near!.similarity).toBeLessThan(1);
    expect(index.match(tokenVector('路口缺少红绿灯'))).toBeNull();
    // A stricter index refuses what the default joins.
    const strict = createGroupIndex(0.99);
    strict.add(1, tokenVector('小区楼道堆放杂物没人清理'));
    expect(strict.match(tokenVector('小区楼道堆放杂物，一直没人清理，气味难闻'))).toBeNull();
  });

  it('is stable: numbering by first appearance, and the same input gives the same groups', () => {
    const texts = ['路口缺少红绿灯', '楼道堆放杂物没人清理', '路口缺少红绿灯！', '楼道里堆放杂物没人清理'];
    expect(groupTexts(texts)).toEqual([0, 1, 0, 1]);
    expect(groupTexts([...texts].reverse())).toEqual([0, 1, 0, 1]);
    const generated = generateOpinions(prng(5), 2000).map((o) => o.text);
    expect(groupTexts(generated)).toEqual(groupTexts(generated));
  });

  it('groups 30,000 generated opinions into problems', () => {
    const opinions = generateOpinions(prng(20261203), 30_000);
    const groups = groupTexts(opinions.map((o) => o.text));
    expect(groups).toHaveLength(30_000);
    // Numbered by first appearance: each new group is the next number.
    let next = 0;
    for (const g of groups) {
      expect(g).toBeLessThanOrEqual(next);
      if (g === next) next += 1;
    }
    const sizes = new Map<number, number>();
    const problems = new Map<number, Set<number>>();
    groups.forEach((g, i) => {
      sizes.set(g, (sizes.get(g) ?? 0) + 1);
      problems.set(g, (problems.get(g) ?? new Set()).add(opinions[i].problem));
    });
    // The same problems recur: far fewer groups than opinions, many with several households.
    expect(sizes.size).toBeLessThan(5000);
    expect([...sizes.values()].filter((n) => n >= 5).length).toBeGreaterThan(200);
    // Nearly every group holds one problem.
    const mixed = [...problems.values()].filter((p) => p.size > 1).length;
    expect(mixed / sizes.size).toBeLessThan(0.03);
  });
});
