// One volunteer activity at the desk (/volunteer/activities/:id/:tab): header with phase, type,
// time, place, community, organiser and sign-ups; for those who manage it (`canManage`) edit,
// cancel and assign people, the attendance tab (confirm hours, record by hand), the sign-up list and the QR tab
// (the live code, full-screen display and the printable poster); everyone sees the details.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Form, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { EditOutlined, FullscreenOutlined, PrinterOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { RecordPage } from '../../../shared/components/page-states';
import { RemoteSelect, useRemoteSearch } from '../../../shared/components/remote-select';
import { TabbedRecordHeader } from '../../../shared/components/tabbed-record-header';
import { usePersonOptions } from '../../../shared/org-lookups';
import { routeId } from '../../../shared/url-params';
import { activityPhase } from '../api/volunteer-format';
import type { ActivityDetail } from '../api/volunteer-types';
import { useActivity, useAssign, useCancelActivity } from '../api/volunteers-api';
import { ActivityFormDrawer } from '../components/activity-form-drawer';
import { ActivityQr } from '../components/activity-qr';
import { AttendanceTab } from '../components/attendance-tab';
import { SignupsTab } from '../components/signups-tab';
import { timeRangeText } from '../components/mobile-activity-card';
import { ActivityPhaseTag } from '../components/volunteer-tags';
import { useNow } from '../components/use-now';

const TABS = ['attendance', 'signups', 'qr', 'info'] as const;
type Tab = (typeof TABS)[number];

export default function ActivityPage() {
  const t = useT();
  const params = useParams();
  const id = routeId(params.id);
  const query = useActivity(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-volunteer-activity"
      notFoundTitle={t('volunteers.activities.notFound')}
      backTo="/volunteer/activities"
      backText={t('volunteers.activities.back')}
    >
      {(a) => <ActivityView activity={a} tabParam={params.tab} />}
    </RecordPage>
  );
}

