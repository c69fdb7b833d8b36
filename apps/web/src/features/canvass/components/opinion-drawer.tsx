// One opinion in a drawer: its text, drive, community and recording unit, the resident's contact,
// the classification (or the suggestion), its group, and its course — routed (unit, case or
// reply, answer date, the case), answered (kind, text, promised date, by whom) and delivered (how,
// note) — with the buttons its `actions` allow.
import { Link } from 'react-router';
import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { useOpinion, useTopics } from '../api/canvass-api';
import { topicLabel, topicNames } from '../api/canvass-format';
import type { Opinion, OpinionAction } from '../api/canvass-types';
import { OpinionStatusTag, ScopeTag, SuggestionTag } from './canvass-tags';
import { VisitContact } from './visit-contact';

export function OpinionDrawer({
  opinionId,
  onClose,
  onAction,
}: {
  opinionId: number | null;
  onClose: () => void;
  onAction: (action: OpinionAction, opinion: Opinion) => void;
}) {
  const t = useT();
  const query = useOpinion(opinionId);
  const topics = useTopics();
  const names = topicNames(topics.data);
  const o = query.data;

  return (
    <Drawer
      open={opinionId !== null}
      onClose={onClose}
      title={t('canvass.opinion.detailTitle', { id: opinionId ?? '' })}
      size={Math.min(600, typeof window !== 'undefined' ? window.innerWidth : 600)}
      destroyOnHidden
      extra={
        o ? (
          <Space>
            {o.actions.map((action) => (
              <Button key={action} size="small" onClick={() => onAction(action, o)}>
                {t(`canvass.action.${action}`)}
              </Button>
            ))}
          </Space>
        ) : null
      }
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !o ? (
        <Empty description={query.error?.message} />
      ) : (
        <Flex vertical gap={16} data-testid="opinion-drawer" data-status={o.status}>
          <Typography.Paragraph style={{ fontSize: 15, whiteSpace: 'pre-wrap', margin: 0 }}>
            {o.text}
          </Typography.Paragraph>
          <Flex wrap gap={4}>
            <OpinionStatusTag status={o.status} overdue={o.overdue} />
            <ScopeTag scope={o.scope} />
            {o.classified && o.topicCode ? (
              <Tag color="blue">{topicLabel(names, o.topicCode, o.subtopicCode)}</Tag>
            ) : null}
            {!o.classified && o.suggestion ? <SuggestionTag suggestion={o.suggestion} names={names} /> : null}
            {o.group && o.group.count > 1 ? (
              <Tag color="purple">
                {o.group.label} ×{o.group.count}
              </Tag>
            ) : null}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'drive', label: t('canvass.drive.name'), children: o.drive.name },
              { key: 'community', label: t('canvass.assignment.community'), children: o.community.name },
              { key: 'unit', label: t('canvass.opinion.recordingUnit'), children: o.unit.name },
            ]}
          />
          <VisitContact visitId={o.visitId} />
          <Timeline
            items={[
              { key: 'created', content: t('canvass.opinion.recordedAt', { at: formatDateTime(o.createdAt) }) },
              ...(o.routedUnit
                ? [
                    {
                      key: 'routed',
                      color: 'orange',
                      content: (
                        <div>
                          {t('canvass.opinion.routedTo', {
                            unit: o.routedUnit.name,
                            kind: o.routeKind ? t(`canvass.routeKind.${o.routeKind}`) : '',
                            at: formatDateTime(o.routedAt),
                          })}
                          {o.answerDueOn ? (
                            <div style={{ color: o.overdue ? '#cf1322' : undefined }}>
                              {t('canvass.opinion.dueOn', { date: o.answerDueOn })}
                            </div>
                          ) : null}
                          {o.caseId ? (
                            <Link to={`/cases/${o.caseId}`}>{t('canvass.opinion.case', { id: o.caseId })}</Link>
                          ) : null}
                        </div>
                      ),
                    },
                  ]
                : []),
              ...(o.reply
                ? [
                    {
                      key: 'reply',
                      color: 'cyan',
                      content: (
                        <div>
                          <Typography.Text strong>{t(`canvass.replyKind.${o.reply.kind}`)}</Typography.Text>
                          <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                            {[o.reply.byName, formatDateTime(o.reply.at)].filter(Boolean).join(' · ')}
                          </Typography.Text>
                          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="opinion-reply-text">
                            {o.reply.text}
                          </div>
                          {o.reply.promisedOn ? (
                            <div>{t('canvass.opinion.promised', { date: o.reply.promisedOn })}</div>
                          ) : null}
                        </div>
                      ),
                    },
                  ]
                : []),
              ...(o.delivery
                ? [
                    {
                      key: 'delivery',
                      color: 'green',
                      content: (
                        <div>
                          {t('canvass.opinion.deliveredVia', {
                            via: t(`canvass.delivery.${o.delivery.via}`),
                            at: formatDateTime(o.delivery.at),
                          })}
                          {o.delivery.note ? <div>{o.delivery.note}</div> : null}
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
