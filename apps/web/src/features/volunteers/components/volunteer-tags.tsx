// Status tags of registrations, attendance, 五个一 reports and activities, one colour scheme for
// the phone and the desk.
import { Tag } from 'antd';
import type { AttendanceStatus, RegistrationStatus } from '@cc/common/volunteers';
import { useT } from '../../../app/i18n/locale-provider';
import type { ActivityPhase } from '../api/volunteer-format';
import type { ReportStatus } from '../api/volunteer-types';

const REGISTRATION_COLORS: Record<RegistrationStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = {
  open: 'blue',
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
};

const REPORT_COLORS: Record<ReportStatus, string> = { pending: 'gold', confirmed: 'green', rejected: 'red' };

const PHASE_COLORS: Record<ActivityPhase, string> = {
  upcoming: 'blue',
  ongoing: 'green',
  ended: 'default',
  cancelled: 'red',
};

const tagStyle = { marginInlineEnd: 0 } as const;

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const t = useT();
  return (
    <Tag color={REGISTRATION_COLORS[status]} style={tagStyle} data-testid="registration-status" data-status={status}>
      {t(`volunteers.registrationStatus.${status}`)}
    </Tag>
  );
}

export function AttendanceStatusTag({ status }: { status: AttendanceStatus }) {
  const t = useT();
  return (
    <Tag color={ATTENDANCE_COLORS[status]} style={tagStyle} data-testid="attendance-status" data-status={status}>
      {t(`volunteers.attendanceStatus.${status}`)}
    </Tag>
  );
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const t = useT();
  return (
    <Tag color={REPORT_COLORS[status]} style={tagStyle} data-testid="report-status" data-status={status}>
      {t(`volunteers.reportStatus.${status}`)}
    </Tag>
  );
}

export function ActivityPhaseTag({ phase }: { phase: ActivityPhase }) {
  const t = useT();
  return (
    <Tag color={PHASE_COLORS[phase]} style={tagStyle} data-testid="activity-phase" data-phase={phase}>
      {t(`volunteers.phase.${phase}`)}
    </Tag>
  );
}
