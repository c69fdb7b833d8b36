// Twelve small month calendars of one year: public holidays red, swapped workdays blue, ordinary
// weekends grey. With `onToggle`, clicking a day adds it to (or removes it from) the edited list.
import { memo, useMemo } from 'react';
import { Col, Flex, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import type { CalendarDayKind } from '../api/case-config-api';
import { dayLook, monthGrid, type DayLook } from '../api/calendar-days';

export const DAY_COLORS: Record<DayLook, { background: string; color: string; border: string }> = {
  holiday: { background: '#f5222d', color: '#fff', border: '#f5222d' },
  workday: { background: '#1677ff', color: '#fff', border: '#1677ff' },
  weekend: { background: '#f0f0f0', color: '#8c8c8c', border: '#f0f0f0' },
  normal: { background: '#fff', color: 'rgba(0,0,0,0.88)', border: '#f0f0f0' },
};

export interface YearViewProps {
  year: number;
  byDate: ReadonlyMap<string, CalendarDayKind>;
  names: ReadonlyMap<string, string>;
  onToggle?: (date: string) => void;
}

export const YearView = memo(function YearView({ year, byDate, names, onToggle }: YearViewProps) {
  const t = useT();
  const weekdays = t('caseConfig.calendar.weekdays').split(',');
  const monthNames = t('caseConfig.calendar.months').split(',');
  const today = dayjs().format('YYYY-MM-DD');
  const months = useMemo(() => Array.from({ length: 12 }, (_, i) => monthGrid(year, i + 1)), [year]);

  const kindLabel: Record<DayLook, string> = {
    holiday: t('caseConfig.calendar.kind.holiday'),
    workday: t('caseConfig.calendar.kind.workday'),
    weekend: t('caseConfig.calendar.weekend'),
    normal: t('caseConfig.calendar.normalDay'),
  };

  return (
    <Row gutter={[12, 12]} data-testid="year-view">
      {months.map((weeks, m) => (
        <Col key={m} xs={24} sm={12} lg={8} xl={6}>
          <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {monthNames[m] ?? m + 1}
            </Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
              {weekdays.map((w, i) => (
                <div
                  key={`h-${i}`}
                  style={{ textAlign: 'center', fontSize: 11, color: i >= 5 ? '#8c8c8c' : '#595959' }}
                >
                  {w}
                </div>
              ))}
              {weeks.flat().map((date, i) => {
                if (!date) return <div key={`e-${i}`} />;
                const look = dayLook(date, byDate);
                const colors = DAY_COLORS[look];
                const name = names.get(date);
                const label = `${date} ${kindLabel[look]}${name ? ` · ${name}` : ''}`;
                const style: React.CSSProperties = {
                  height: 26,
                  minWidth: 0,
                  padding: 0,
                  borderRadius: 4,
                  fontSize: 12,
                  lineHeight: '24px',
                  textAlign: 'center',
                  background: colors.background,
                  color: colors.color,
                  border: `1px solid ${date === today ? '#faad14' : colors.border}`,
                  cursor: onToggle ? 'pointer' : 'default',
                };
                const day = Number(date.slice(8, 10));
                return onToggle ? (
                  <button
                    key={date}
                    type="button"
                    title={label}
                    aria-label={label}
                    style={style}
                    onClick={() => onToggle(date)}
                    data-testid={`day-${date}`}
                    data-look={look}
                  >
                    {day}
                  </button>
                ) : (
                  <div key={date} title={label} style={style} data-testid={`day-${date}`} data-look={look}>
                    {day}
                  </div>
                );
              })}
            </div>
          </div>
        </Col>
      ))}
    </Row>
  );
});

export function YearLegend() {
  const t = useT();
  const items: DayLook[] = ['holiday', 'workday', 'weekend', 'normal'];
  const labels: Record<DayLook, string> = {
    holiday: t('caseConfig.calendar.kind.holiday'),
    workday: t('caseConfig.calendar.kind.workday'),
    weekend: t('caseConfig.calendar.weekend'),
    normal: t('caseConfig.calendar.normalDay'),
  };
  return (
    <Flex gap={12} wrap align="center">
      {items.map((look) => (
        <Flex key={look} gap={4} align="center">
          <span
            style={{
              display: 'inline-block',
              width: 14,
              height: 14,
              borderRadius: 3,
              background: DAY_COLORS[look].background,
              border: `1px solid ${look === 'normal' ? '#d9d9d9' : DAY_COLORS[look].border}`,
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels[look]}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
