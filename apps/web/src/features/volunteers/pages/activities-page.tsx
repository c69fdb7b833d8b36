// 志愿活动 at the desk (/volunteer/activities): every activity in the city the user sees — type,
// title, time, place, community, organiser, sign-ups of places, check-ins and phase — filtered by
// community, type, dates and "only those I manage" in the URL; organisers publish one and land on it.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, DatePicker, Select, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { ACTIVITY_LIST_CODEC } from '../api/list-params';
import type { ActivityListItem } from '../api/volunteer-types';
import { useActivityList, useActivityTypes } from '../api/volunteers-api';
import { activityColumns } from '../components/activity-columns';
import { ActivityFormDrawer } from '../components/activity-form-drawer';
import { CommunitySelect } from '../components/community-select';
import { useNow } from '../components/use-now';

export default function ActivitiesPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const list = useUrlListState(ACTIVITY_LIST_CODEC);
  const { state, update } = list;
  const query = useActivityList(list.params);
  const types = useActivityTypes();
  const [creating, setCreating] = useState(false);
  const now = useNow();

  const columns = activityColumns<ActivityListItem>(t, now, [
    {
      title: t('volunteers.activities.organiser'),
      key: 'organiser',
      width: 160,
      ellipsis: true,
      render: (_v, a) => a.organiserUnit?.name ?? a.organiserName,
    },
  ]);

  return (
    <Card size="small" title={t('volunteers.activities.title')} data-testid="page-volunteer-activities">
      <ListToolbar
        filters={
          <>
            <CommunitySelect
              width={200}
              value={state.communityId}
              onChange={(communityId) => update({ communityId })}
              placeholder={t('volunteers.activities.community')}
              testId="filter-community"
            />
            <Select<string>
              allowClear
              placeholder={t('volunteers.activities.type')}
              style={{ width: 170 }}
              value={state.typeCode}
              onChange={(typeCode) => update({ typeCode: typeCode ?? undefined })}
              options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              data-testid="filter-type"
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[state.from ? dayjs(state.from) : null, state.to ? dayjs(state.to) : null]}
              onChange={(range) =>
                update({
                  from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
                })
              }
              placeholder={[t('volunteers.activities.dates'), t('volunteers.activities.dates')]}
            />
            {can('volunteer.organise') ? (
              <span>
                <Switch
                  size="small"
                  checked={!!state.organised}
                  onChange={(on) => update({ organised: on || undefined })}
                  data-testid="filter-organised"
                />{' '}
                {t('volunteers.activities.organisedOnly')}
              </span>
            ) : null}
          </>
        }
        actions={
          can('volunteer.organise') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-button"
            >
              {t('volunteers.activities.create')}
            </Button>
          ) : null
        }
      />
      <Table<ActivityListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1200 }}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('volunteers.activities.empty'),
            filtered: t('volunteers.activities.emptyFiltered'),
          }),
        }}
        data-testid="activities-table"
      />
      {creating ? (
        <ActivityFormDrawer
          activity={null}
          onClose={() => setCreating(false)}
          onSaved={(a) => void navigate(`/volunteer/activities/${a.id}`)}
        />
      ) : null}
    </Card>
  );
}
