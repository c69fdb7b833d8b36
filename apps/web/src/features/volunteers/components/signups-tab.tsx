// An activity's sign-up list for its organiser: who signed up themselves or was assigned (and by
// whom), their unit and party organisation, and how far their attendance got — so the organiser
// sees who has not turned up yet. Someone who has not checked in can be taken off the list.
import { useMemo } from 'react';
import { App, Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import type { ActivityDetail, Signup } from '../api/volunteer-types';
import { useRemoveSignup, useSignups } from '../api/volunteers-api';
import { AttendanceStatusTag } from './volunteer-tags';

export function SignupsTab({ activity }: { activity: ActivityDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useSignups(activity.id, activity.canManage);
  const remove = useRemoveSignup(activity.id);
  const items = useMemo(() => query.data ?? [], [query.data]);
  const came = items.filter((s) => s.attendance !== null).length;

  const columns: TableColumnsType<Signup> = [
    {
      title: t('volunteers.signups.person'),
      key: 'person',
      width: 140,
      render: (_v, s) => (
        <>
          {s.person.name}
          {s.person.phoneMasked ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {s.person.phoneMasked}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('volunteers.signups.unit'), key: 'unit', ellipsis: true, render: (_v, s) => s.unit?.name ?? '—' },
    {
      title: t('volunteers.signups.partyOrg'),
      dataIndex: 'partyOrg',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('volunteers.signups.source'),
      key: 'source',
      width: 150,
      render: (_v, s) => (
        <>
          <Tag color={s.source === 'assigned' ? 'purple' : 'blue'}>{t(`volunteers.signups.source.${s.source}`)}</Tag>
          {s.source === 'assigned' && s.createdBy ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.createdBy.name}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('volunteers.signups.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('volunteers.signups.attendance'),
      key: 'attendance',
      width: 100,
      render: (_v, s) =>
        s.attendance ? <AttendanceStatusTag status={s.attendance} /> : <Tag>{t('volunteers.signups.notYet')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_v, s) =>
        activity.canManage && s.attendance === null ? (
          <Popconfirm
            title={t('volunteers.signups.removeConfirm', { name: s.person.name })}
            onConfirm={() =>
              remove.mutate(s.person.id, {
                onSuccess: () => void message.success(t('volunteers.signups.removed')),
                onError: (e) => showApiError(e, message),
              })
            }
          >
            <Button size="small" danger data-testid="signup-remove">
              {t('volunteers.signups.remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <>
      <Typography.Paragraph data-testid="signups-summary">
        {t('volunteers.signups.summary', { total: items.length, came, missing: items.length - came })}
      </Typography.Paragraph>
      <Table<Signup>
        rowKey={(s) => s.person.id}
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={items.length > 50 ? { pageSize: 50, size: 'small' } : false}
        scroll={{ x: 900 }}
        onRow={(s) => ({ 'data-testid': 'signup-row', 'data-person-id': s.person.id }) as never}
        locale={{ emptyText: query.isError ? query.error.message : t('volunteers.signups.empty') }}
        data-testid="signups-table"
      />
    </>
  );
}
