// 活动记录: the campaign's events (meetings such as the 四方座谈会, concentrated publicity days,
// clean-up days) by kind and date, newest first; a row opens the record — time, place, organiser,
// attendance, outcome, photos, files, the publicity places with their units, and the unit reports
// that cite it. The office records and edits events.
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CameraOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { EVENT_KINDS, type EventKind } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { DATE_FORMAT, dash, formatDateTime } from '../../../shared/format';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { useListState } from '../../../shared/use-list-state';
import { useEvent, useEventList } from '../api/events-api';
import type { CampaignDetail, EventDetail, EventListItem } from '../api/campaign-types';
import { EventFormDrawer } from './event-form-drawer';
import { FileLinks } from '../../../shared/components/file-list-upload';
import { PhotoThumbs } from './photo-thumbs';

const KIND_COLORS: Record<EventKind, string> = {
  meeting: 'blue',
  publicity: 'volcano',
  cleanup: 'green',
  other: 'default',
};

type Filters = { kind?: EventKind; from?: string; to?: string };

export function EventsTab({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const list = useListState<Filters>({});
  const query = useEventList({ ...list.params, campaignId: campaign.id });
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<EventDetail | 'new' | null>(null);
  const canManage = campaign.canManage && campaign.status === 'active';
  const { kind, from, to } = list.filters;

  return (
    <Card size="small" data-testid="campaign-events">
      <ListToolbar
        filters={
          <>
            <Select<EventKind>
              allowClear
              placeholder={t('campaigns.event.kind')}
              style={{ width: 140 }}
              value={kind}
              onChange={(v) => list.setFilter('kind', v ?? undefined)}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`campaigns.eventKind.${k}`) }))}
            />
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              value={from && to ? [dayjs(from), dayjs(to)] : null}
              onChange={(dates) => {
                list.setFilter('from', dates?.[0] ? dates[0].format(DATE_FORMAT) : undefined);
                list.setFilter('to', dates?.[1] ? dates[1].format(DATE_FORMAT) : undefined);
              }}
            />
          </>
        }
        actions={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="event-create">
              {t('campaigns.event.create')}
            </Button>
          ) : null
        }
      />
      <Table<EventListItem>
        rowKey="id"
        size="small"
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 900 }}
        onRow={(e) => ({ onClick: () => setOpenId(e.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: query.isError ? query.error.message : t('campaigns.event.empty') }}
        columns={[
          {
            title: t('campaigns.event.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: EventKind) => <Tag color={KIND_COLORS[k]}>{t(`campaigns.eventKind.${k}`)}</Tag>,
          },
          {
            title: t('campaigns.event.title'),
            dataIndex: 'title',
            render: (title: string) => <Typography.Link data-testid="event-link">{title}</Typography.Link>,
          },
          { title: t('campaigns.event.startsAt'), dataIndex: 'startsAt', width: 150, render: formatDateTime },
          { title: t('campaigns.event.place'), dataIndex: 'place', width: 180, ellipsis: true, render: dash },
          {
            title: t('campaigns.event.organiser'),
            key: 'organiser',
            width: 160,
            ellipsis: true,
            render: (_v, e) => e.organiserUnit?.name ?? '—',
          },
          { title: t('campaigns.event.attendance'), dataIndex: 'attendance', width: 90, align: 'right', render: dash },
          {
            title: t('campaigns.event.photos'),
            dataIndex: 'photoCount',
            width: 70,
            align: 'center',
            render: (n: number) =>
              n > 0 ? (
                <>
                  <CameraOutlined /> {n}
                </>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {openId !== null ? (
        <EventDetailDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onEdit={canManage ? (event) => setEditing(event) : undefined}
        />
      ) : null}
      {editing ? (
        <EventFormDrawer
          campaign={campaign}
          event={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function EventDetailDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number;
  onClose: () => void;
  onEdit?: (event: EventDetail) => void;
}) {
  const t = useT();
  const query = useEvent(id);
  const event = query.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={Math.min(640, typeof window !== 'undefined' ? window.innerWidth : 640)}
      title={event?.title ?? t('campaigns.event.detail')}
      extra={
        event && event.canEdit && onEdit ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(event)} data-testid="event-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {!event ? (
        query.isError ? (
          <Typography.Text type="danger">{query.error.message}</Typography.Text>
        ) : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap={16} data-testid="event-detail">
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 110 } }}
            items={[
              {
                key: 'kind',
                label: t('campaigns.event.kind'),
                children: <Tag color={KIND_COLORS[event.kind]}>{t(`campaigns.eventKind.${event.kind}`)}</Tag>,
              },
              {
                key: 'time',
                label: t('campaigns.event.time'),
                children: event.endsAt
                  ? `${formatDateTime(event.startsAt)} — ${formatDateTime(event.endsAt)}`
                  : formatDateTime(event.startsAt),
              },
              { key: 'place', label: t('campaigns.event.place'), children: dash(event.place) },
              { key: 'organiser', label: t('campaigns.event.organiser'), children: event.organiserUnit?.name ?? '—' },
              { key: 'participants', label: t('campaigns.event.participants'), children: dash(event.participants) },
              { key: 'attendance', label: t('campaigns.event.attendance'), children: dash(event.attendance) },
              {
                key: 'outcome',
                label: t('campaigns.event.outcome'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(event.outcome)}</span>,
              },
            ]}
          />
          {event.places.length > 0 ? (
            <div>
              <Typography.Title level={5}>{t('campaigns.event.places')}</Typography.Title>
              <Table
                size="small"
                rowKey="place"
                pagination={false}
                dataSource={event.places}
                columns={[
                  { title: t('campaigns.event.placeName'), dataIndex: 'place', width: 180 },
                  {
                    title: t('campaigns.event.placeUnits'),
                    key: 'units',
                    render: (_v, p) => p.units.map((u) => u.name).join('、') || '—',
                  },
                ]}
              />
            </div>
          ) : null}
          <div>
            <Typography.Title level={5}>{t('campaigns.event.photos')}</Typography.Title>
            <PhotoThumbs fileIds={event.photos} />
          </div>
          <div>
            <Typography.Title level={5}>{t('campaigns.event.files')}</Typography.Title>
            <FileLinks files={event.files} />
          </div>
          <div>
            <Typography.Title level={5}>{t('campaigns.event.linkedReports')}</Typography.Title>
            {event.linkedReports.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.event.noLinkedReports')} />
            ) : (
              <Flex vertical gap={4}>
                {event.linkedReports.map((r) => (
                  <Link key={`${r.instanceId}`} to={`/task-instances/${r.instanceId}`}>
                    {r.unitName} · {r.label} · {r.content}
                  </Link>
                ))}
              </Flex>
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
