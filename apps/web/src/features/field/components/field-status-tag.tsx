// Status and deadline badges of the phone pages: one colour per stage so a case's state reads at
// a glance in sunlight — orange waits for the office, red-ish for the unit, purple for
// verification, green is done, grey is out of the flow.
import { Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { CaseStatus } from '@cc/common/cases';
import { useT } from '../../../app/i18n/locale-provider';
import { timeLeft, urgencyOf, type TimeLeft } from '../api/field-format';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'orange',
  checked: 'orange',
  registered: 'orange',
  returned: 'gold',
  dispatched: 'volcano',
  accepted: 'blue',
  rework: 'magenta',
  handled: 'purple',
  verified: 'cyan',
  closed: 'green',
  suspended: 'default',
  voided: 'default',
  merged: 'default',
};

const TAG_STYLE = { marginInlineEnd: 0, fontSize: 13, lineHeight: '22px', paddingInline: 8 } as const;

export function FieldStatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} style={TAG_STYLE} data-testid="case-status">
      {t(`case.status.${status}`)}
    </Tag>
  );
}

/** "剩 3 小时" / "超期 2 天". */
export function useTimeLeftText(): (left: TimeLeft) => string {
  const t = useT();
  return (left) => {
    const unit = t(`field.unit.${left.unit}`, { count: left.amount });
    return left.overdue ? t('field.deadline.overdueBy', { time: unit }) : t('field.deadline.left', { time: unit });
  };
}

const URGENCY_COLORS = { overdue: 'red', soon: 'orange', ok: 'green' } as const;

/** Time left until the deadline, coloured by urgency; nothing when there is no deadline. */
export function DeadlineTag({ deadlineAt, overdue, now }: { deadlineAt: string | null; overdue: boolean; now: Date }) {
  const text = useTimeLeftText();
  const t = useT();
  const urgency = urgencyOf(deadlineAt, now, overdue);
  if (!urgency) return null;
  const left = deadlineAt ? timeLeft(deadlineAt, now) : null;
  return (
    <Tag color={URGENCY_COLORS[urgency]} icon={<ClockCircleOutlined />} style={TAG_STYLE} data-testid="case-deadline">
      {left ? text(left) : t('case.overdue')}
    </Tag>
  );
}
