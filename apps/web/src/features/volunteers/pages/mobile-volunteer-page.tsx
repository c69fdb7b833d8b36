// 社区报到与志愿服务 on the phone (/m/volunteer): my registration (register / withdraw), this
// week's 五个一 as five marks, the ways to activities, scanning, hours and the 五个一 page, my
// latest activities and my confirmed hours.
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { CalendarOutlined, CheckSquareOutlined, FieldTimeOutlined, ScanOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { ListHeader } from '../../../shared/mobile/page-parts';
import { hoursText } from '../api/volunteer-format';
import { useActivityList, useMyFiveOne, useMyHours, useMyRegistration } from '../api/volunteers-api';
import { FiveOneMarks } from '../components/five-one-marks';
import { MobileActivityCard } from '../components/mobile-activity-card';
import { RegistrationCard } from '../components/registration-card';

function Tile({ to, icon, label, testId }: { to: string; icon: ReactNode; label: string; testId: string }) {
  return (
    <Link
      to={to}
      data-testid={testId}
      style={{
        flex: '1 1 0',
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        gap: 4,
        padding: '10px 2px',
        color: 'inherit',
        borderRadius: 8,
        background: '#fff',
        border: '1px solid #f0f0f0',
      }}
    >
      <span style={{ fontSize: 24, color: '#c0392b' }}>{icon}</span>
      <span style={{ fontSize: 13, textAlign: 'center' }}>{label}</span>
    </Link>
  );
}

export default function MobileVolunteerPage() {
  const t = useT();
  const can = useCan();
  const canJoin = can('volunteer.join');
  const registration = useMyRegistration(canJoin);
  const confirmed = registration.data?.current?.status === 'confirmed';
  const week = useMyFiveOne(undefined, canJoin && confirmed);
  const hours = useMyHours(canJoin);
  const mine = useActivityList({ mine: true, page: 1, pageSize: 5 }, canJoin);

  return (
    <Flex vertical gap={12} data-testid="page-mobile-volunteer">
      <ListHeader
        title={t('volunteers.mobile.title')}
        totalText={null}
        refreshing={registration.isRefetching || mine.isRefetching}
        onRefresh={() => {
          void registration.refetch();
          void week.refetch();
          void hours.refetch();
          void mine.refetch();
        }}
      />
      {canJoin ? <RegistrationCard /> : null}
      {canJoin && confirmed ? (
        <Card
          size="small"
          title={t('volunteers.mobile.week')}
          extra={<Link to="/m/volunteer/five-one">{t('volunteers.mobile.details')}</Link>}
          data-testid="home-five-one"
        >
          {week.data ? (
            <Flex vertical gap={8}>
              <FiveOneMarks week={week.data} />
              <Typography.Text type="secondary" style={{ fontSize: 13, textAlign: 'center' }}>
                {t('volunteers.mobile.weekCount', { count: week.data.count })}
              </Typography.Text>
            </Flex>
          ) : week.isError ? (
            <Typography.Text type="secondary">{week.error.message}</Typography.Text>
          ) : (
            <Skeleton active paragraph={{ rows: 1 }} />
          )}
        </Card>
      ) : null}
      <Flex gap={8}>
        <Tile
          to="/m/volunteer/activities"
          icon={<CalendarOutlined />}
          label={t('volunteers.mobile.activities')}
          testId="volunteer-tile-activities"
        />
        {canJoin ? (
          <>
            <Tile
              to="/m/volunteer/scan"
              icon={<ScanOutlined />}
              label={t('volunteers.mobile.scan')}
              testId="volunteer-tile-scan"
            />
            <Tile
              to="/m/volunteer/hours"
              icon={<FieldTimeOutlined />}
              label={t('volunteers.mobile.hours')}
              testId="volunteer-tile-hours"
            />
            <Tile
              to="/m/volunteer/five-one"
              icon={<CheckSquareOutlined />}
              label={t('volunteers.mobile.fiveOne')}
              testId="volunteer-tile-five-one"
            />
          </>
        ) : null}
      </Flex>
      {canJoin && hours.data ? (
        <Card size="small" data-testid="home-hours">
          <Link to="/m/volunteer/hours" style={{ color: 'inherit' }}>
            <Flex justify="space-between" align="baseline" wrap gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="home-hours-confirmed">
                {t('volunteers.mobile.hoursTotal', { hours: hoursText(hours.data.confirmedMinutes) })}
              </Typography.Text>
              {hours.data.pendingMinutes > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('volunteers.mobile.hoursPending', { hours: hoursText(hours.data.pendingMinutes) })}
                </Typography.Text>
              ) : null}
            </Flex>
          </Link>
        </Card>
      ) : null}
      {canJoin ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('volunteers.mobile.myActivities')}
          </Typography.Title>
          {mine.isPending ? (
            <Skeleton active paragraph={{ rows: 3 }} />
          ) : mine.data && mine.data.items.length > 0 ? (
            mine.data.items.map((a) => <MobileActivityCard key={a.id} activity={a} canJoin={canJoin} />)
          ) : (
            <Empty description={t('volunteers.mobile.myActivitiesEmpty')} style={{ padding: '16px 0' }} />
          )}
        </>
      ) : null}
    </Flex>
  );
}