function ActivityView({ activity: a, tabParam }: { activity: ActivityDetail; tabParam?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const cancel = useCancelActivity();
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const now = useNow();
  const tabs: readonly Tab[] = a.canManage ? TABS : ['info'];
  const tab: Tab = tabs.includes(tabParam as Tab) ? (tabParam as Tab) : tabs[0];
  const phase = activityPhase(a, now);
  const open = a.status === 'published' && phase !== 'ended';

  return (
    <Flex vertical gap={12} data-testid="page-volunteer-activity">
      <TabbedRecordHeader<Tab>
        backText={t('volunteers.activities.back')}
        onBack={() => void navigate('/volunteer/activities')}
        title={a.title}
        titleTestId="activity-title"
        status={<ActivityPhaseTag phase={phase} />}
        facts={
          <>
            <span>{a.type.name}</span>
            <span>{timeRangeText(a.startsAt, a.endsAt)}</span>
            <span>{a.place}</span>
            {a.community ? <span>{a.community.name}</span> : null}
            <span>{a.organiserUnit?.name ?? a.organiserName}</span>
            <span data-testid="activity-signups">
              {a.capacity !== null
                ? t('volunteers.activity.signupsCapacity', { signups: a.signups, capacity: a.capacity })
                : t('volunteers.activity.signupsText', { signups: a.signups })}
            </span>
            <span>{t('volunteers.activity.checkedInText', { count: a.checkedIn })}</span>
          </>
        }
        actions={
          a.canManage && a.status === 'published' ? (
            <Space wrap>
              {open ? (
                <Button icon={<UserAddOutlined />} onClick={() => setAssigning(true)} data-testid="activity-assign">
                  {t('volunteers.activity.assign')}
                </Button>
              ) : null}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="activity-edit">
                {t('common.edit')}
              </Button>
              {open ? (
                <Popconfirm
                  title={t('volunteers.activities.cancelConfirm', { title: a.title })}
                  onConfirm={() =>
                    cancel.mutate(a.id, {
                      onSuccess: () => void message.success(t('volunteers.activities.cancelled')),
                      onError: (e) => showApiError(e, message),
                    })
                  }
                >
                  <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="activity-cancel">
                    {t('volunteers.activities.cancel')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null
        }
        tabs={tabs}
        activeTab={tab}
        onTab={(k) => void navigate(`/volunteer/activities/${a.id}/${k}`, { replace: true })}
        tabLabel={(k) => t(`volunteers.activity.tab.${k}`)}
      />
      <Card size="small">
        {tab === 'attendance' ? <AttendanceTab activity={a} /> : null}
        {tab === 'signups' ? <SignupsTab activity={a} /> : null}
        {tab === 'qr' ? <QrTab activity={a} /> : null}
        {tab === 'info' ? <InfoTab activity={a} /> : null}
      </Card>
      {editing ? <ActivityFormDrawer activity={a} onClose={() => setEditing(false)} onSaved={() => undefined} /> : null}
      {assigning ? <AssignModal activityId={a.id} onClose={() => setAssigning(false)} /> : null}
    </Flex>
  );
}

function QrTab({ activity: a }: { activity: ActivityDetail }) {
  const t = useT();
  if (a.status === 'cancelled')
    return <Typography.Text type="secondary">{t('volunteers.qr.cancelledHint')}</Typography.Text>;
  return (
    <Flex vertical align="center" gap={12}>
      <Space wrap>
        <Link to={`/volunteer/activities/${a.id}/display`}>
          <Button type="primary" icon={<FullscreenOutlined />} data-testid="qr-full-screen">
            {t('volunteers.qr.fullScreen')}
          </Button>
        </Link>
        <Link to={`/volunteer/activities/${a.id}/poster`} target="_blank">
          <Button icon={<PrinterOutlined />} data-testid="qr-poster">
            {t('volunteers.qr.poster')}
          </Button>
        </Link>
      </Space>
      <ActivityQr activityId={a.id} size={280} showCode />
      <Typography.Text type="secondary">{t('volunteers.qr.hint', { radius: a.radiusM })}</Typography.Text>
    </Flex>
  );
}

function InfoTab({ activity: a }: { activity: ActivityDetail }) {
  const t = useT();
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      items={[
        {
          key: 'type',
          label: t('volunteers.activities.type'),
          children: (
            <>
              {a.type.name}
              {a.type.fiveOne ? (
                <Tag color="volcano" style={{ marginInlineStart: 6 }}>
                  {t('volunteers.activities.fiveOne', { item: t(`volunteers.fiveOne.${a.type.fiveOne}`) })}
                </Tag>
              ) : null}
            </>
          ),
        },
        { key: 'time', label: t('volunteers.activities.time'), children: timeRangeText(a.startsAt, a.endsAt) },
        { key: 'place', label: t('volunteers.activities.place'), children: a.place },
        {
          key: 'geo',
          label: t('volunteers.activity.geofence'),
          children: t('volunteers.activity.geofenceText', { lng: a.lng, lat: a.lat, radius: a.radiusM }),
        },
        { key: 'community', label: t('volunteers.activities.community'), children: a.community?.name ?? '—' },
        { key: 'organiser', label: t('volunteers.activities.organiser'), children: a.organiserUnit?.name ?? '—' },
        { key: 'by', label: t('volunteers.activity.organiserName'), children: a.organiserName },
        { key: 'theme', label: t('volunteers.activity.theme'), children: a.theme ?? '—' },
        { key: 'campaign', label: t('volunteers.activity.campaign'), children: a.campaign?.name ?? '—' },
        { key: 'created', label: t('volunteers.activity.createdAt'), children: formatDateTime(a.createdAt) },
        {
          key: 'description',
          label: t('volunteers.activity.description'),
          span: 'filled',
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.description ?? '—'}</span>,
        },
      ]}
    />
  );
}

function AssignModal({ activityId, onClose }: { activityId: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const assign = useAssign(activityId);
  const search = useRemoteSearch();
  const people = usePersonOptions(search.q, search.opened);
  const [ids, setIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const options = useMemo(
    () =>
      (people.data ?? []).map((p) => ({
        value: p.id,
        label: p.name,
        hint: [p.unitName, p.communityName].filter(Boolean).join(' · '),
      })),
    [people.data],
  );
  const submit = () => {
    if (ids.length === 0) {
      setError(t('volunteers.activity.assignRequired'));
      return;
    }
    assign.mutate(ids, {
      onSuccess: (r) => {
        void message.success(t('volunteers.activity.assigned', { assigned: r.assigned, already: r.already }));
        onClose();
      },
      onError: (e) => showApiError(e, message),
    });
  };
  return (
    <Modal
      open
      title={t('volunteers.activity.assignTitle')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: assign.isPending, ...({ 'data-testid': 'assign-submit' } as object) }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('volunteers.activity.assignPeople')}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <RemoteSelect<number[]>
            multiple
            maxCount={500}
            search={search}
            loading={people.isFetching}
            options={options}
            value={ids}
            onChange={(v) => {
              setIds(v);
              setError(null);
            }}
            placeholder={t('common.searchPerson')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
