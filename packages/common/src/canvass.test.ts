import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS, maskPhone, normalisePhone, TOP_TOPICS, topTopicOf } from './canvass';

describe('phone numbers', () => {
  it('accepts mobiles and landlines in common spellings, refuses the rest', () => {
    expect(normalisePhone('13812345678')).toBe('13812345678');
    expect(normalisePhone('138 1234 5678')).toBe('13812345678');
    expect(normalisePhone('+86 138-1234-5678'.replace(/-/g, ''))).toBe('13812345678');
    expect(normalisePhone('0318-8989228')).toBe('0318-8989228');
    expect(normalisePhone('（0318）8989228')).toBe('03188989228');
    for (const bad of ['12345', '1381234567', '23812345678', '12812345678', 'abc', '', '0318-89']) {
      expect(normalisePhone(bad), bad).toBeNull();
    }
  });

  it('masks all but the first three and last four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0318-8989228')).toBe('0318-****28');
    expect(maskPhone('03188989228')).toBe('031-****28');
    expect(maskPhone('13812345678')).not.toContain('1234');
  });
});

describe('topics', () => {
  it('has the four areas of the seed at the top and every sub-topic under one of them', () => {
    expect(DEFAULT_TOPICS.filter((t) => t.parent === null).map((t) => t.code)).toEqual([...TOP_TOPICS]);
    for (const t of DEFAULT_TOPICS.filter((x) => x.parent)) {
      expect(topTopicOf(t.code)).toBe(t.parent);
    }
    expect(topTopicOf('city')).toBe('city');
  });
});
