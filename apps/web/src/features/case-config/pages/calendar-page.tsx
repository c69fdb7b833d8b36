// 工作日历: the working periods of a day and, per year, the public holidays and swapped workdays
// that working-day and working-hour time limits follow. A year shows the built-in national
// arrangement until the city saves its own list for it.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { isApiError } from '../../../app/api';
import { showApiError } from '../../../shared/form-errors';
import { useCalendar, useSaveYear, type CalendarView } from '../api/case-config-api';
import {
  countWorkingDays,
  daysFromRows,
  kindsByDate,
  newRowKey,
  rowIndexOfPath,
  rowsFromDays,
  sameDays,
  toggleDay,
  validateRows,
  type DayRow,
  type DayRowError,
} from '../api/calendar-days';
import { WorkingPeriodsCard } from '../components/working-periods-card';
import { YearDaysEditor } from '../components/year-days-editor';
import { YearLegend, YearView } from '../components/year-view';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_DAYS = 200;

const SOURCE_COLORS: Record<CalendarView['source'], string> = { city: 'blue', national: 'red', none: 'default' };

interface YearSectionProps {
  view: CalendarView;
  canWrite: boolean;
  /** null: showing the server's list; a list once the user edits (held by the page). */
  edited: DayRow[] | null;
  setEdited: (rows: DayRow[] | null) => void;
}

function isDirty(edited: DayRow[] | null, view: CalendarView | undefined): boolean {
  if (edited === null || !view) return false;
  // a row still waiting for its date is a change too (and saving it shows what is missing)
  return edited.some((r) => !r.date) || !sameDays(daysFromRows(edited), view.days);
}

