// 五个一统计 (/volunteer/five-one/compliance): how much of the weekly 五个一 the registered members
// did, by member, party organisation, unit or community, for the week or the month holding a day —
// the overall figures, a bar chart of the rates (ECharts, lazy), the table, and the members who did
// nothing this week, with one reminder for all of them. A party organisation, unit or community row
// opens its members (the party-organisation view); dimension, period, day, community and the
// organisation or unit drilled into live in the URL.
import { lazy, Suspense, useMemo, useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Popconfirm,
  Progress,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { showApiError } from '../../../shared/form-errors';
import { listEmptyText } from '../../../shared/list-empty';
import { useUnitName } from '../../../shared/org-lookups';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { COMPLIANCE_CODEC } from '../api/list-params';
import { ratePercent } from '../api/volunteer-format';
import {
  COMPLIANCE_DIMENSIONS,
  COMPLIANCE_PERIODS,
  type ComplianceDimension,
  type CompliancePeriod,
  type ComplianceRow,
  type UnregisteredMember,
} from '../api/volunteer-types';
import { useCompliance, useIdleMembers, useRemindIdle } from '../api/volunteers-api';
import { CommunitySelect } from '../components/community-select';

const TopBarsChart = lazy(() => import('../components/top-bars-chart'));
const percentText = (v: number) => `${v.toFixed(1)}%`;

function RateBar({ rate }: { rate: number | null }) {
  const percent = ratePercent(rate);
  if (percent === null) return <>—</>;
  return (
    <Flex align="center" gap={6}>
      <Progress percent={percent} showInfo={false} size="small" strokeColor="#c0392b" style={{ flex: 1, margin: 0 }} />
      <span style={{ width: 48, textAlign: 'right' }}>{percent}%</span>
    </Flex>
  );
}

export default function CompliancePage() {
  const t = useT();
  const list = useUrlListState(COMPLIANCE_CODEC);
  const { state, update } = list;
  const query = useCompliance(list.params);
  const data = query.data;

  const unitName = useUnitName(state.unitId);
  const bars = useMemo(
    () =>
      (data?.items ?? []).slice(0, 20).map((r) => ({
        label: r.name,
        value: ratePercent(r.rate) ?? 0,
        detail: `${t('volunteers.compliance.rate')}：${ratePercent(r.rate) ?? '—'}%（${r.itemsDone}/${r.members * 5}）`,
      })),
    [data, t],
  );
  // A group row opens its members; a row without a unit or organisation has nothing to open.
  const drill = (row: ComplianceRow) => {
    if (!row.key) return null;
    if (state.by === 'party_org') return () => update({ by: 'member', partyOrg: row.key });
    if (state.by === 'unit') return () => update({ by: 'member', unitId: Number(row.key) });
    if (state.by === 'community') return () => update({ by: 'member', communityId: Number(row.key) });
    return null;
  };
  const columns: TableColumnsType<ComplianceRow> = [
    {
      title: t('volunteers.compliance.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, row) => {
        const open = drill(row);
        const text = name || t(`volunteers.compliance.none.${state.by}`);
        return open ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={open} data-testid="compliance-drill">
            {text}
          </Button>
        ) : (
          text
        );
      },
    },
    { title: t('volunteers.compliance.members'), dataIndex: 'members', width: 90, align: 'right' },
    { title: t('volunteers.compliance.itemsDone'), dataIndex: 'itemsDone', width: 90, align: 'right' },
    {
      title: t('volunteers.compliance.rate'),
      dataIndex: 'rate',
      width: 200,
      render: (r: number | null) => <RateBar rate={r} />,
    },
    { title: t('volunteers.compliance.fullMembers'), dataIndex: 'fullMembers', width: 90, align: 'right' },
    { title: t('volunteers.compliance.idleMembers'), dataIndex: 'idleMembers', width: 90, align: 'right' },
  ];

  const day = state.day ? dayjs(state.day) : null;

  return (
    <Flex vertical gap={12} data-testid="page-five-one-compliance">
      <Card size="small" title={t('volunteers.compliance.title')}>
        <ListToolbar
          filters={
            <>
              <Segmented<ComplianceDimension>
                value={state.by}
                onChange={(by) => update({ by })}
                options={COMPLIANCE_DIMENSIONS.map((d) => ({ value: d, label: t(`volunteers.compliance.by.${d}`) }))}
                data-testid="compliance-by"
              />
              <Segmented<CompliancePeriod>
                value={state.period}
                onChange={(period) => update({ period })}
                options={COMPLIANCE_PERIODS.map((p) => ({ value: p, label: t(`volunteers.compliance.period.${p}`) }))}
                data-testid="compliance-period"
              />
              <DatePicker
                picker={state.period === 'month' ? 'month' : 'week'}
                value={day}
                onChange={(d) => update({ day: d ? d.format('YYYY-MM-DD') : undefined })}
                allowClear
              />
              <CommunitySelect
                width={200}
                value={state.communityId}
                onChange={(communityId) => update({ communityId })}
                placeholder={t('volunteers.registrations.community')}
                testId="filter-community"
              />
              {state.partyOrg ? (
                <Tag closable onClose={() => update({ partyOrg: '' })} data-testid="compliance-party-org">
                  {t('volunteers.compliance.partyOrgFilter', { name: state.partyOrg })}
                </Tag>
              ) : null}
              {state.unitId ? (
                <Tag closable onClose={() => update({ unitId: undefined })} data-testid="compliance-unit">
                  {t('volunteers.compliance.unitFilter', { name: unitName.data ?? `#${state.unitId}` })}
                </Tag>
              ) : null}
            </>
          }
        />
        {data ? (
          <Flex wrap gap={32} style={{ marginBottom: 12 }} data-testid="compliance-overall">
            <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
              {t('volunteers.compliance.range', { from: data.from, to: data.to, weeks: data.weeks })}
            </Typography.Text>
            <Statistic title={t('volunteers.compliance.members')} value={data.overall.members} />
            <Statistic
              title={t('volunteers.compliance.rate')}
              value={ratePercent(data.overall.rate) ?? '—'}
              suffix={data.overall.rate !== null ? '%' : undefined}
            />
            <Statistic title={t('volunteers.compliance.fullMembers')} value={data.overall.fullMembers} />
            <Statistic title={t('volunteers.compliance.idleMembers')} value={data.overall.idleMembers} />
          </Flex>
        ) : null}
        {data && data.items.length > 0 ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
            <Typography.Text strong>
              {t('volunteers.compliance.chart', { count: Math.min(20, data.items.length) })}
            </Typography.Text>
            <TopBarsChart bars={bars} valueText={percentText} percent testId="compliance-chart" />
          </Suspense>
        ) : null}
        <Table<ComplianceRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={data?.items}
          loading={query.isFetching}
          pagination={list.pagination(data?.total, t)}
          scroll={{ x: 700 }}
          locale={{ emptyText: listEmptyText(query, false, { empty: t('volunteers.compliance.empty'), filtered: '' }) }}
          data-testid="compliance-table"
        />
      </Card>
      <IdleMembers
        scope={{
          day: state.day,
          communityId: state.communityId,
          partyOrg: state.partyOrg || undefined,
          unitId: state.unitId,
        }}
      />
    </Flex>
  );
}

