// The working periods of a working day (e.g. 08:30–12:00 and 14:00–17:30). Working-hour time
// limits only run inside them; they apply to every year.
import { useState } from 'react';
import { App, Button, Card, Flex, Tag, TimePicker, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { useSavePeriods } from '../api/case-config-api';
import { periodMinutes, validatePeriods, type Period, type PeriodError } from '../api/calendar-days';

const MAX_PERIODS = 6;
const TIME_FORMAT = 'HH:mm';

type Draft = [string | null, string | null][];

function toDayjs(hhmm: string | null): Dayjs | null {
  return hhmm ? dayjs(`2000-01-01T${hhmm}:00`) : null;
}

function samePeriods(a: readonly (readonly [string | null, string | null])[], b: readonly Period[]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1]);
}

export interface WorkingPeriodsCardProps {
  periods: Period[];
  canWrite: boolean;
}

export function WorkingPeriodsCard({ periods, canWrite }: WorkingPeriodsCardProps) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSavePeriods();
  // null: showing what the server has; a list once the user edits
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const rows: Draft = draft ?? periods;
  const errors = validatePeriods(rows);
  const dirty = draft !== null && !samePeriods(draft, periods);
  const complete = errors.every((e) => e === null) && rows.length > 0;
  const minutes = complete ? periodMinutes(rows as Period[]) : null;

  const errorText: Record<PeriodError, string> = {
    incomplete: t('caseConfig.calendar.periodIncomplete'),
    order: t('caseConfig.calendar.periodOrder'),
    overlap: t('caseConfig.calendar.periodOverlap'),
  };

  const update = (next: Draft) => setDraft(next);

  const submit = () => {
    setShowErrors(true);
    if (!complete) return;
    save.mutate(rows as Period[], {
      onSuccess: () => {
        setDraft(null);
        setShowErrors(false);
        void message.success(t('common.saved'));
      },
      onError: (error) => showApiError(error, message),
    });
  };

  return (
    <Card
      size="small"
      title={t('caseConfig.calendar.periods')}
      data-testid="working-periods"
      extra={
        canWrite ? (
          <Flex gap={8}>
            <Button size="small" disabled={!dirty} onClick={() => setDraft(null)}>
              {t('caseConfig.calendar.undo')}
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={submit}
              data-testid="save-periods"
            >
              {t('caseConfig.calendar.savePeriods')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('caseConfig.calendar.periodsHint')}
      </Typography.Paragraph>
      {canWrite ? (
        <Flex vertical gap={8}>
          {rows.map((p, i) => (
            <div key={i}>
              <Flex gap={8} align="center">
                <TimePicker.RangePicker
                  format={TIME_FORMAT}
                  minuteStep={5}
                  needConfirm={false}
                  allowClear={false}
                  order={false}
                  value={[toDayjs(p[0]), toDayjs(p[1])]}
                  status={showErrors && errors[i] ? 'error' : undefined}
                  onChange={(values) => {
                    const next = rows.map((r) => [...r] as [string | null, string | null]);
                    next[i] = [values?.[0]?.format(TIME_FORMAT) ?? null, values?.[1]?.format(TIME_FORMAT) ?? null];
                    update(next);
                  }}
                  style={{ width: 220 }}
                  data-testid={`period-${i}`}
                />
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={rows.length <= 1}
                  aria-label={t('common.remove')}
                  title={t('common.remove')}
                  onClick={() => update(rows.filter((_, j) => j !== i))}
                />
              </Flex>
              {showErrors && errors[i] ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {errorText[errors[i]]}
                </Typography.Text>
              ) : null}
            </div>
          ))}
          <Flex gap={12} align="center" wrap>
            <Button
              icon={<PlusOutlined />}
              disabled={rows.length >= MAX_PERIODS}
              onClick={() => {
                const lastEnd = rows[rows.length - 1]?.[1] ?? null;
                update([...rows, [lastEnd, null]]);
              }}
            >
              {t('caseConfig.calendar.addPeriod')}
            </Button>
            {minutes !== null ? (
              <Typography.Text type="secondary">
                {t('caseConfig.calendar.dayLength', { hours: Math.round((minutes / 60) * 100) / 100 })}
              </Typography.Text>
            ) : null}
          </Flex>
        </Flex>
      ) : (
        <Flex gap={4} wrap align="center">
          {periods.map(([a, b]) => (
            <Tag key={`${a}-${b}`}>
              {a}–{b}
            </Tag>
          ))}
          {minutes !== null ? (
            <Typography.Text type="secondary">
              {t('caseConfig.calendar.dayLength', { hours: Math.round((minutes / 60) * 100) / 100 })}
            </Typography.Text>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
