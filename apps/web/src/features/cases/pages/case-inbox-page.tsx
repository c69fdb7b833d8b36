// 本单位待办: the responsible unit's desk. Counters by state (待签收, 处置中, 返工中, 已回退,
// 待核实), overdue, due within 24 hours and escalated, each a filter for the list below; the list
// holds the unit's working cases, nearest deadline first, with a one-click 签收.
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Row,
  Segmented,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CASE_WORKING_STATUSES, type CaseStatus } from '@cc/common/cases';
import type { QueryParams } from '../../../app/api';
import { useCan, useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { showApiError } from '../../../shared/form-errors';
import { dash } from '../../../shared/format';
import { CaseStatusTag } from '../../../shared/cases/case-status-tag';
import { useCaseCounts, useCaseList, type CaseListItem } from '../../../shared/cases/cases-api';
import { useListTransition } from '../api/cases-admin-api';
import { deadlineDistance } from '../api/deadline-format';
import { DeadlineText } from '../components/deadline-text';

type View = 'working' | 'dispatched' | 'accepted' | 'rework' | 'returned' | 'handled' | 'overdue' | 'escalated';

const VIEWS: View[] = ['working', 'dispatched', 'accepted', 'rework', 'overdue', 'escalated', 'returned', 'handled'];
const WORKING = CASE_WORKING_STATUSES.join(',');

function viewFilter(view: View): QueryParams {
  switch (view) {
    case 'working':
      return { status: WORKING };
    case 'overdue':
      return { status: WORKING, overdue: true };
    case 'escalated':
      return { status: WORKING, escalated: true };
    default:
      return { status: view };
  }
}

const VIEW_LABELS: Record<View, MessageKey> = {
  working: 'cases.inbox.view.working',
  dispatched: 'case.status.dispatched',
  accepted: 'case.status.accepted',
  rework: 'case.status.rework',
  returned: 'case.status.returned',
  handled: 'case.status.handled',
  overdue: 'cases.inbox.view.overdue',
  escalated: 'cases.inbox.view.escalated',
};

interface Counter {
  key: string;
  label: MessageKey;
  value: number;
  view: View | null;
  color?: string;
  hint?: MessageKey;
}

export default function CaseInboxPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const [view, setView] = useState<View>('working');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  // No unitId filter: the server's scope already gives unit staff the cases of their unit and of
  // its sub-units (which they may handle too); a filter on one unit would hide the latter.
  const counts = useCaseCounts();
  const list = useCaseList({ ...viewFilter(view), page, pageSize });
  const transition = useListTransition();
  const canHandle = can('case.handle');

  const choose = (next: View) => {
    setView(next);
    setPage(1);
  };

  const accept = (c: CaseListItem) =>
    transition.mutate(
      { id: c.id, action: 'accept', input: {} },
      {
        onSuccess: () => void message.success(t('cases.inbox.accepted', { code: c.code })),
        onError: (error) => showApiError(error, message),
      },
    );

  const by = (s: CaseStatus) => counts.data?.byStatus[s] ?? 0;
  const counters: Counter[] = counts.data
    ? [
        {
          key: 'dispatched',
          label: 'cases.inbox.count.dispatched',
          value: by('dispatched'),
          view: 'dispatched',
          color: '#d46b08',
        },
        {
          key: 'accepted',
          label: 'cases.inbox.count.accepted',
          value: by('accepted'),
          view: 'accepted',
          color: '#1677ff',
        },
        { key: 'rework', label: 'cases.inbox.count.rework', value: by('rework'), view: 'rework', color: '#d4380d' },
        {
          key: 'overdue',
          label: 'cases.inbox.count.overdue',
          value: counts.data.overdue,
          view: 'overdue',
          color: '#cf1322',
        },
        {
          key: 'dueSoon',
          label: 'cases.inbox.count.dueSoon',
          value: counts.data.dueSoon,
          view: 'working',
          color: '#d48806',
          hint: 'cases.inbox.dueSoonHint',
        },
        {
          key: 'escalated',
          label: 'cases.inbox.count.escalated',
          value: counts.data.escalated,
          view: 'escalated',
          color: '#cf1322',
        },
        {
          key: 'extension',
          label: 'cases.inbox.count.extensionPending',
          value: counts.data.extensionPending,
          view: null,
        },
        { key: 'returned', label: 'cases.inbox.count.returned', value: by('returned'), view: 'returned' },
        { key: 'handled', label: 'cases.inbox.count.handled', value: by('handled'), view: 'handled' },
      ]
    : [];

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('cases.field.code'),
      dataIndex: 'code',
      width: 125,
      render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link>,
    },
    {
      title: t('cases.field.status'),
      dataIndex: 'status',
      width: 150,
      render: (_v, c) => (
        <Space size={4}>
          <CaseStatusTag status={c.status} overdue={c.overdue} />
          {c.extensionPending ? <Tag color="gold">{t('cases.extension.pendingTag')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('cases.field.category'), dataIndex: 'categoryName', width: 120, ellipsis: true },
    { title: t('cases.field.unit'), dataIndex: 'unitName', width: 130, ellipsis: true, render: dash },
    {
      title: t('cases.field.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (text: string, c) => (
        <Typography.Text ellipsis={{ tooltip: text }}>
          {text}
          {c.address ? <Typography.Text type="secondary">（{c.address}）</Typography.Text> : null}
        </Typography.Text>
      ),
    },
    {
      title: t('cases.field.deadline'),
      dataIndex: 'deadlineAt',
      width: 205,
      render: (_v, c) => (
        <DeadlineText
          deadline={c.deadlineAt}
          overdue={c.overdue}
          done={!CASE_WORKING_STATUSES.includes(c.status)}
          compact
        />
      ),
    },
    {
      title: t('cases.field.escalations'),
      dataIndex: 'escalationCount',
      width: 70,
      align: 'center',
      render: (n: number) =>
        n > 0 ? <Tag color="red">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_v, c) => (
        <Space size={4}>
          {canHandle && c.status === 'dispatched' ? (
            <Button
              type="primary"
              size="small"
              loading={transition.isPending && transition.variables?.id === c.id}
              onClick={() => accept(c)}
              data-testid="action-accept"
            >
              {t('case.action.accept')}
            </Button>
          ) : null}
          <Link to={`/cases/${c.id}`} style={{ paddingInline: 4 }}>
            {t('cases.inbox.open')}
          </Link>
        </Space>
      ),
    },
  ];

  const rowStyle = (c: CaseListItem): React.CSSProperties | undefined => {
    if (!CASE_WORKING_STATUSES.includes(c.status)) return undefined;
    if (c.overdue) return { background: '#fff1f0' };
    const d = c.deadlineAt ? deadlineDistance(c.deadlineAt) : null;
    return d && !d.past && d.hoursLeft < 24 ? { background: '#fffbe6' } : undefined;
  };

  return (
    <div data-testid="page-case-inbox">
      <Card
        size="small"
        title={me.unitName ? t('cases.inbox.titleOf', { unit: me.unitName }) : t('menu.caseInbox')}
        style={{ marginBottom: 12 }}
      >
        {!me.unitId ? (
          <Alert type="info" showIcon title={t('cases.inbox.noUnit')} style={{ marginBottom: 12 }} />
        ) : null}
        {counts.isError ? (
          <Alert type="error" showIcon title={counts.error.message} />
        ) : !counts.data ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <Row gutter={[12, 12]}>
            {counters.map((c) => {
              const active = c.view !== null && c.view === view && c.key !== 'dueSoon';
              return (
                <Col key={c.key} xs={12} sm={8} md={6} xl={4} xxl={3}>
                  <Card
                    size="small"
                    hoverable={c.view !== null}
                    onClick={c.view ? () => choose(c.view!) : undefined}
                    style={{
                      cursor: c.view ? 'pointer' : 'default',
                      borderColor: active ? '#c0392b' : undefined,
                      boxShadow: active ? '0 0 0 1px #c0392b inset' : undefined,
                    }}
                    data-testid={`inbox-count-${c.key}`}
                  >
                    <Statistic
                      title={t(c.label)}
                      value={c.value}
                      styles={{ content: { color: c.value > 0 ? c.color : undefined, fontSize: 24 } }}
                    />
                    {c.hint ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(c.hint)}
                      </Typography.Text>
                    ) : null}
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>

      <Card size="small">
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented<View>
            value={view}
            onChange={choose}
            options={VIEWS.map((v) => ({ value: v, label: t(VIEW_LABELS[v]) }))}
            data-testid="inbox-view"
          />
        </div>
        <Table<CaseListItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          onRow={(c) => ({ style: rowStyle(c) })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            size: 'small',
            showSizeChanger: true,
            showTotal: (n) => t('list.total', { total: n }),
            onChange: (p, s) => {
              if (s !== pageSize) {
                setPageSize(s);
                setPage(1);
              } else setPage(p);
            },
          }}
          scroll={{ x: 1150 }}
          locale={{ emptyText: list.isError ? list.error.message : t('cases.inbox.empty') }}
          data-testid="inbox-table"
        />
      </Card>
    </div>
  );
}
