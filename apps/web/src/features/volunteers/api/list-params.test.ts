import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_LIST_CODEC,
  COMMENDATION_LIST_CODEC,
  COMPLIANCE_CODEC,
  RANKING_CODEC,
  REGISTRATION_LIST_CODEC,
  REPORT_LIST_CODEC,
} from './list-params';

const parse = <S>(codec: { parse: (s: URLSearchParams) => S }, text: string) => codec.parse(new URLSearchParams(text));

describe('volunteer list params', () => {
  it('reads registration filters and drops malformed ones', () => {
    expect(
      parse(REGISTRATION_LIST_CODEC, 'status=pending&communityId=7&partyOrg=%20一支部%20&unitId=x&page=2'),
    ).toEqual({
      page: 2,
      pageSize: 20,
      status: 'pending',
      communityId: 7,
      partyOrg: '一支部',
      unitId: undefined,
    });
    expect(parse(REGISTRATION_LIST_CODEC, 'status=nope').status).toBeUndefined();
  });

  it('reads activity filters', () => {
    const s = parse(ACTIVITY_LIST_CODEC, 'typeCode=clean_day&from=2026-01-01&to=bad&organised=true');
    expect(s).toMatchObject({ typeCode: 'clean_day', from: '2026-01-01', to: undefined, organised: true });
    expect(parse(ACTIVITY_LIST_CODEC, 'typeCode=DROP%20TABLE').typeCode).toBeUndefined();
    expect(ACTIVITY_LIST_CODEC.filters(s)).toEqual({
      communityId: undefined,
      typeCode: 'clean_day',
      from: '2026-01-01',
      to: undefined,
      organised: true,
    });
  });

  it('reads report filters', () => {
    expect(parse(REPORT_LIST_CODEC, 'status=rejected&communityId=3')).toMatchObject({
      status: 'rejected',
      communityId: 3,
    });
  });

  it('defaults compliance to communities by week and keeps defaults out of the URL', () => {
    const s = parse(COMPLIANCE_CODEC, '');
    expect(s).toMatchObject({ by: 'community', period: 'week' });
    expect(COMPLIANCE_CODEC.filters(s)).toMatchObject({ by: 'community', period: 'week' });
    expect(COMPLIANCE_CODEC.search?.(s)).toEqual({
      by: undefined,
      period: undefined,
      day: undefined,
      communityId: undefined,
      partyOrg: undefined,
      unitId: undefined,
    });
    expect(parse(COMPLIANCE_CODEC, 'by=party_org&period=month&day=2026-03-04')).toMatchObject({
      by: 'party_org',
      period: 'month',
      day: '2026-03-04',
    });
    // A drill-down into one party organisation's members survives a reload; a bad unit is dropped.
    const drilled = parse(COMPLIANCE_CODEC, `by=member&partyOrg=${encodeURIComponent(' 机关第一党支部 ')}&unitId=x`);
    expect(COMPLIANCE_CODEC.filters(drilled)).toMatchObject({
      by: 'member',
      partyOrg: '机关第一党支部',
      unitId: undefined,
    });
  });

  it('keeps the ranking and the commendation filters in the URL, dropping a reversed period', () => {
    const s = parse(RANKING_CODEC, 'subject=party_org&basis=five_one&from=2026-01-01&to=2026-06-30');
    expect(RANKING_CODEC.filters(s)).toEqual({
      subject: 'party_org',
      basis: 'five_one',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    const defaults = parse(RANKING_CODEC, 'subject=nobody&from=2026-06-30&to=2026-01-01');
    expect(RANKING_CODEC.search?.(defaults)).toEqual({
      subject: undefined,
      basis: undefined,
      from: undefined,
      to: undefined,
    });
    expect(COMMENDATION_LIST_CODEC.filters(parse(COMMENDATION_LIST_CODEC, 'status=published&page=2'))).toEqual({
      status: 'published',
    });
    expect(parse(COMMENDATION_LIST_CODEC, 'status=archived').status).toBeUndefined();
  });
});
