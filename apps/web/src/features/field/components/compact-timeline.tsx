// The case history for a phone: newest first, one line per step (what, who, when) and the note.
import { useState } from 'react';
import { Button, Timeline, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { CASE_ACTIONS } from '@cc/common/cases';
import { useT, type TFunction } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { formatDateTime } from '../../../shared/format';
import type { CaseLogEntry } from '../../../shared/cases/cases-api';

const LOG_ACTIONS: ReadonlySet<string> = new Set([
  ...CASE_ACTIONS,
  'report',
  'remind',
  'escalate',
  'not_fixed',
  'merged_in',
  'publish',
  'notice',
]);

export function logActionLabel(t: TFunction, action: string): string {
  return LOG_ACTIONS.has(action) ? t(`case.action.${action}` as MessageKey) : action;
}

const COLORS: Record<string, string> = {
  rework: 'red',
  return: 'red',
  not_fixed: 'red',
  escalate: 'red',
  void: 'gray',
  handle: 'blue',
  verify: 'green',
  close: 'green',
};

/** Shows the newest entries; older ones behind a "show all" button. */
const FIRST_SHOWN = 6;

export function CompactTimeline({ log }: { log: CaseLogEntry[] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const newestFirst = [...log].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  const shown = all ? newestFirst : newestFirst.slice(0, FIRST_SHOWN);
  return (
    <>
      <Timeline
        data-testid="case-timeline"
        items={shown.map((entry) => ({
          key: entry.id,
          color: COLORS[entry.action] ?? 'gray',
          content: (
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{logActionLabel(t, entry.action)}</Typography.Text>
              {entry.photos.length > 0 ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  <CameraOutlined /> {entry.photos.length}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {[formatDateTime(entry.at), entry.actorName].filter(Boolean).join(' · ')}
              </Typography.Text>
              {entry.note ? (
                <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {entry.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        }))}
      />
      {!all && newestFirst.length > FIRST_SHOWN ? (
        <Button type="link" block onClick={() => setAll(true)}>
          {t('field.case.showAllLog', { count: newestFirst.length })}
        </Button>
      ) : null}
    </>
  );
}
