// 我的服务时长 on the phone (/m/volunteer/hours): confirmed and pending hours and the number of
// activities, then each attendance — activity, stay, family along, computed and confirmed minutes,
// status, and the reason when it was recorded by hand; and the hours certificate for a period.
import { Card, Empty, Flex, Skeleton, Statistic, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { BackButton, ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';
import { hoursText } from '../api/volunteer-format';
import { useMyHours } from '../api/volunteers-api';
import { CertificateButton } from '../components/certificate-button';
import { AttendanceStatusTag } from '../components/volunteer-tags';

export default function MobileHoursPage() {
  const t = useT();
  const query = useMyHours();
  const data = query.data;

  return (
    <Flex vertical gap={12} data-testid="page-mobile-hours">
      <BackButton fallback="/m/volunteer" />
      <ListHeader
        title={t('volunteers.hoursPage.title')}
        totalText={null}
        refreshing={query.isRefetching}
        onRefresh={() => void query.refetch()}
      />
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !data ? (
        <LoadErrorAlert message={query.error?.message ?? ''} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Card size="small">
            <Flex justify="space-around" gap={8}>
              <Statistic
                title={t('volunteers.hoursPage.confirmed')}
                value={hoursText(data.confirmedMinutes)}
                styles={{ content: { color: '#c0392b' } }}
                data-testid="hours-confirmed"
              />
              <Statistic
                title={t('volunteers.hoursPage.pending')}
                value={hoursText(data.pendingMinutes)}
                data-testid="hours-pending"
              />
              <Statistic title={t('volunteers.hoursPage.activities')} value={data.activities} />
            </Flex>
          </Card>
          <CertificateButton />
          {data.items.length === 0 ? (
            <Empty description={t('volunteers.hoursPage.empty')} style={{ padding: '32px 0' }} />
          ) : (
            data.items.map((a) => (
              <Card size="small" key={a.id} data-testid="hours-item" data-status={a.status}>
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <div style={{ fontSize: 16, lineHeight: 1.4, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {a.activity.title}
                  </div>
                  <AttendanceStatusTag status={a.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t('volunteers.hoursPage.stay', {
                    from: formatDateTime(a.checkInAt),
                    to: a.checkOutAt ? formatDateTime(a.checkOutAt).slice(-5) : '…',
                  })}
                </Typography.Text>
                {a.family.length > 0 ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t('volunteers.hoursPage.family', {
                      names: a.family.map((f) => `${f.name}（${f.relation}）`).join('、'),
                    })}
                  </Typography.Text>
                ) : null}
                {a.manualReason ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t('volunteers.hoursPage.manual', { reason: a.manualReason })}
                  </Typography.Text>
                ) : null}
                <Typography.Text
                  style={{ display: 'block', fontSize: 14, marginTop: 2 }}
                  data-testid="hours-item-minutes"
                >
                  {a.confirmedMinutes !== null
                    ? t('volunteers.hoursPage.confirmedMinutes', { minutes: a.confirmedMinutes })
                    : a.minutes !== null
                      ? t('volunteers.hoursPage.computedMinutes', { minutes: a.minutes })
                      : null}
                </Typography.Text>
              </Card>
            ))
          )}
        </>
      )}
    </Flex>
  );
}
