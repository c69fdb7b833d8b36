// 审计日志: filter by time range, actor, action, entity type and result; expand a row for its
// before / after data; export the filtered log to Excel.
import { Card, DatePicker, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useListState } from '../../../shared/use-list-state';
import { dash, DATE_FORMAT, formatDateTime } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { SearchBox } from '../../../shared/components/search-box';
import { useAuditList, type AuditEntry, type AuditResult } from '../api/audit-api';
import { AuditChangeView } from '../components/audit-change-view';

type Filters = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  result?: AuditResult;
};

const RESULT_COLORS: Record<AuditResult, string> = { ok: 'green', denied: 'orange', failed: 'red' };
const RESULTS: AuditResult[] = ['ok', 'denied', 'failed'];

export default function AuditPage() {
  const t = useT();
  const can = useCan();
  const list = useListState<Filters>({});
  const query = useAuditList(list.params);
  const { from, to } = list.filters;
  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 110, ellipsis: true, render: dash },
    { title: t('audit.ip'), dataIndex: 'ip', width: 120, render: dash },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      ellipsis: true,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 160,
      ellipsis: true,
      render: (_v, e) => (e.entityType ? `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}` : '—'),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 80,
      render: (v: AuditResult) => <Tag color={RESULT_COLORS[v]}>{t(`auditResult.${v}`)}</Tag>,
    },
    { title: t('audit.message'), dataIndex: 'message', ellipsis: true, render: dash },
  ];

  return (
    <Card size="small" title={t('menu.audit')} data-testid="page-audit">
      <ListToolbar
        filters={
          <>
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              value={range}
              placeholder={[t('audit.from'), t('audit.to')]}
              onChange={(dates) => {
                list.setFilter('from', dates?.[0] ? dates[0].startOf('day').toISOString() : undefined);
                list.setFilter('to', dates?.[1] ? dates[1].endOf('day').toISOString() : undefined);
              }}
              data-testid="filter-range"
            />
            <SearchBox
              width={150}
              placeholder={t('audit.actor')}
              onSearch={(v) => list.setFilter('actor', v || undefined)}
              testId="filter-actor"
            />
            <SearchBox
              width={170}
              placeholder={t('audit.actionPlaceholder')}
              onSearch={(v) => list.setFilter('action', v || undefined)}
              testId="filter-action"
            />
            <SearchBox
              width={150}
              placeholder={t('audit.entityTypePlaceholder')}
              onSearch={(v) => list.setFilter('entityType', v || undefined)}
              testId="filter-entity-type"
            />
            <Select<AuditResult>
              allowClear
              style={{ width: 110 }}
              placeholder={t('audit.result')}
              value={list.filters.result}
              onChange={(v) => list.setFilter('result', v ?? undefined)}
              options={RESULTS.map((r) => ({ value: r, label: t(`auditResult.${r}`) }))}
              data-testid="filter-result"
            />
          </>
        }
        actions={
          can('audit.export') ? (
            <ExportButton path="/api/audit" params={list.filterParams} fileName={t('menu.audit')} />
          ) : null
        }
      />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowRender: (entry) => <AuditChangeView entry={entry} />,
          rowExpandable: (entry) => !!(entry.before || entry.after || entry.message),
        }}
        locale={{ emptyText: query.isError ? query.error.message : undefined }}
      />
    </Card>
  );
}
