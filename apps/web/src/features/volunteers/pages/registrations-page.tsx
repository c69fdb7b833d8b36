// 社区报到 at the desk (/volunteer/registrations): the registrations of the communities in scope —
// pending first — with confirm / reject (with the reason) on each row the actor may decide
// (`canDecide`), filtered by community, status, party organisation and unit in the URL; and the
// members not registered yet (same filters) with one "remind" for all of them.
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '@cc/common/volunteers';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitSelect } from '../../../shared/components/unit-select';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { REGISTRATION_LIST_CODEC, type RegistrationListState } from '../api/list-params';
import type { Registration, UnregisteredMember } from '../api/volunteer-types';
import {
  useDecideRegistration,
  useRegistrationList,
  useRemindUnregistered,
  useUnregistered,
} from '../api/volunteers-api';
import { CommunitySelect } from '../components/community-select';
import { ReasonModal } from '../components/reason-modal';
import { RegistrationStatusTag } from '../components/volunteer-tags';

type Tab = 'list' | 'unregistered';

export default function RegistrationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useUrlListState(REGISTRATION_LIST_CODEC);
  const { state, update } = list;
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'unregistered' ? 'unregistered' : 'list';
  const [partyOrgText, setPartyOrgText] = useState(state.partyOrg);

  const setTab = (next: Tab) =>
    setSearch(
      (prev) => {
        const s = new URLSearchParams(prev);
        s.delete('page');
        if (next === 'list') s.delete('tab');
        else s.set('tab', next);
        return s;
      },
      { replace: true },
    );

  const filters = (
    <>
      <CommunitySelect
        width={200}
        value={state.communityId}
        onChange={(communityId) => update({ communityId })}
        placeholder={t('volunteers.registrations.community')}
        testId="filter-community"
      />
      {tab === 'list' ? (
        <Select<RegistrationStatus>
          allowClear
          placeholder={t('volunteers.registrations.allStatuses')}
          style={{ width: 120 }}
          value={state.status}
          onChange={(status) => update({ status: status ?? undefined })}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`volunteers.registrationStatus.${s}`) }))}
          data-testid="filter-status"
        />
      ) : null}
      <Input.Search
        allowClear
        style={{ width: 200 }}
        placeholder={t('volunteers.registrations.partyOrgFilter')}
        value={partyOrgText}
        maxLength={60}
        onChange={(e) => {
          setPartyOrgText(e.target.value);
          if (!e.target.value) update({ partyOrg: '' });
        }}
        onSearch={(v) => update({ partyOrg: v.trim() })}
        data-testid="filter-party-org"
      />
      <div style={{ width: 200 }}>
        <UnitSelect
          value={state.unitId ?? null}
          onChange={(unitId) => update({ unitId: unitId ?? undefined })}
          placeholder={t('volunteers.registrations.unit')}
        />
      </div>
    </>
  );

  return (
    <Card size="small" title={t('volunteers.registrations.title')} data-testid="page-volunteer-registrations">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          { key: 'list', label: <span data-testid="tab-list">{t('volunteers.registrations.tab.list')}</span> },
          {
            key: 'unregistered',
            label: <span data-testid="tab-unregistered">{t('volunteers.registrations.tab.unregistered')}</span>,
          },
        ]}
      />
      {tab === 'list' ? (
        <RegistrationTable list={list} filters={filters} />
      ) : (
        <UnregisteredTable list={list} filters={filters} onReminded={(text) => void message.success(text)} />
      )}
    </Card>
  );
}

type ListState = ReturnType<typeof useUrlListState<RegistrationListState>>;

