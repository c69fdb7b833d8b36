// The desk's activity table columns, shared by the activity list and the community dashboard:
// title (link), type with its 五个一 item, time, place, community, sign-ups of places, check-ins and
// phase. `extra` columns (the list's organiser) go after the community.
import { Link } from 'react-router';
import { Tag, type TableColumnsType } from 'antd';
import type { TFunction } from '../../../app/i18n/locale-provider';
import { activityPhase } from '../api/volunteer-format';
import type { ActivityListItem } from '../api/volunteer-types';
import { timeRangeText } from './mobile-activity-card';
import { ActivityPhaseTag } from './volunteer-tags';

export type ActivityRowBase = Pick<
  ActivityListItem,
  | 'id'
  | 'title'
  | 'type'
  | 'community'
  | 'place'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'capacity'
  | 'signups'
  | 'checkedIn'
>;

export function activityColumns<T extends ActivityRowBase>(
  t: TFunction,
  now: number,
  extra: TableColumnsType<T> = [],
): TableColumnsType<T> {
  return [
    {
      title: t('volunteers.activities.titleField'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <Link to={`/volunteer/activities/${a.id}`} data-testid="activity-link" data-activity-id={a.id}>
          {title}
        </Link>
      ),
    },
    {
      title: t('volunteers.activities.type'),
      key: 'type',
      width: 150,
      render: (_v, a) => (
        <>
          {a.type.name}
          {a.type.fiveOne ? (
            <Tag color="volcano" style={{ marginInlineStart: 4 }}>
              {t(`volunteers.fiveOne.short.${a.type.fiveOne}`)}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('volunteers.activities.time'),
      key: 'time',
      width: 200,
      render: (_v, a) => timeRangeText(a.startsAt, a.endsAt),
    },
    { title: t('volunteers.activities.place'), dataIndex: 'place', width: 160, ellipsis: true },
    {
      title: t('volunteers.activities.community'),
      key: 'community',
      width: 120,
      render: (_v, a) => a.community?.name ?? '—',
    },
    ...extra,
    {
      title: t('volunteers.activities.signups'),
      key: 'signups',
      width: 100,
      align: 'right',
      render: (_v, a) => (a.capacity !== null ? `${a.signups}/${a.capacity}` : a.signups),
    },
    { title: t('volunteers.activities.checkedIn'), dataIndex: 'checkedIn', width: 70, align: 'right' },
    {
      title: t('volunteers.activities.status'),
      key: 'phase',
      width: 90,
      render: (_v, a) => <ActivityPhaseTag phase={activityPhase(a, now)} />,
    },
  ];
}
