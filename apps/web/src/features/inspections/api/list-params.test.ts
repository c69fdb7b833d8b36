import { describe, expect, it } from 'vitest';
import { listSearch } from '../../../shared/url-params';
import {
  REQUIREMENT_LIST_CODEC,
  ROUND_INSPECTIONS_CODEC,
  ROUND_LIST_CODEC,
  SITE_LIST_CODEC,
  codeParam,
} from './list-params';

const parse = (codec: { parse: (s: URLSearchParams) => unknown }, text: string) =>
  codec.parse(new URLSearchParams(text));

describe('site list URL state', () => {
  it('reads filters and drops malformed ones', () => {
    expect(
      parse(SITE_LIST_CODEC, 'typeCode=bus_stop&regionId=12&unitId=x&active=false&q=%20人民路%20&view=map'),
    ).toEqual({
      page: 1,
      pageSize: 20,
      q: '人民路',
      typeCode: 'bus_stop',
      regionId: 12,
      unitId: undefined,
      active: false,
      view: 'map',
    });
    expect(parse(SITE_LIST_CODEC, 'typeCode=bus%20stop&view=globe&page=0')).toMatchObject({
      typeCode: undefined,
      view: 'list',
      page: 1,
    });
  });

  it('writes back a clean URL (defaults left out, the view kept)', () => {
    const state = SITE_LIST_CODEC.parse(new URLSearchParams('typeCode=park&view=map&page=3'));
    expect(listSearch(SITE_LIST_CODEC.search!(state), state, 20).toString()).toBe('typeCode=park&view=map&page=3');
    const list = SITE_LIST_CODEC.parse(new URLSearchParams(''));
    expect(listSearch(SITE_LIST_CODEC.search!(list), list, 20).toString()).toBe('');
    expect(SITE_LIST_CODEC.filters(state)).not.toHaveProperty('view');
  });
});

describe('round and inspection list URL state', () => {
  it('reads the round status', () => {
    expect(parse(ROUND_LIST_CODEC, 'status=open&q=第一轮')).toMatchObject({ status: 'open', q: '第一轮' });
    expect(parse(ROUND_LIST_CODEC, 'status=done')).toMatchObject({ status: undefined });
  });

  it('asks for unassigned inspections without an inspector', () => {
    const state = ROUND_INSPECTIONS_CODEC.parse(new URLSearchParams('unassigned=true&inspectorId=5&status=assigned'));
    expect(ROUND_INSPECTIONS_CODEC.filters(state)).toMatchObject({ unassigned: true, inspectorId: undefined });
    const other = ROUND_INSPECTIONS_CODEC.parse(new URLSearchParams('unassigned=false&inspectorId=5&typeCode=park'));
    expect(ROUND_INSPECTIONS_CODEC.filters(other)).toMatchObject({
      unassigned: undefined,
      inspectorId: 5,
      typeCode: 'park',
    });
  });

  it('reads the requirement filters', () => {
    expect(parse(REQUIREMENT_LIST_CODEC, 'standardId=3&status=returned&pageSize=50')).toEqual({
      page: 1,
      pageSize: 50,
      standardId: 3,
      unitId: undefined,
      status: 'returned',
    });
  });

  it('accepts only codes of the server pattern', () => {
    expect(codeParam('farmers_market')).toBe('farmers_market');
    expect(codeParam('a/b')).toBeUndefined();
    expect(codeParam(null)).toBeUndefined();
  });
});
