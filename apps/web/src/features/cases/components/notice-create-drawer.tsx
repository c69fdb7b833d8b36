// New 限期整改通知单: pick a unit, tick its open cases (待签收 / 处置中 / 返工中), optionally set
// a deadline (default: the latest deadline among the chosen cases), then issue and download.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_TIME_FORMAT } from '../../../shared/format';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { CaseStatusTag } from '../../../shared/cases/case-status-tag';
import type { CaseListItem } from '../../../shared/cases/cases-api';
import { downloadNotice, useCreateNotice, useUnitOpenCases } from '../api/cases-admin-api';
import { DeadlineText } from './deadline-text';
import { UnitPicker } from '../../../shared/components/unit-picker';

const MAX_CASES = 50;

export function NoticeCreateDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [selectionError, setSelectionError] = useState(false);
  const create = useCreateNotice();
  const cases = useUnitOpenCases(unitId, 200);
  const items = cases.data?.items ?? [];

  const submit = async () => {
    if (!unitId || selected.length === 0) {
      setSelectionError(true);
      return;
    }
    try {
      const notice = await create.mutateAsync({ caseIds: selected, deadline: deadline?.toISOString() });
      void message.success(t('cases.notice.issued', { number: notice.number }));
      onClose();
      await downloadNotice(notice);
    } catch (error) {
      showApiError(error, message);
    }
  };

  const columns: TableColumnsType<CaseListItem> = [
    { title: t('cases.field.code'), dataIndex: 'code', width: 120 },
    {
      title: t('cases.field.status'),
      dataIndex: 'status',
      width: 140,
      render: (_v, c) => <CaseStatusTag status={c.status} overdue={c.overdue} />,
    },
    { title: t('cases.field.category'), dataIndex: 'categoryName', width: 110, ellipsis: true },
    {
      title: t('cases.field.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (text: string) => <Typography.Text ellipsis={{ tooltip: text }}>{text}</Typography.Text>,
    },
    {
      title: t('cases.field.deadline'),
      dataIndex: 'deadlineAt',
      width: 150,
      render: (_v, c) => <DeadlineText deadline={c.deadlineAt} overdue={c.overdue} done compact />,
    },
  ];

  return (
    <FormDrawer
      open
      title={t('cases.notice.create')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitting={create.isPending}
      submitText={t('cases.notice.issueAndDownload')}
      width={860}
    >
      <Form layout="vertical" name="notice">
        <Form.Item label={t('cases.notice.unit')} required>
          <UnitPicker
            id="notice_unitId"
            value={unitId}
            allowClear={false}
            onChange={(v) => {
              setUnitId(v);
              setSelected([]);
              setSelectionError(false);
            }}
          />
        </Form.Item>
        <Form.Item
          label={t('cases.notice.cases', { n: selected.length, max: MAX_CASES })}
          required
          validateStatus={selectionError && selected.length === 0 ? 'error' : undefined}
          help={selectionError && selected.length === 0 ? t('cases.notice.pickCases') : undefined}
        >
          {!unitId ? (
            <Alert type="info" showIcon title={t('cases.notice.pickUnitFirst')} />
          ) : (
            <Table<CaseListItem>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={items}
              loading={cases.isFetching}
              pagination={false}
              scroll={{ x: 700, y: 360 }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected((keys as number[]).slice(0, MAX_CASES)),
                getCheckboxProps: (c) => ({
                  disabled: !selected.includes(c.id) && selected.length >= MAX_CASES,
                }),
              }}
              locale={{ emptyText: cases.isError ? cases.error.message : t('cases.notice.noOpenCases') }}
              data-testid="notice-cases"
            />
          )}
        </Form.Item>
        <Form.Item label={t('cases.notice.deadline')} extra={t('cases.notice.deadlineHint')}>
          <DatePicker
            id="notice_deadline"
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DATE_TIME_FORMAT}
            value={deadline}
            onChange={setDeadline}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
