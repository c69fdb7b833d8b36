import { describe, expect, it } from 'vitest';
import {
  boolParam,
  dateParam,
  enumListParam,
  enumParam,
  hasFilters,
  listSearch,
  pageSizeParam,
  positiveIntParam,
  textParam,
} from './url-params';

describe('URL list params', () => {
  it('reads positive integers only', () => {
    expect(positiveIntParam('12')).toBe(12);
    expect(positiveIntParam('0')).toBeUndefined();
    expect(positiveIntParam('-3')).toBeUndefined();
    expect(positiveIntParam('1.5')).toBeUndefined();
    expect(positiveIntParam(null)).toBeUndefined();
  });

  it('reads booleans, dates, enums and text', () => {
    expect(boolParam('true')).toBe(true);
    expect(boolParam('false')).toBe(false);
    expect(boolParam('yes')).toBeUndefined();
    expect(dateParam('2026-03-01')).toBe('2026-03-01');
    expect(dateParam('2026-3-1')).toBeUndefined();
    expect(enumParam('b', ['a', 'b'] as const)).toBe('b');
    expect(enumParam('c', ['a', 'b'] as const)).toBeUndefined();
    expect(enumListParam('b, a,c,b', ['a', 'b'] as const)).toEqual(['b', 'a']);
    expect(textParam(`  ${'x'.repeat(120)} `)).toHaveLength(100);
    expect(pageSizeParam('50', [20, 50], 20)).toBe(50);
    expect(pageSizeParam('33', [20, 50], 20)).toBe(20);
  });

  it('writes filters without empty values and defaults', () => {
    const search = listSearch({ q: '', a: 1, b: undefined, c: false }, { page: 1, pageSize: 20 }, 20);
    expect(search.toString()).toBe('a=1&c=false');
    expect(listSearch({}, { page: 3, pageSize: 50 }, 20).toString()).toBe('page=3&pageSize=50');
    expect(hasFilters({ q: '', a: undefined })).toBe(false);
    expect(hasFilters({ a: 0 })).toBe(true);
  });
});
