// Small pieces the canvassing screens share: status tags of drives and opinions, the 共性 / 个性
// tag, the late flag, the coverage bar (visited / target households, coloured by band) and the
// classifier's suggestion as a tag.
import { Progress, Tag, Tooltip } from 'antd';
import { RobotOutlined } from '@ant-design/icons';
import type { DriveStatus, OpinionScope, OpinionStatus } from '@cc/common/canvass';
import { useT } from '../../../app/i18n/locale-provider';
import {
  RATE_BAND_COLORS,
  householdsText,
  percentText,
  rateBand,
  ratePercent,
  topicLabel,
} from '../api/canvass-format';
import type { LateReason, Progress as ProgressFigures, Suggestion } from '../api/canvass-types';

const DRIVE_COLORS: Record<DriveStatus, string> = { draft: 'default', open: 'green', closed: 'purple' };

export function DriveStatusTag({ status }: { status: DriveStatus }) {
  const t = useT();
  return (
    <Tag color={DRIVE_COLORS[status]} data-testid="drive-status" data-status={status}>
      {t(`canvass.driveStatus.${status}`)}
    </Tag>
  );
}

const OPINION_COLORS: Record<OpinionStatus, string> = {
  new: 'blue',
  routed: 'orange',
  answered: 'cyan',
  delivered: 'green',
};

export function OpinionStatusTag({ status, overdue = false }: { status: OpinionStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={OPINION_COLORS[status]} data-testid="opinion-status" data-status={status}>
        {t(`canvass.opinionStatus.${status}`)}
      </Tag>
      {overdue ? (
        <Tag color="red" data-testid="opinion-overdue">
          {t('canvass.opinion.overdue')}
        </Tag>
      ) : null}
    </>
  );
}

export function ScopeTag({ scope }: { scope: OpinionScope | null }) {
  const t = useT();
  if (!scope) return <span style={{ color: '#bbb' }}>—</span>;
  return <Tag color={scope === 'common' ? 'geekblue' : 'default'}>{t(`canvass.scope.${scope}`)}</Tag>;
}

export function LateTag({ reasons }: { reasons: readonly LateReason[] }) {
  const t = useT();
  if (reasons.length === 0) return null;
  return (
    <Tooltip title={reasons.map((r) => t(`canvass.late.${r}`)).join('；')}>
      <Tag color="red" data-testid="late-flag">
        {t('canvass.late.flag')}
      </Tag>
    </Tooltip>
  );
}

/** Visited / target households as a bar coloured by its band; the visit count on hover. */
export function CoverageBar({ progress, width = 160 }: { progress: ProgressFigures; width?: number }) {
  const t = useT();
  const percent = ratePercent(progress.rate);
  return (
    <Tooltip title={t('canvass.progress.tooltip', { visits: progress.visits, rate: percentText(progress.rate) })}>
      <div style={{ width }} data-testid="coverage" data-visited={progress.visitedHouseholds}>
        <Progress
          size="small"
          percent={percent ?? 0}
          strokeColor={RATE_BAND_COLORS[rateBand(progress.rate)]}
          format={() => householdsText(progress)}
        />
      </div>
    </Tooltip>
  );
}

/** The classifier's guess: topic (and sub-topic), unit and confidence. */
export function SuggestionTag({ suggestion, names }: { suggestion: Suggestion; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const confidence = Math.round(suggestion.confidence * 100);
  return (
    <Tooltip
      title={t('canvass.suggestion.tooltip', {
        unit: suggestion.unit?.name ?? t('common.none'),
        confidence,
      })}
    >
      <Tag
        icon={<RobotOutlined />}
        color={confidence >= 70 ? 'blue' : confidence >= 40 ? 'gold' : 'default'}
        style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
        data-testid="suggestion-tag"
      >
        {topicLabel(names, suggestion.topicCode, suggestion.subtopicCode)}
        {suggestion.unit ? ` → ${suggestion.unit.name}` : ''} · {confidence}%
      </Tag>
    </Tooltip>
  );
}
