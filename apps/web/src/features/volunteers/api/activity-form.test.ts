import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { activityBody, activityFormValues, DEFAULT_RADIUS_M } from './activity-form';
import type { ActivityDetail } from './volunteer-types';

describe('activity form', () => {
  it('turns the form into the API body, empty optionals as null', () => {
    const body = activityBody({
      typeCode: 'sanitation',
      title: ' 清扫楼道 ',
      description: '  ',
      place: ' 3 号楼 ',
      lng: 113.24,
      lat: 35.21,
      time: [dayjs('2026-03-01T08:30:27Z'), dayjs('2026-03-01T10:00:00Z')],
    });
    expect(body).toEqual({
      typeCode: 'sanitation',
      title: '清扫楼道',
      description: null,
      theme: null,
      communityId: null,
      campaignId: null,
      place: '3 号楼',
      lng: 113.24,
      lat: 35.21,
      radiusM: DEFAULT_RADIUS_M,
      startsAt: '2026-03-01T08:30:00.000Z',
      endsAt: '2026-03-01T10:00:00.000Z',
      capacity: null,
    });
  });

  it('fills the form from an activity and back', () => {
    const a = {
      type: { code: 'clean_day', name: '城市清洁日', fiveOne: 'sanitation' },
      title: 't',
      description: 'd',
      theme: null,
      community: { id: 5, name: '东社区' },
      campaign: null,
      place: 'p',
      lng: 1,
      lat: 2,
      radiusM: 300,
      startsAt: '2026-03-01T08:30:00.000Z',
      endsAt: '2026-03-01T10:00:00.000Z',
      capacity: 30,
    } as unknown as ActivityDetail;
    const values = activityFormValues(a);
    expect(values).toMatchObject({ typeCode: 'clean_day', communityId: 5, radiusM: 300, capacity: 30 });
    expect(activityBody(values)).toMatchObject({ startsAt: a.startsAt, endsAt: a.endsAt, communityId: 5 });
    expect(activityFormValues(null)).toEqual({ radiusM: DEFAULT_RADIUS_M });
  });
});
