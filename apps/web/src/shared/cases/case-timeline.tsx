// The handling record of a case as an antd Timeline, oldest step first: time, who, what
// (`case.action.<action>`), the status change, the note, the unit / deadline the step set, and
// the step's photos (click to enlarge).
//
//   <CaseTimeline log={detail.log} />
//
// Props: `log` (CaseLogEntry[] from the case detail), `photoVariant?` ('original' | 'public',
// default 'original': staff see the originals), `newestFirst?` (default false).
import type { ReactNode } from 'react';
import { Empty, Image, Space, Tag, Timeline, Typography, type TimelineProps } from 'antd';
import { CASE_STATUSES, type CaseStatus } from '@cc/common/cases';
import { useT } from '../../app/i18n/locale-provider';
import { casesVocabZhCN } from '../../app/i18n/cases-vocab';
import { formatDateTime } from '../format';
import { fileUrl, type CaseLogEntry } from './cases-api';
import { CASE_STATUS_COLORS } from './case-status-tag';

export interface CaseTimelineProps {
  log: readonly CaseLogEntry[];
  photoVariant?: 'original' | 'public';
  newestFirst?: boolean;
}

const ALERT_ACTIONS = new Set(['rework', 'not_fixed', 'escalate', 'return', 'refuse_extension', 'void']);
const DONE_ACTIONS = new Set(['close', 'verify', 'approve_extension']);
const QUIET_ACTIONS = new Set(['remind', 'publish', 'notice']);

// Explicit colours: the theme's primary colour is red, so antd's 'blue' preset would be red too.
function dotColor(action: string): string {
  if (ALERT_ACTIONS.has(action)) return '#cf1322';
  if (DONE_ACTIONS.has(action)) return '#389e0d';
  if (QUIET_ACTIONS.has(action)) return '#bfbfbf';
  return '#1677ff';
}

function isStatus(value: string | null): value is CaseStatus {
  return value !== null && (CASE_STATUSES as readonly string[]).includes(value);
}

/** The unit, deadline and merge target a step recorded in its `data`, when it did. */
function stepData(data: unknown): { unitName?: string; deadline?: string; targetCaseId?: number; code?: string } {
  if (!data || typeof data !== 'object') return {};
  const d = data as Record<string, unknown>;
  return {
    unitName: typeof d.unitName === 'string' ? d.unitName : undefined,
    deadline: typeof d.deadline === 'string' ? d.deadline : undefined,
    targetCaseId: typeof d.targetCaseId === 'number' ? d.targetCaseId : undefined,
    // a duplicate merged into this case names itself
    code: typeof d.code === 'string' ? d.code : undefined,
  };
}

export function CaseTimeline({ log, photoVariant = 'original', newestFirst = false }: CaseTimelineProps) {
  const t = useT();

  if (log.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseShared.timeline.empty')} />;
  }

  const actionLabel = (action: string): string => {
    const key = `case.action.${action}`;
    return key in casesVocabZhCN ? t(key as keyof typeof casesVocabZhCN) : action;
  };
  const statusTag = (status: string | null): ReactNode =>
    isStatus(status) ? (
      <Tag color={CASE_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
        {t(`case.status.${status}`)}
      </Tag>
    ) : null;

  const entries = newestFirst ? [...log].reverse() : log;
  const items: NonNullable<TimelineProps['items']> = entries.map((entry) => {
    const extra = stepData(entry.data);
    const changed = entry.toStatus !== null && entry.toStatus !== entry.fromStatus;
    return {
      key: entry.id,
      color: dotColor(entry.action),
      content: (
        <div data-testid="timeline-entry" data-action={entry.action}>
          <Space size={6} wrap style={{ rowGap: 2 }}>
            <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>
            <Typography.Text type="secondary">{entry.actorName ?? t('caseShared.timeline.system')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(entry.at)}
            </Typography.Text>
          </Space>
          {changed ? (
            <div style={{ marginTop: 2 }}>
              <Space size={4} wrap>
                {statusTag(entry.fromStatus)}
                {entry.fromStatus ? <span style={{ color: '#999' }}>→</span> : null}
                {statusTag(entry.toStatus)}
              </Space>
            </div>
          ) : null}
          {extra.unitName || extra.deadline || extra.targetCaseId || extra.code ? (
            <div style={{ marginTop: 2, fontSize: 13, color: '#595959' }}>
              <Space size={12} wrap>
                {extra.unitName ? <span>{t('caseShared.timeline.unit', { name: extra.unitName })}</span> : null}
                {extra.deadline ? (
                  <span>{t('caseShared.timeline.deadline', { time: formatDateTime(extra.deadline) })}</span>
                ) : null}
                {extra.targetCaseId ? <span>{t('caseShared.timeline.target', { id: extra.targetCaseId })}</span> : null}
                {extra.code ? <span>{t('caseShared.timeline.duplicate', { code: extra.code })}</span> : null}
              </Space>
            </div>
          ) : null}
          {entry.note ? (
            <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {entry.note}
            </Typography.Paragraph>
          ) : null}
          {entry.photos.length > 0 ? (
            <div style={{ marginTop: 6 }}>
              <Image.PreviewGroup>
                <Space size={6} wrap>
                  {entry.photos.map((id) => (
                    <Image
                      key={id}
                      src={fileUrl(id, photoVariant)}
                      width={64}
                      height={64}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                      alt=""
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            </div>
          ) : null}
        </div>
      ),
    };
  });

  return (
    <div data-testid="case-timeline">
      <Timeline items={items} />
    </div>
  );
}
