// One activity on the phone: type, title, time and place, organiser, places taken, my attendance;
// sign up / cancel the sign-up, and the way to the scan page while it is under way.
import { Link } from 'react-router';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { ClockCircleOutlined, EnvironmentOutlined, ScanOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { activityPhase, canSignUp } from '../api/volunteer-format';
import type { ActivityListItem } from '../api/volunteer-types';
import { useSignup } from '../api/volunteers-api';
import { ActivityPhaseTag, AttendanceStatusTag } from './volunteer-tags';
import { useNow } from './use-now';

export function timeRangeText(startsAt: string, endsAt: string): string {
  const from = dayjs(startsAt);
  const to = dayjs(endsAt);
  return from.isSame(to, 'day')
    ? `${formatDateTime(startsAt)}–${to.format('HH:mm')}`
    : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

export function MobileActivityCard({ activity: a, canJoin }: { activity: ActivityListItem; canJoin: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const signup = useSignup();
  const now = useNow();
  const phase = activityPhase(a, now);
  const full = a.capacity !== null && a.signups >= a.capacity && !a.mine.signedUp;
  const attendance = a.mine.attendance;
  const canScan = canJoin && (phase === 'ongoing' || phase === 'upcoming') && attendance?.status !== 'pending';

  return (
    <Card size="small" data-testid="volunteer-activity" data-activity-id={a.id}>
      <Flex align="center" gap={6} wrap>
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {a.type.name}
        </Tag>
        <ActivityPhaseTag phase={phase} />
        {a.mine.signedUp ? (
          <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="activity-signed-up">
            {t('volunteers.mobileActivities.signedUp')}
          </Tag>
        ) : null}
      </Flex>
      <div style={{ fontSize: 17, lineHeight: 1.4, marginTop: 6, overflowWrap: 'anywhere' }}>{a.title}</div>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        <ClockCircleOutlined /> {timeRangeText(a.startsAt, a.endsAt)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }}>
        <EnvironmentOutlined /> {a.place}
        {a.community ? ` · ${a.community.name}` : ''}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13, minWidth: 0 }} ellipsis>
          {a.organiserUnit?.name ?? a.organiserName}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
          {a.capacity !== null
            ? t('volunteers.mobileActivities.places', { signups: a.signups, capacity: a.capacity })
            : t('volunteers.mobileActivities.signups', { signups: a.signups })}
        </Typography.Text>
      </Flex>
      {attendance ? (
        <Flex align="center" gap={6} style={{ marginTop: 4 }}>
          <AttendanceStatusTag status={attendance.status} />
          <Typography.Text style={{ fontSize: 13 }}>
            {t('volunteers.mobileActivities.attended', { time: formatDateTime(attendance.checkInAt) })}
          </Typography.Text>
        </Flex>
      ) : null}
      {canJoin ? (
        <Flex gap={8} style={{ marginTop: 8 }}>
          {a.mine.signedUp && !attendance && phase !== 'ended' && phase !== 'cancelled' ? (
            <Popconfirm
              title={t('volunteers.mobileActivities.cancelConfirm', { title: a.title })}
              onConfirm={() =>
                signup.mutate(
                  { id: a.id, on: false },
                  {
                    onSuccess: () => void message.success(t('volunteers.mobileActivities.cancelled')),
                    onError: (e) => showApiError(e, message),
                  },
                )
              }
            >
              <Button size="large" style={{ flex: 1 }} loading={signup.isPending} data-testid="activity-cancel-signup">
                {t('volunteers.mobileActivities.cancelSignup')}
              </Button>
            </Popconfirm>
          ) : canSignUp(a, now) ? (
            <Button
              type="primary"
              size="large"
              style={{ flex: 1 }}
              loading={signup.isPending}
              onClick={() =>
                signup.mutate(
                  { id: a.id, on: true },
                  {
                    onSuccess: () => void message.success(t('volunteers.mobileActivities.signedUpDone')),
                    onError: (e) => showApiError(e, message),
                  },
                )
              }
              data-testid="activity-sign-up"
            >
              {t('volunteers.mobileActivities.signUp')}
            </Button>
          ) : full ? (
            <Button size="large" style={{ flex: 1 }} disabled>
              {t('volunteers.mobileActivities.full')}
            </Button>
          ) : null}
          {canScan ? (
            <Link to="/m/volunteer/scan" style={{ flex: 1 }}>
              <Button size="large" block icon={<ScanOutlined />} data-testid="activity-scan">
                {attendance?.status === 'open'
                  ? t('volunteers.mobileActivities.checkOut')
                  : t('volunteers.mobileActivities.checkIn')}
              </Button>
            </Link>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