interface IdleScope {
  day?: string;
  communityId?: number;
  partyOrg?: string;
  unitId?: number;
}

function IdleMembers({ scope }: { scope: IdleScope }) {
  const t = useT();
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = useIdleMembers({ ...scope, ...paging });
  const remind = useRemindIdle();
  const body = Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined)) as IdleScope;
  const columns: TableColumnsType<UnregisteredMember> = [
    { title: t('volunteers.unregistered.name'), dataIndex: 'name', width: 120 },
    { title: t('volunteers.unregistered.unit'), key: 'unit', ellipsis: true, render: (_v, m) => m.unit?.name ?? '—' },
    {
      title: t('volunteers.unregistered.partyOrg'),
      dataIndex: 'partyOrg',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('volunteers.unregistered.community'),
      key: 'community',
      width: 160,
      render: (_v, m) => m.community?.name ?? '—',
    },
  ];
  return (
    <Card
      size="small"
      title={t('volunteers.compliance.idle')}
      data-testid="compliance-idle"
      extra={
        <Popconfirm
          title={t('volunteers.compliance.remindConfirm')}
          onConfirm={() =>
            remind.mutate(body, {
              onSuccess: (r) =>
                void message.success(
                  t('volunteers.unregistered.reminded', { notified: r.notified, members: r.members }),
                ),
              onError: (e) => showApiError(e, message),
            })
          }
        >
          <Button
            size="small"
            icon={<BellOutlined />}
            loading={remind.isPending}
            disabled={!query.data || query.data.total === 0}
            data-testid="idle-remind"
          >
            {t('volunteers.compliance.remind')}
          </Button>
        </Popconfirm>
      }
    >
      <Table<UnregisteredMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: query.data?.total ?? 0,
          size: 'small',
          showTotal: (n) => t('list.total', { total: n }),
          onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
        }}
        scroll={{ x: 700 }}
        locale={{
          emptyText: listEmptyText(query, false, { empty: t('volunteers.compliance.idleEmpty'), filtered: '' }),
        }}
      />
    </Card>
  );
}
