// The questionnaire's status as a coloured tag.
import { Tag } from 'antd';
import type { SurveyStatus } from '@cc/common/surveys';
import { useT } from '../../../app/i18n/locale-provider';

const COLOR: Record<SurveyStatus, string> = { draft: 'default', open: 'green', closed: 'red' };

export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const t = useT();
  return (
    <Tag color={COLOR[status]} data-testid="survey-status" data-status={status}>
      {t(`surveys.status.${status}`)}
    </Tag>
  );
}
