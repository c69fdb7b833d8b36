// A deadline as "2026-03-12 17:30" plus "剩余 2 天" / "超期 5 小时"; red when overdue, orange
// when less than 24 hours are left. `done` (closed or no longer with the unit) shows the date only.
import { Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { deadlineDistance } from '../api/deadline-format';

export function DeadlineText({
  deadline,
  overdue,
  done = false,
  compact = false,
}: {
  deadline: string | null;
  overdue: boolean;
  done?: boolean;
  compact?: boolean;
}) {
  const t = useT();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const distance = done ? null : deadlineDistance(deadline);
  const soon = distance && !distance.past && distance.hoursLeft < 24;
  const color = overdue ? '#cf1322' : soon ? '#d46b08' : undefined;
  const amount = distance ? t(`cases.duration.${distance.unit}`, { n: distance.amount }) : '';
  return (
    <span style={{ color, whiteSpace: compact ? 'nowrap' : undefined }} data-testid="deadline" data-overdue={overdue}>
      {formatDateTime(deadline)}
      {distance ? (
        <span style={{ marginInlineStart: 6, fontSize: 12, color: color ?? '#8c8c8c' }}>
          {distance.past ? t('cases.deadline.over', { value: amount }) : t('cases.deadline.left', { value: amount })}
        </span>
      ) : null}
    </span>
  );
}
