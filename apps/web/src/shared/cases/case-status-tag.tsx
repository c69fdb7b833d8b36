// Coloured status tag of a case, used by the admin pages and the phone pages alike.
//
//   <CaseStatusTag status="dispatched" />              → 待签收
//   <CaseStatusTag status="accepted" overdue />        → 处置中 + a red 已超期 tag
//
// Props: `status` (CaseStatus), `overdue?` (boolean: adds the red 'case.overdue' tag).
// Colours follow the stage: office stages blue/purple, the unit's stages orange, verification
// gold, closed green, and the ends (voided, merged, suspended) grey.
import { Tag } from 'antd';
import type { CaseStatus } from '@cc/common/cases';
import { useT } from '../../app/i18n/locale-provider';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'purple',
  checked: 'geekblue',
  registered: 'blue',
  returned: 'magenta',
  dispatched: 'orange',
  accepted: 'cyan',
  rework: 'volcano',
  handled: 'gold',
  verified: 'lime',
  closed: 'green',
  suspended: 'default',
  voided: 'default',
  merged: 'default',
};

export interface CaseStatusTagProps {
  status: CaseStatus;
  /** Adds a red "已超期" tag after the status. */
  overdue?: boolean;
}

export function CaseStatusTag({ status, overdue }: CaseStatusTagProps) {
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid="case-status" data-status={status}>
      <Tag color={CASE_STATUS_COLORS[status]} style={{ marginInlineEnd: overdue ? 4 : 0 }}>
        {t(`case.status.${status}`)}
      </Tag>
      {overdue ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="case-overdue">
          {t('case.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}
