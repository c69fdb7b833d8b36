// One visit (a filled-in 征询表) in a drawer: drive, unit, community, building and door, the
// resident (name only with consent; the phone masked, "show number" for canvass.phone), recorder,
// time, source, materials handed out, photos, the note and its opinions with their status.
import { Descriptions, Drawer, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { PhotoGrid } from '../../../shared/mobile/photo-grid';
import { useTopics, useVisit } from '../api/canvass-api';
import { topicLabel, topicNames } from '../api/canvass-format';
import { OpinionStatusTag, ScopeTag } from './canvass-tags';
import { PhoneWithReveal } from './visit-contact';

export function VisitDrawer({ visitId, onClose }: { visitId: number | null; onClose: () => void }) {
  const t = useT();
  const visit = useVisit(visitId);
  const topics = useTopics();
  const names = topicNames(topics.data);
  const v = visit.data;
  return (
    <Drawer
      open={visitId !== null}
      onClose={onClose}
      title={t('canvass.visit.detailTitle', { id: visitId ?? '' })}
      size={Math.min(560, typeof window !== 'undefined' ? window.innerWidth : 560)}
      destroyOnHidden
    >
      {visit.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !v ? (
        <Empty description={visit.error?.message} />
      ) : (
        <Flex vertical gap={16} data-testid="visit-drawer" data-visit-id={v.id}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'drive', label: t('canvass.drive.name'), children: v.drive.name },
              { key: 'unit', label: t('canvass.assignment.unit'), children: v.unit.name },
              {
                key: 'where',
                label: t('canvass.visit.address'),
                children: [v.community.name, v.building?.name, v.household].filter(Boolean).join(' · '),
              },
              {
                key: 'who',
                label: t('canvass.visit.interviewee'),
                children: v.intervieweeName ?? t('canvass.visit.anonymous'),
              },
              { key: 'phone', label: t('canvass.visit.phone'), children: <PhoneWithReveal visit={v} /> },
              { key: 'recorder', label: t('canvass.visit.recorder'), children: v.recorderName },
              { key: 'at', label: t('canvass.visit.visitedAt'), children: formatDateTime(v.visitedAt) },
              { key: 'source', label: t('canvass.visit.source'), children: t(`canvass.source.${v.source}`) },
              {
                key: 'materials',
                label: t('canvass.visit.materials'),
                children:
                  v.materials.length > 0 ? (
                    <Flex wrap gap={4}>
                      {v.materials.map((m) => (
                        <Tag key={m}>{m}</Tag>
                      ))}
                    </Flex>
                  ) : (
                    t('common.none')
                  ),
              },
              ...(v.note ? [{ key: 'note', label: t('canvass.visit.note'), children: v.note }] : []),
            ]}
          />
          {v.photos.length > 0 ? <PhotoGrid fileIds={v.photos} /> : null}
          <div>
            <Typography.Title level={5}>{t('canvass.visit.opinions', { count: v.opinions.length })}</Typography.Title>
            <Flex vertical gap={8}>
              {v.opinions.map((o) => (
                <div key={o.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {o.seq}. {o.text}
                  </Typography.Paragraph>
                  <Flex wrap gap={4} style={{ marginTop: 4 }}>
                    <OpinionStatusTag status={o.status} />
                    <ScopeTag scope={o.scope} />
                    {o.topicCode ? <Tag>{topicLabel(names, o.topicCode, o.subtopicCode)}</Tag> : null}
                  </Flex>
                </div>
              ))}
            </Flex>
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
