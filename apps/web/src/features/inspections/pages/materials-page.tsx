// 网上申报 (material review): the 材料审核 standards asked of units. The list tab shows each
// requirement (standard, unit, due date, status, last submission) with standard, unit and status
// filters in the URL; the office (material.review) asks standards of units in bulk. The
// completeness tab (/materials/completeness) shows accepted / required per standard or per unit
// with the percentage. A unit (material.submit) sees its own requirements and opens one to upload.
import { useState } from 'react';
import { Link, useMatch, useNavigate, useSearchParams } from 'react-router';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Progress,
  Segmented,
  Select,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MATERIAL_STATUSES, type MaterialStatus } from '@cc/common/inspections';
import type { Dayjs } from 'dayjs';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitMultiSelect } from '../../../shared/components/unit-multi-select';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT, formatDate, formatDateTime } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { enumParam, hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useMaterialStandards } from '../api/material-standards';
import { REQUIREMENT_LIST_CODEC } from '../api/list-params';
import { useCompleteness, useCreateRequirements, useRequirementList } from '../api/materials-api';
import type { CompletenessDimension, CompletenessRow, MaterialRequirement } from '../api/inspection-types';
import { percentText } from '../api/score-format';
import { MaterialStatusTag } from '../components/inspection-tags';

const TABS = ['list', 'completeness'] as const;
type Tab = (typeof TABS)[number];

export default function MaterialsPage() {
  const t = useT();
  const navigate = useNavigate();
  const tab: Tab = useMatch('/materials/completeness') ? 'completeness' : 'list';
  return (
    <Card size="small" title={t('menu.materials')} data-testid="page-materials" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(key === 'list' ? '/materials' : `/materials/${key}`)}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{t(`inspections.material.tab.${key}`)}</span>,
        }))}
      />
      {tab === 'list' ? <RequirementList /> : <CompletenessTable />}
    </Card>
  );
}

function RequirementList() {
  const t = useT();
  const can = useCan();
  const review = can('material.review');
  const list = useUrlListState(REQUIREMENT_LIST_CODEC);
  const { state, update } = list;
  const query = useRequirementList(list.params);
  const standards = useMaterialStandards();
  const [assigning, setAssigning] = useState(false);

  const columns: TableColumnsType<MaterialRequirement> = [
    {
      title: t('inspections.material.standard'),
      key: 'standard',
      render: (_v, r) => (
        <Link to={`/materials/${r.id}`} data-testid="requirement-link">
          {r.standard.code} {r.standard.name}
        </Link>
      ),
    },
    {
      title: t('inspections.index.points'),
      key: 'points',
      width: 70,
      align: 'right',
      render: (_v, r) => r.standard.points ?? '—',
    },
    { title: t('inspections.material.unit'), key: 'unit', width: 200, ellipsis: true, render: (_v, r) => r.unit.name },
    { title: t('inspections.material.dueOn'), dataIndex: 'dueOn', width: 110, render: (v) => formatDate(v) },
    {
      title: t('inspections.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: MaterialStatus) => <MaterialStatusTag status={s} />,
    },
    {
      title: t('inspections.material.lastSubmittedAt'),
      dataIndex: 'lastSubmittedAt',
      width: 140,
      render: (v) => formatDateTime(v),
    },
  ];

  return (
    <>
      <ListToolbar
        filters={
          <>
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('inspections.material.standard')}
              style={{ width: 260 }}
              value={state.standardId}
              loading={standards.isLoading}
              onChange={(standardId) => update({ standardId: standardId ?? undefined })}
              options={standards.options}
              popupMatchSelectWidth={false}
              data-testid="filter-standard"
            />
            {review ? (
              <UnitPicker
                style={{ width: 200 }}
                placeholder={t('inspections.material.unit')}
                value={state.unitId ?? null}
                onChange={(unitId) => update({ unitId: unitId ?? undefined })}
              />
            ) : null}
            <Select<MaterialStatus>
              allowClear
              placeholder={t('inspections.field.status')}
              style={{ width: 110 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={MATERIAL_STATUSES.map((s) => ({ value: s, label: t(`inspections.materialStatus.${s}`) }))}
              data-testid="filter-status"
            />
          </>
        }
        actions={
          review ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAssigning(true)}
              data-testid="create-button"
            >
              {t('inspections.material.assign')}
            </Button>
          ) : null
        }
      />
      <Table<MaterialRequirement>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 900 }}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('inspections.material.empty'),
            filtered: t('inspections.material.emptyFiltered'),
          }),
        }}
        data-testid="requirements-table"
      />
      {assigning ? <AssignDrawer onClose={() => setAssigning(false)} /> : null}
    </>
  );
}

function AssignDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ standardId: number; unitIds: number[]; dueOn: Dayjs | null }>();
  const create = useCreateRequirements();
  const standards = useMaterialStandards();

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { standardId: v.standardId, unitIds: v.unitIds, dueOn: v.dueOn ? v.dueOn.format(DATE_FORMAT) : null },
      {
        onSuccess: (r) => {
          void message.success(t('inspections.material.assigned', { count: r.created }));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={t('inspections.material.assign')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending}
    >
      <Form form={form} name="requirements" layout="vertical">
        <Form.Item
          name="standardId"
          label={t('inspections.material.standard')}
          extra={t('inspections.material.standardHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            loading={standards.isLoading}
            options={standards.options}
            popupMatchSelectWidth={false}
            data-testid="assign-standard"
          />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={t('inspections.material.units')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UnitMultiSelect maxCount={2000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('inspections.material.dueOn')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function CompletenessTable() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const by: CompletenessDimension = enumParam(search.get('by'), ['standard', 'unit'] as const) ?? 'standard';
  const query = useCompleteness(by);
  const data = query.data;

  const columns: TableColumnsType<CompletenessRow> = [
    {
      title: t(`inspections.material.by.${by}`),
      dataIndex: 'name',
      render: (name: string, r) => (
        <span data-testid="completeness-name">
          {r.code ? (
            <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
              {r.code}
            </Typography.Text>
          ) : null}
          {name}
        </span>
      ),
    },
    { title: t('inspections.material.required'), dataIndex: 'required', width: 80, align: 'right' },
    { title: t('inspections.material.submitted'), dataIndex: 'submitted', width: 80, align: 'right' },
    { title: t('inspections.material.accepted'), dataIndex: 'accepted', width: 80, align: 'right' },
    { title: t('inspections.material.returned'), dataIndex: 'returned', width: 80, align: 'right' },
    {
      title: t('inspections.material.percent'),
      dataIndex: 'percent',
      width: 200,
      render: (p: number | null) =>
        p === null ? (
          '—'
        ) : (
          <Progress
            size="small"
            percent={Math.round(p)}
            status={p >= 100 ? 'success' : 'normal'}
            strokeColor={p >= 90 ? '#52c41a' : p >= 60 ? '#faad14' : '#f5222d'}
            format={() => percentText(p)}
          />
        ),
    },
  ];

  return (
    <div data-testid="material-completeness">
      <ListToolbar
        filters={
          <>
            <Segmented<CompletenessDimension>
              value={by}
              onChange={(next) => setSearch(next === 'standard' ? {} : { by: next }, { replace: true })}
              options={(['standard', 'unit'] as const).map((d) => ({
                value: d,
                label: t(`inspections.material.by.${d}`),
              }))}
              data-testid="completeness-by"
            />
            {data ? (
              <Typography.Text type="secondary">
                {t('inspections.material.totalLine', {
                  accepted: data.total.accepted,
                  required: data.total.required,
                  percent: percentText(data.total.percent),
                })}
              </Typography.Text>
            ) : null}
          </>
        }
      />
      <Table<CompletenessRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.rows}
        loading={query.isFetching}
        pagination={(data?.rows.length ?? 0) > 50 ? { pageSize: 50, size: 'small' } : false}
        scroll={{ x: 800 }}
        locale={{ emptyText: query.isError ? query.error.message : t('inspections.material.empty') }}
        data-testid="completeness-table"
      />
    </div>
  );
}
