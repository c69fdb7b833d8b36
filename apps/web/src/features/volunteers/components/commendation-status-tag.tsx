// The status tag of a commendation list: a draft (entries can still be removed) or published.
import { Tag } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import type { CommendationStatus } from '../api/volunteer-types';

const COLORS: Record<CommendationStatus, string> = { draft: 'gold', published: 'green' };

export function CommendationStatusTag({ status }: { status: CommendationStatus }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="commendation-status" data-status={status}>
      {t(`volunteers.commendations.status.${status}`)}
    </Tag>
  );
}
