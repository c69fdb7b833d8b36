// Small pieces every inspection screen shows: the round's and the inspection's status, an item's
// outcome (pass / fail / n/a), a site score coloured by its band, the change against the previous
// round (↑ green / ↓ red), the phase whose thresholds apply (迎检 stands out), an index node's
// level and methods, and a material requirement's status. Each carries data-* for tests.
import { Space, Tag, Typography } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import type { IndexLevel, IndexMethod, InspectionStatus, MaterialStatus, RoundStatus } from '@cc/common/inspections';
import type { Outcome, Phase } from '@cc/common/inspection-rules';
import { useT } from '../../../app/i18n/locale-provider';
import {
  DELTA_COLORS,
  OUTCOME_COLORS,
  SCORE_BAND_COLORS,
  deltaText,
  deltaTone,
  scoreBand,
  scoreText,
} from '../api/score-format';

const ROUND_COLORS: Record<RoundStatus, string> = { draft: 'default', open: 'processing', closed: 'green' };
const INSPECTION_COLORS: Record<InspectionStatus, string> = { assigned: 'blue', draft: 'orange', submitted: 'green' };
const MATERIAL_COLORS: Record<MaterialStatus, string> = {
  missing: 'default',
  submitted: 'gold',
  accepted: 'green',
  returned: 'magenta',
};
const LEVEL_COLORS: Record<IndexLevel, string> = {
  project: 'volcano',
  indicator: 'orange',
  content: 'blue',
  standard: 'cyan',
};

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const t = useT();
  return (
    <Tag color={ROUND_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="round-status" data-status={status}>
      {t(`inspections.roundStatus.${status}`)}
    </Tag>
  );
}

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const t = useT();
  return (
    <Tag
      color={INSPECTION_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="inspection-status"
      data-status={status}
    >
      {t(`inspections.status.${status}`)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const t = useT();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} style={{ marginInlineEnd: 0 }} data-testid="outcome" data-outcome={outcome}>
      {t(`inspections.outcome.${outcome}`)}
    </Tag>
  );
}

/** A site score in its band's colour; "—" when there is none. */
export function ScoreText({ score, strong }: { score: number | null | undefined; strong?: boolean }) {
  return (
    <span
      style={{ color: SCORE_BAND_COLORS[scoreBand(score)], fontWeight: strong ? 600 : undefined }}
      data-testid="score"
      data-score={score ?? ''}
    >
      {scoreText(score)}
    </span>
  );
}

export function DeltaText({ delta }: { delta: number | null | undefined }) {
  const tone = deltaTone(delta);
  return (
    <span style={{ color: DELTA_COLORS[tone], whiteSpace: 'nowrap' }} data-testid="delta" data-tone={tone}>
      {deltaText(delta)}
    </span>
  );
}

export function PhaseTag({ phase }: { phase: Phase }) {
  const t = useT();
  return (
    <Tag
      color={phase === 'pre_inspection' ? '#cf1322' : 'blue'}
      icon={phase === 'pre_inspection' ? <FireOutlined /> : undefined}
      style={{ marginInlineEnd: 0 }}
      data-testid="phase-tag"
      data-phase={phase}
    >
      {t(`inspections.phase.${phase}`)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: IndexLevel }) {
  const t = useT();
  return (
    <Tag color={LEVEL_COLORS[level]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`inspections.level.${level}`)}
    </Tag>
  );
}

export function MethodTags({ methods }: { methods: readonly IndexMethod[] }) {
  const t = useT();
  if (methods.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      {methods.map((m) => (
        <Tag key={m} style={{ marginInlineEnd: 0 }}>
          {t(`inspections.method.${m}`)}
        </Tag>
      ))}
    </Space>
  );
}

export function MaterialStatusTag({ status }: { status: MaterialStatus }) {
  const t = useT();
  return (
    <Tag
      color={MATERIAL_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="material-status"
      data-status={status}
    >
      {t(`inspections.materialStatus.${status}`)}
    </Tag>
  );
}
