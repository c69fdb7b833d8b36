// The history of a ledger task or instance (append-only task log) as a timeline, newest first:
// what happened (created, rescheduled, draft saved, 报送, 审核通过, 退回, reminder, 督办, cancelled),
// who and when, the status change and the note (e.g. the reason for a return). On a task's page
// each entry names its instance.
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { TASK_DISPLAY_STATUSES, TASK_LOG_ACTIONS, type TaskDisplayStatus } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { formatDateTime } from '../../../shared/format';
import type { TaskLogEntry } from '../api/campaign-types';
import { DISPLAY_STATUS_COLORS } from '../api/ledger-format';

const ALERT = new Set(['return', 'escalate', 'cancel']);
const DONE = new Set(['accept']);
const QUIET = new Set(['save_draft', 'remind', 'update', 'reschedule']);

function dotColor(action: string): string {
  if (ALERT.has(action)) return '#cf1322';
  if (DONE.has(action)) return '#389e0d';
  if (QUIET.has(action)) return '#bfbfbf';
  return '#1677ff';
}

const isStatus = (s: string | null): s is TaskDisplayStatus =>
  s !== null && (TASK_DISPLAY_STATUSES as readonly string[]).includes(s);

export function LedgerTimeline({
  log,
  showInstance = false,
}: {
  log: readonly TaskLogEntry[];
  showInstance?: boolean;
}) {
  const t = useT();
  if (log.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.log.empty')} />;
  const label = (action: string) =>
    (TASK_LOG_ACTIONS as readonly string[]).includes(action) ? t(`campaigns.log.${action}` as MessageKey) : action;
  const status = (s: string | null) =>
    isStatus(s) ? (
      <Tag color={DISPLAY_STATUS_COLORS[s]} style={{ marginInlineEnd: 0 }}>
        {t(`campaigns.taskStatus.${s}`)}
      </Tag>
    ) : null;
  const newestFirst = [...log].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));

  return (
    <div data-testid="ledger-timeline">
      <Timeline
        items={newestFirst.map((entry) => ({
          key: entry.id,
          color: dotColor(entry.action),
          content: (
            <div data-testid="log-entry" data-action={entry.action}>
              <Space size={6} wrap style={{ rowGap: 2 }}>
                <Typography.Text strong>{label(entry.action)}</Typography.Text>
                {showInstance && entry.instanceLabel ? (
                  <Tag style={{ marginInlineEnd: 0 }}>{entry.instanceLabel}</Tag>
                ) : null}
                <Typography.Text type="secondary">{entry.actorName ?? t('campaigns.log.system')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                </Typography.Text>
              </Space>
              {entry.toStatus && entry.toStatus !== entry.fromStatus ? (
                <div style={{ marginTop: 2 }}>
                  <Space size={4} wrap>
                    {status(entry.fromStatus)}
                    {entry.fromStatus ? <span style={{ color: '#999' }}>→</span> : null}
                    {status(entry.toStatus)}
                  </Space>
                </div>
              ) : null}
              {entry.note ? (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {entry.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
