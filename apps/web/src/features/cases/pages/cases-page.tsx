// 案件列表: every case in the user's scope, filtered by status, category, unit, region, source,
// overdue, escalation, intake dates and text; the filters live in the URL. Export with the same
// filters; staff intake ("录入案件") for users who may report.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DatePicker, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CASE_SOURCES, CASE_STATUSES, CASE_WORKING_STATUSES, type CaseSource, type CaseStatus } from '@cc/common/cases';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT, dash, formatDateTime } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { ExportButton } from '../../../shared/components/export-button';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { CaseStatusTag } from '../../../shared/cases/case-status-tag';
import { useCaseList, type CaseListItem } from '../../../shared/cases/cases-api';
import { hasCaseFilters } from '../api/case-list-params';
import { useCaseListUrlState } from '../api/use-case-list-state';
import { CaseFormDrawer } from '../components/case-form-drawer';
import { CategoryTreeSelect } from '../components/category-tree-select';
import { DeadlineText } from '../components/deadline-text';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { UnitPicker } from '../../../shared/components/unit-picker';

type YesNo = 'yes' | 'no';
const toYesNo = (v: boolean | undefined): YesNo | undefined => (v === undefined ? undefined : v ? 'yes' : 'no');
const fromYesNo = (v: YesNo | undefined | null): boolean | undefined => (v ? v === 'yes' : undefined);

export default function CasesPage() {
  const t = useT();
  const can = useCan();
  const list = useCaseListUrlState();
  const { state, update } = list;
  const query = useCaseList(list.params);
  const [creating, setCreating] = useState(false);
  const items = query.data?.items;

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('cases.field.code'),
      dataIndex: 'code',
      width: 125,
      fixed: 'left',
      render: (code: string, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link">
          {code}
        </Link>
      ),
    },
    {
      title: t('cases.field.status'),
      dataIndex: 'status',
      width: 150,
      render: (_v, c) => <CaseStatusTag status={c.status} overdue={c.overdue} />,
    },
    { title: t('cases.field.category'), dataIndex: 'categoryName', width: 130, ellipsis: true },
    {
      title: t('cases.field.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (text: string, c) => (
        <Typography.Text
          ellipsis={{ tooltip: c.address ? `${text}（${c.address}）` : text }}
          style={{ maxWidth: '100%' }}
        >
          {text}
        </Typography.Text>
      ),
    },
    { title: t('cases.field.region'), dataIndex: 'regionName', width: 120, ellipsis: true, render: dash },
    { title: t('cases.field.unit'), dataIndex: 'unitName', width: 150, ellipsis: true, render: dash },
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
    { title: t('cases.field.createdAt'), dataIndex: 'createdAt', width: 135, render: formatDateTime },
  ];

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = state.from && state.to ? [dayjs(state.from), dayjs(state.to)] : null;

  return (
    <Card size="small" title={t('menu.cases')} data-testid="page-cases">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('cases.list.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<CaseStatus[]>
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('cases.field.status')}
              style={{ width: 220 }}
              value={state.status}
              onChange={(v) => update({ status: v })}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) }))}
              data-testid="filter-status"
            />
            <CategoryTreeSelect
              style={{ width: 170 }}
              placeholder={t('cases.field.category')}
              value={state.categoryId}
              onChange={(v) => update({ categoryId: v ?? undefined })}
            />
            <UnitPicker
              style={{ width: 180 }}
              placeholder={t('cases.field.unit')}
              value={state.unitId}
              onChange={(v) => update({ unitId: v ?? undefined })}
            />
            <RegionTreeSelect
              style={{ width: 170 }}
              placeholder={t('cases.field.region')}
              value={state.regionId}
              onChange={(v) => update({ regionId: v ?? undefined })}
            />
            <Select<CaseSource>
              allowClear
              placeholder={t('cases.field.source')}
              style={{ width: 130 }}
              value={state.source}
              onChange={(v) => update({ source: v ?? undefined })}
              options={CASE_SOURCES.map((s) => ({ value: s, label: t(`case.source.${s}`) }))}
              data-testid="filter-source"
            />
            <Select<YesNo>
              allowClear
              placeholder={t('cases.list.overdue')}
              style={{ width: 110 }}
              value={toYesNo(state.overdue)}
              onChange={(v) => update({ overdue: fromYesNo(v) })}
              options={[
                { value: 'yes', label: t('cases.list.overdueYes') },
                { value: 'no', label: t('cases.list.overdueNo') },
              ]}
              data-testid="filter-overdue"
            />
            <Select<YesNo>
              allowClear
              placeholder={t('cases.list.escalated')}
              style={{ width: 110 }}
              value={toYesNo(state.escalated)}
              onChange={(v) => update({ escalated: fromYesNo(v) })}
              options={[
                { value: 'yes', label: t('cases.list.escalatedYes') },
                { value: 'no', label: t('cases.list.escalatedNo') },
              ]}
              data-testid="filter-escalated"
            />
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              value={range}
              placeholder={[t('cases.list.from'), t('cases.list.to')]}
              style={{ width: 240 }}
              onChange={(dates) =>
                update({
                  from: dates?.[0] ? dates[0].format(DATE_FORMAT) : undefined,
                  to: dates?.[1] ? dates[1].format(DATE_FORMAT) : undefined,
                })
              }
              data-testid="filter-range"
            />
            {hasCaseFilters(state) ? (
              <Button icon={<ClearOutlined />} onClick={list.reset} data-testid="filter-reset">
                {t('cases.list.reset')}
              </Button>
            ) : null}
          </>
        }
        actions={
          <>
            {can('case.report') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="create-button"
              >
                {t('cases.create.button')}
              </Button>
            ) : null}
            {can('case.export') ? (
              <ExportButton path="/api/cases" params={list.filterParams} fileName={t('menu.cases')} />
            ) : null}
          </>
        }
      />
      <Table<CaseListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1300 }}
        locale={{
          emptyText: query.isError
            ? query.error.message
            : hasCaseFilters(state)
              ? t('cases.list.emptyFiltered')
              : t('cases.list.empty'),
        }}
        data-testid="cases-table"
      />
      {creating ? <CaseFormDrawer onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