/** One year's days, saved as a whole. Keyed by year, so a new year starts clean. */
function YearSection({ view, canWrite, edited, setEdited }: YearSectionProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const save = useSaveYear();
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(new Map());
  const [showErrors, setShowErrors] = useState(false);
  const serverRows = useMemo(() => rowsFromDays(view.days), [view.days]);
  const rows = edited ?? serverRows;
  const dirty = isDirty(edited, view);

  const byDate = useMemo(() => kindsByDate(rows), [rows]);
  const names = useMemo(() => new Map(rows.filter((r) => r.date && r.name).map((r) => [r.date!, r.name])), [rows]);
  const holidays = rows.filter((r) => r.date && r.kind === 'holiday').length;
  const workdays = rows.filter((r) => r.date && r.kind === 'workday').length;
  const previewWorkingDays = useMemo(() => countWorkingDays(view.year, byDate), [view.year, byDate]);

  const localErrors = validateRows(rows, view.year);
  const errorText: Record<DayRowError, string> = {
    dateRequired: t('caseConfig.calendar.err.dateRequired'),
    otherYear: t('caseConfig.calendar.err.otherYear', { year: view.year }),
    twice: t('caseConfig.calendar.err.twice'),
    workdayNotWeekend: t('caseConfig.calendar.err.workdayNotWeekend'),
  };
  const errors = new Map<string, string>();
  rows.forEach((r, i) => {
    const local = localErrors[i];
    if (showErrors && local) errors.set(r.key, errorText[local]);
    else if (serverErrors.has(r.key)) errors.set(r.key, serverErrors.get(r.key)!);
  });

  const change = (next: DayRow[]) => {
    setEdited(next);
    setServerErrors(new Map());
  };

  const persist = (days: ReturnType<typeof daysFromRows>, sent: DayRow[]) =>
    save.mutateAsync({ year: view.year, days }).then(
      () => {
        setEdited(null);
        setShowErrors(false);
        setServerErrors(new Map());
        void message.success(t('common.saved'));
      },
      (error: unknown) => {
        const byRow = new Map<string, string>();
        if (isApiError(error)) {
          // the server numbers rows in the order sent, which is by date
          const sentWithDate = sent.filter((r) => r.date).sort((a, b) => a.date!.localeCompare(b.date!));
          for (const f of error.details?.fields ?? []) {
            const index = rowIndexOfPath(f.path);
            const row = index !== null ? sentWithDate[index] : undefined;
            if (row) byRow.set(row.key, f.message || error.message);
          }
        }
        setServerErrors(byRow);
        showApiError(error, message);
      },
    );

  const submit = () => {
    setShowErrors(true);
    if (localErrors.some((e) => e !== null)) {
      void message.error(t('caseConfig.calendar.fixErrors'));
      return;
    }
    if (rows.length > MAX_DAYS) {
      void message.error(t('caseConfig.calendar.tooMany', { max: MAX_DAYS }));
      return;
    }
    const days = daysFromRows(rows);
    if (days.length === 0) {
      modal.confirm({
        title: t('caseConfig.calendar.emptyTitle'),
        content: t('caseConfig.calendar.emptyBody'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => persist(days, rows),
      });
      return;
    }
    void persist(days, rows);
  };

  const restoreNational = () =>
    modal.confirm({
      title: t('caseConfig.calendar.restoreTitle', { year: view.year }),
      content: t('caseConfig.calendar.restoreBody'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => persist([], []),
    });

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xxl={10}>
        <Card size="small" title={t('caseConfig.calendar.days', { year: view.year })}>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              {t('caseConfig.calendar.counts', { holidays, workdays })}
            </Typography.Text>
            {canWrite ? (
              <Space wrap>
                {view.source === 'city' ? (
                  <Button onClick={restoreNational} disabled={save.isPending}>
                    {t('caseConfig.calendar.restore')}
                  </Button>
                ) : null}
                <Button
                  disabled={!dirty}
                  onClick={() => {
                    setEdited(null);
                    setShowErrors(false);
                    setServerErrors(new Map());
                  }}
                >
                  {t('caseConfig.calendar.undo')}
                </Button>
                <Button
                  type="primary"
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={submit}
                  data-testid="save-year"
                >
                  {t('caseConfig.calendar.saveYear', { year: view.year })}
                </Button>
              </Space>
            ) : null}
            <YearDaysEditor year={view.year} rows={rows} errors={errors} canWrite={canWrite} onChange={change} />
            {canWrite ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => change([...rows, { key: newRowKey(), date: null, kind: 'holiday', name: '' }])}
                disabled={rows.length >= MAX_DAYS}
                data-testid="add-day"
                style={{ alignSelf: 'flex-start' }}
              >
                {t('caseConfig.calendar.addDay')}
              </Button>
            ) : null}
            {dirty ? (
              <div data-testid="calendar-unsaved">
                <Alert type="warning" showIcon title={t('caseConfig.calendar.unsaved')} />
              </div>
            ) : null}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xxl={14}>
        <Card size="small" title={t('caseConfig.calendar.yearView', { year: view.year })} extra={<YearLegend />}>
          <Flex vertical gap={8}>
            <Flex gap={24} wrap>
              <Statistic
                title={t('caseConfig.calendar.workingDays')}
                value={view.workingDays}
                data-testid="working-days"
              />
              {dirty ? (
                <Statistic title={t('caseConfig.calendar.workingDaysPreview')} value={previewWorkingDays} />
              ) : null}
            </Flex>
            {canWrite ? <Typography.Text type="secondary">{t('caseConfig.calendar.clickHint')}</Typography.Text> : null}
            <YearView
              year={view.year}
              byDate={byDate}
              names={names}
              onToggle={canWrite ? (date) => change(toggleDay(rows, date)) : undefined}
            />
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

export default function CalendarPage() {
  const t = useT();
  const can = useCan();
  const { modal } = App.useApp();
  const canWrite = can('calendar.write');
  const [year, setYear] = useState(() => dayjs().year());
  const [edited, setEdited] = useState<DayRow[] | null>(null);
  const calendar = useCalendar(year);
  const view = calendar.data?.year === year ? calendar.data : undefined;

  const pickYear = (next: number) => {
    if (next < MIN_YEAR || next > MAX_YEAR || next === year) return;
    const go = () => {
      setEdited(null);
      setYear(next);
    };
    if (isDirty(edited, view)) {
      modal.confirm({
        title: t('caseConfig.calendar.discardTitle'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: go,
      });
      return;
    }
    go();
  };

  const sourceText: Record<CalendarView['source'], string> = {
    city: t('caseConfig.calendar.source.city'),
    national: t('caseConfig.calendar.source.national'),
    none: t('caseConfig.calendar.source.none'),
  };
  const sourceHint: Record<CalendarView['source'], string> = {
    city: t('caseConfig.calendar.sourceHint.city'),
    national: t('caseConfig.calendar.sourceHint.national'),
    none: t('caseConfig.calendar.sourceHint.none'),
  };

  return (
    <Flex vertical gap={12} data-testid="page-calendar">
      <Card
        size="small"
        title={t('menu.calendar')}
        extra={
          <Space.Compact>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('caseConfig.calendar.prevYear')}
              onClick={() => pickYear(year - 1)}
              disabled={year <= MIN_YEAR}
            />
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              minDate={dayjs(`${MIN_YEAR}-01-01`)}
              maxDate={dayjs(`${MAX_YEAR}-12-31`)}
              onChange={(d) => d && pickYear(d.year())}
              style={{ width: 110 }}
              data-testid="year-picker"
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('caseConfig.calendar.nextYear')}
              onClick={() => pickYear(year + 1)}
              disabled={year >= MAX_YEAR}
            />
          </Space.Compact>
        }
      >
        {view ? (
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('caseConfig.calendar.sourceLabel')}</Typography.Text>
              <Tag color={SOURCE_COLORS[view.source]} data-testid="calendar-source" data-source={view.source}>
                {sourceText[view.source]}
              </Tag>
            </Flex>
            <Typography.Text type="secondary">{sourceHint[view.source]}</Typography.Text>
          </Flex>
        ) : calendar.isError ? (
          <Alert type="error" showIcon title={calendar.error.message} />
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} />
        )}
      </Card>
      {calendar.data ? <WorkingPeriodsCard periods={calendar.data.periods} canWrite={canWrite} /> : null}
      {view ? (
        <YearSection key={view.year} view={view} canWrite={canWrite} edited={edited} setEdited={setEdited} />
      ) : null}
      {!view && !calendar.isError ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
    </Flex>
  );
}