function RegistrationTable({ list, filters }: { list: ListState; filters: ReactNode }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useRegistrationList(list.params);
  const decide = useDecideRegistration();
  const [rejecting, setRejecting] = useState<Registration | null>(null);

  const confirm = (r: Registration) =>
    decide.mutate(
      { id: r.id, body: { decision: 'confirm' } },
      {
        onSuccess: () => void message.success(t('volunteers.decide.confirmed')),
        onError: (e) => showApiError(e, message),
      },
    );

  const columns: TableColumnsType<Registration> = [
    {
      title: t('volunteers.registrations.person'),
      key: 'person',
      width: 110,
      render: (_v, r) => r.person.name,
    },
    {
      title: t('volunteers.registrations.phone'),
      key: 'phone',
      width: 120,
      render: (_v, r) => r.person.phoneMasked ?? '—',
    },
    {
      title: t('volunteers.registrations.community'),
      key: 'community',
      width: 170,
      render: (_v, r) => (r.community.street ? `${r.community.name}（${r.community.street}）` : r.community.name),
    },
    {
      title: t('volunteers.registrations.workUnit'),
      key: 'unit',
      width: 150,
      ellipsis: true,
      render: (_v, r) => r.workUnit?.name ?? '—',
    },
    {
      title: t('volunteers.registrations.partyOrg'),
      dataIndex: 'partyOrg',
      width: 160,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('volunteers.registrations.skills'),
      key: 'skills',
      width: 200,
      render: (_v, r) => (
        <Flex wrap gap={4}>
          {[...r.skills, ...r.availableTimes].map((s) => (
            <Tag key={s} style={{ marginInlineEnd: 0 }}>
              {s}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('volunteers.registrations.family'),
      key: 'family',
      width: 140,
      render: (_v, r) =>
        r.familyMembers.length ? r.familyMembers.map((f) => `${f.name}（${f.relation}）`).join('、') : '—',
    },
    {
      title: t('volunteers.registrations.registeredAt'),
      dataIndex: 'registeredAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('volunteers.registrations.status'),
      key: 'status',
      width: 130,
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <RegistrationStatusTag status={r.status} />
          {r.volunteerNo ? <span style={{ fontSize: 12, color: '#8c8c8c' }}>{r.volunteerNo}</span> : null}
          {r.rejectReason ? <span style={{ fontSize: 12, color: '#cf1322' }}>{r.rejectReason}</span> : null}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_v, r) =>
        r.canDecide && r.status === 'pending' ? (
          <Flex gap={4}>
            <Button
              size="small"
              type="primary"
              onClick={() => confirm(r)}
              loading={decide.isPending}
              data-testid="registration-confirm"
            >
              {t('volunteers.decide.confirm')}
            </Button>
            <Button size="small" danger onClick={() => setRejecting(r)} data-testid="registration-reject">
              {t('volunteers.decide.reject')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <>
      <ListToolbar filters={filters} />
      <Table<Registration>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1500 }}
        onRow={(r) =>
          ({ 'data-testid': 'registration-row', 'data-registration-id': r.id, 'data-status': r.status }) as never
        }
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('volunteers.registrations.empty'),
            filtered: t('volunteers.registrations.emptyFiltered'),
          }),
        }}
        data-testid="registrations-table"
      />
      {rejecting ? (
        <ReasonModal
          title={t('volunteers.registrations.rejectTitle', { name: rejecting.person.name })}
          submitting={decide.isPending}
          onClose={() => setRejecting(null)}
          reject={(reason) => decide.mutateAsync({ id: rejecting.id, body: { decision: 'reject', reason } })}
        />
      ) : null}
    </>
  );
}

function UnregisteredTable({
  list,
  filters,
  onReminded,
}: {
  list: ListState;
  filters: ReactNode;
  onReminded: (text: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { state } = list;
  const params = { communityId: state.communityId, partyOrg: state.partyOrg || undefined, unitId: state.unitId };
  const query = useUnregistered({ ...params, page: state.page, pageSize: state.pageSize });
  const remind = useRemindUnregistered();

  const columns: TableColumnsType<UnregisteredMember> = [
    { title: t('volunteers.unregistered.name'), dataIndex: 'name', width: 120 },
    {
      title: t('volunteers.unregistered.unit'),
      key: 'unit',
      width: 200,
      ellipsis: true,
      render: (_v, m) => m.unit?.name ?? '—',
    },
    {
      title: t('volunteers.unregistered.partyOrg'),
      dataIndex: 'partyOrg',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('volunteers.unregistered.community'),
      key: 'community',
      width: 160,
      render: (_v, m) => m.community?.name ?? '—',
    },
    {
      title: t('volunteers.unregistered.account'),
      dataIndex: 'hasAccount',
      width: 90,
      render: (v: boolean) =>
        v ? (
          <Tag color="green">{t('volunteers.unregistered.hasAccount')}</Tag>
        ) : (
          <Tag>{t('volunteers.unregistered.noAccount')}</Tag>
        ),
    },
  ];

  return (
    <>
      <ListToolbar
        filters={filters}
        actions={
          <Popconfirm
            title={t('volunteers.unregistered.remindConfirm')}
            onConfirm={() =>
              remind.mutate(
                {
                  ...(params.communityId ? { communityId: params.communityId } : {}),
                  ...(params.partyOrg ? { partyOrg: params.partyOrg } : {}),
                  ...(params.unitId ? { unitId: params.unitId } : {}),
                },
                {
                  onSuccess: (r) =>
                    onReminded(t('volunteers.unregistered.reminded', { notified: r.notified, members: r.members })),
                  onError: (e) => showApiError(e, message),
                },
              )
            }
          >
            <Button
              icon={<BellOutlined />}
              loading={remind.isPending}
              disabled={!query.data || query.data.total === 0}
              data-testid="unregistered-remind"
            >
              {t('volunteers.unregistered.remind')}
            </Button>
          </Popconfirm>
        }
      />
      <Table<UnregisteredMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 800 }}
        locale={{ emptyText: listEmptyText(query, false, { empty: t('volunteers.unregistered.empty'), filtered: '' }) }}
        data-testid="unregistered-table"
      />
    </>
  );
}
