import { describe, expect, it } from 'vitest';
import { cosine, textSimilarity, tokens, tokenVector } from './text.js';

const BIN_A = '人民路与解放路交叉口垃圾桶破损，垃圾满溢';
const BIN_B = '解放路人民路口的垃圾桶坏了，垃圾满溢出来';
const HALLWAY = '小区楼道堆放杂物占用消防通道';

describe('tokens', () => {
  it('segments Chinese text into words', () => {
    expect(tokens(HALLWAY)).toEqual(['小区', '楼道', '堆放', '杂物', '占用', '消防通道']);
    expect(tokens(BIN_A)).toEqual(expect.arrayContaining(['解放路', '交叉口', '垃圾桶', '破损', '垃圾', '满溢']));
  });

  it('drops stop words, including complaint boilerplate', () => {
    const words = tokens(BIN_B);
    for (const stop of ['的', '了', '出来']) expect(words).not.toContain(stop);
    expect(tokens(BIN_A)).not.toContain('与');
    expect(tokens('请相关部门尽快处理，谢谢！')).toEqual([]);
    expect(tokens('我们希望反映一个问题和情况')).toEqual([]);
  });

  it('drops punctuation, whitespace, symbols and numbers', () => {
    expect(tokens('，。！？、；：“”（）……—— ,.!?;:()[] \t\n ￥$%+-=')).toEqual([]);
    expect(tokens('123 4.56 ２０２６')).toEqual([]);
    expect(tokens('2026年3月2日 15:30 垃圾桶')).toEqual(['垃圾桶']);
  });

  it('keeps Latin words lower-cased, full-width letters normalised, single letters dropped', () => {
    expect(tokens('LED Screen a B')).toEqual(['led', 'screen']);
    expect(tokens('ＷＩＦＩ')).toEqual(['wifi']);
  });

  it('keeps single Han characters that are not stop words', () => {
    expect(tokens(BIN_B)).toContain('坏');
    expect(tokens('墙')).toEqual(['墙']);
    expect(tokens('的')).toEqual([]);
  });

  it('is empty for empty or blank text', () => {
    expect(tokens('')).toEqual([]);
    expect(tokens('   \n\t')).toEqual([]);
  });
});

describe('tokenVector', () => {
  it('counts repeated words', () => {
    const vector = tokenVector('垃圾桶满了，垃圾桶坏了，垃圾桶');
    expect(vector.get('垃圾桶')).toBe(3);
    expect(vector.has('了')).toBe(false);
  });

  it('is empty for text without content words', () => {
    expect(tokenVector('！！！').size).toBe(0);
  });
});

describe('cosine', () => {
  const v = (entries: [string, number][]) => new Map(entries);

  it('is 1 for parallel vectors and 0 for disjoint ones', () => {
    expect(
      cosine(
        v([
          ['a', 1],
          ['b', 2],
        ]),
        v([
          ['a', 2],
          ['b', 4],
        ]),
      ),
    ).toBeCloseTo(1, 12);
    expect(cosine(v([['a', 1]]), v([['b', 1]]))).toBe(0);
  });

  it('computes the angle of partly overlapping vectors', () => {
    // (1,1,0)·(0,1,1) / (√2·√2) = 1/2
    expect(
      cosine(
        v([
          ['a', 1],
          ['b', 1],
        ]),
        v([
          ['b', 1],
          ['c', 1],
        ]),
      ),
    ).toBeCloseTo(0.5, 12);
  });

  it('is 0 when either side is empty', () => {
    expect(cosine(v([]), v([['a', 1]]))).toBe(0);
    expect(cosine(v([['a', 1]]), v([]))).toBe(0);
    expect(cosine(v([]), v([]))).toBe(0);
  });

  it('is symmetric whichever side is larger', () => {
    const a = v([
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ]);
    const b = v([
      ['b', 5],
      ['c', 1],
    ]);
    expect(cosine(a, b)).toBe(cosine(b, a));
  });
});

describe('textSimilarity', () => {
  it('scores two reports of the same problem well above unrelated reports', () => {
    const same = textSimilarity(BIN_A, BIN_B);
    expect(same).toBeGreaterThan(0.4);
    expect(textSimilarity(BIN_A, HALLWAY)).toBeLessThanOrEqual(0.15);
    expect(textSimilarity(BIN_B, HALLWAY)).toBeLessThanOrEqual(0.15);
    expect(same).toBeGreaterThan(textSimilarity(BIN_A, HALLWAY) + 0.3);
  });

  it('is not fooled by shared boilerplate', () => {
    const a = '人民路垃圾桶破损，请相关部门尽快处理，谢谢';
    const b = '小区楼道堆放杂物，请相关部门尽快处理，谢谢';
    expect(textSimilarity(a, b)).toBeLessThanOrEqual(0.15);
  });

  it('is exactly 1 for identical text and for text differing only in punctuation and stop words', () => {
    expect(textSimilarity(BIN_A, BIN_A)).toBe(1);
    expect(textSimilarity('垃圾桶破损', '垃圾桶，破损了！')).toBe(1);
  });

  it('is 0 when either side is empty or punctuation only', () => {
    expect(textSimilarity('', BIN_A)).toBe(0);
    expect(textSimilarity(BIN_A, '')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('！！！，。', BIN_A)).toBe(0);
    expect(textSimilarity('……', '……')).toBe(0);
  });

  it('is symmetric and stays within [0, 1]', () => {
    const texts = [BIN_A, BIN_B, HALLWAY, '路灯不亮', 'LED 屏幕 黑屏', '垃圾桶 垃圾桶 垃圾'];
    for (const a of texts) {
      for (const b of texts) {
        const s = textSimilarity(a, b);
        expect(s).toBe(textSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });
});
