// The editable list of a year's public holidays and swapped workdays (date, kind, name). Errors
// come per row, from the same checks the server makes or from the server itself.
import { Button, DatePicker, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT } from '../../../shared/format';
import type { CalendarDayKind } from '../api/case-config-api';
import type { DayRow } from '../api/calendar-days';

export interface YearDaysEditorProps {
  year: number;
  rows: DayRow[];
  /** Message per row key. */
  errors: ReadonlyMap<string, string>;
  canWrite: boolean;
  onChange: (rows: DayRow[]) => void;
}

export function YearDaysEditor({ year, rows, errors, canWrite, onChange }: YearDaysEditorProps) {
  const t = useT();
  const weekdays = t('caseConfig.calendar.weekdays').split(',');

  const patch = (key: string, change: Partial<DayRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const columns: TableColumnsType<DayRow> = [
    {
      title: t('caseConfig.calendar.date'),
      dataIndex: 'date',
      width: 170,
      render: (date: string | null, r) =>
        canWrite ? (
          <DatePicker
            value={date ? dayjs(date) : null}
            format={DATE_FORMAT}
            allowClear={false}
            status={errors.has(r.key) ? 'error' : undefined}
            minDate={dayjs(`${year}-01-01`)}
            maxDate={dayjs(`${year}-12-31`)}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            onChange={(d) => patch(r.key, { date: d ? d.format(DATE_FORMAT) : null })}
            style={{ width: 150 }}
            data-testid="day-date"
          />
        ) : (
          (date ?? '—')
        ),
    },
    {
      title: t('caseConfig.calendar.weekday'),
      key: 'weekday',
      width: 70,
      render: (_v, r) => (r.date ? weekdays[(dayjs(r.date).day() + 6) % 7] : '—'),
    },
    {
      title: t('caseConfig.calendar.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (kind: CalendarDayKind, r) =>
        canWrite ? (
          <Select<CalendarDayKind>
            value={kind}
            onChange={(v) => patch(r.key, { kind: v })}
            style={{ width: 130 }}
            options={[
              { value: 'holiday', label: t('caseConfig.calendar.kind.holiday') },
              { value: 'workday', label: t('caseConfig.calendar.kind.workday') },
            ]}
            data-testid="day-kind"
          />
        ) : (
          <Typography.Text style={{ color: kind === 'holiday' ? '#cf1322' : '#1677ff' }}>
            {t(`caseConfig.calendar.kind.${kind}`)}
          </Typography.Text>
        ),
    },
    {
      title: t('caseConfig.calendar.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <div>
          {canWrite ? (
            <Input
              value={name}
              maxLength={30}
              placeholder={t('caseConfig.calendar.namePlaceholder')}
              onChange={(e) => patch(r.key, { name: e.target.value })}
              style={{ maxWidth: 220 }}
              data-testid="day-name"
            />
          ) : (
            name || '—'
          )}
          {errors.has(r.key) ? (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="day-error">
              {errors.get(r.key)}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: '',
      key: 'remove',
      width: 48,
      render: (_v, r) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.remove')}
          title={t('common.remove')}
          onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
        />
      ),
    });
  }

  return (
    <div data-testid="year-days">
      <Table<DayRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 560, y: 520 }}
        locale={{ emptyText: t('caseConfig.calendar.noDays') }}
      />
    </div>
  );
}
