// Small pieces every campaign screen shows: the phase tag (迎检 stands out), the titles pursued,
// an instance's display status (data-status for tests), its time left or days late, and a
// completion bar with the plan percentage beside it.
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import type { CampaignPhase, CampaignTitle, TaskDisplayStatus } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import type { Completion, InstanceListItem } from '../api/campaign-types';
import { DISPLAY_STATUS_COLORS, DUE_TONE_COLORS, dueText, dueTone, percentText } from '../api/ledger-format';

export function PhaseTag({ phase }: { phase: CampaignPhase }) {
  const t = useT();
  return phase === 'pre_inspection' ? (
    <Tag color="#cf1322" icon={<FireOutlined />} data-testid="phase-tag" data-phase={phase}>
      {t('campaigns.phase.pre_inspection')}
    </Tag>
  ) : (
    <Tag color="blue" data-testid="phase-tag" data-phase={phase}>
      {t('campaigns.phase.normal')}
    </Tag>
  );
}

export function TitleTags({ titles }: { titles: readonly CampaignTitle[] }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {titles.map((title) => (
        <Tag key={title} color="volcano" variant="outlined" style={{ marginInlineEnd: 0 }}>
          {t(`campaigns.title.${title}`)}
        </Tag>
      ))}
    </Space>
  );
}

export function InstanceStatusTag({ status }: { status: TaskDisplayStatus }) {
  const t = useT();
  return (
    <Tag
      color={DISPLAY_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="instance-status"
      data-status={status}
    >
      {t(`campaigns.taskStatus.${status}`)}
    </Tag>
  );
}

/** "逾期 3 天" in red, "剩 2 天" in orange…; nothing once the instance is reported. */
export function DueTag({ item }: { item: Pick<InstanceListItem, 'displayStatus' | 'daysLeft'> }) {
  const t = useT();
  const tone = dueTone(item);
  if (tone === 'done') return null;
  return (
    <Tag color={DUE_TONE_COLORS[tone]} style={{ marginInlineEnd: 0 }} data-testid="due-tag" data-tone={tone}>
      {dueText(t, item)}
    </Tag>
  );
}

/** Completion so far as a bar, with the share of the whole plan and the counts in the tooltip. */
export function CompletionBar({ completion, width = 160 }: { completion: Completion; width?: number | '100%' }) {
  const t = useT();
  const percent = completion.percent;
  return (
    <Tooltip
      title={t('campaigns.completion.tooltip', {
        accepted: completion.accepted,
        counted: completion.counted,
        total: completion.total,
        plan: percentText(completion.planPercent),
      })}
    >
      <div style={{ width, maxWidth: '100%' }} data-testid="completion-bar">
        {percent === null ? (
          <Typography.Text type="secondary">{t('campaigns.completion.nothingDue')}</Typography.Text>
        ) : (
          <Progress
            percent={percent}
            size="small"
            status={percent >= 100 ? 'success' : 'normal'}
            strokeColor={percent >= 90 ? '#52c41a' : percent >= 60 ? '#faad14' : '#f5222d'}
            format={() => percentText(percent)}
          />
        )}
      </div>
    </Tooltip>
  );
}
