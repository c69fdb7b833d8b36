// The activity form's values and the API body, both ways. Pure: times travel as ISO strings, the
// form holds them as dayjs; empty optional fields become null so an edit can clear them.
import dayjs, { type Dayjs } from 'dayjs';
import type { ActivityBody, ActivityDetail } from './volunteer-types';

export const DEFAULT_RADIUS_M = 200;

export interface ActivityFormValues {
  typeCode?: string;
  title?: string;
  description?: string | null;
  theme?: string | null;
  communityId?: number | null;
  campaignId?: number | null;
  place?: string;
  lng?: number | null;
  lat?: number | null;
  radiusM?: number | null;
  time?: [Dayjs | null, Dayjs | null] | null;
  capacity?: number | null;
}

const text = (v: string | null | undefined) => (v ?? '').trim() || null;

export function activityBody(v: ActivityFormValues): ActivityBody {
  const [from, to] = v.time ?? [null, null];
  return {
    typeCode: v.typeCode ?? '',
    title: (v.title ?? '').trim(),
    description: text(v.description),
    theme: text(v.theme),
    communityId: v.communityId ?? null,
    campaignId: v.campaignId ?? null,
    place: (v.place ?? '').trim(),
    lng: Number(v.lng),
    lat: Number(v.lat),
    radiusM: v.radiusM ?? DEFAULT_RADIUS_M,
    startsAt: from ? from.second(0).millisecond(0).toISOString() : '',
    endsAt: to ? to.second(0).millisecond(0).toISOString() : '',
    capacity: v.capacity ?? null,
  };
}

export function activityFormValues(a: ActivityDetail | null): ActivityFormValues {
  if (!a) return { radiusM: DEFAULT_RADIUS_M };
  return {
    typeCode: a.type.code,
    title: a.title,
    description: a.description,
    theme: a.theme,
    communityId: a.community?.id ?? null,
    campaignId: a.campaign?.id ?? null,
    place: a.place,
    lng: a.lng,
    lat: a.lat,
    radiusM: a.radiusM,
    time: [dayjs(a.startsAt), dayjs(a.endsAt)],
    capacity: a.capacity,
  };
}
