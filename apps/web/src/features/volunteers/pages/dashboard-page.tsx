// 社区看板 (/volunteer/dashboard): the office's week at a glance — registered members (new this
// week), registrations awaiting the community, members not registered, the week's activities, the
// 五个一 rate and who did nothing, each figure leading to the page that acts on it; the five items
// as bars, the rate of the last 8 weeks as a line (ECharts, lazy) and the week's activities.
// Community and week live in the URL.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { DASHBOARD_CODEC } from '../api/list-params';
import { ratePercent } from '../api/volunteer-format';
import type { Dashboard, DashboardActivity } from '../api/volunteer-types';
import { useVolunteerDashboard } from '../api/volunteers-api';
import { activityColumns } from '../components/activity-columns';
import { CommunitySelect } from '../components/community-select';
import { useNow } from '../components/use-now';

const DashboardTrendChart = lazy(() => import('../components/dashboard-trend-chart'));

/** A desk URL with the filters that are set. */
function href(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function Figure({
  testId,
  title,
  value,
  suffix,
  note,
  to,
  linkText,
}: {
  testId: string;
  title: string;
  value: number | null;
  suffix?: string;
  note?: ReactNode;
  to?: string;
  linkText?: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId} data-value={value ?? ''}>
      <Statistic title={title} value={value ?? '—'} suffix={value === null ? undefined : suffix} />
      <Flex justify="space-between" wrap gap={4} style={{ minHeight: 22 }}>
        <Typography.Text type="secondary">{note}</Typography.Text>
        {to ? (
          <Link to={to} data-testid={`${testId}-link`}>
            {linkText}
          </Link>
        ) : null}
      </Flex>
    </Card>
  );
}

export default function DashboardPage() {
  const t = useT();
  const { state, update, filterParams } = useUrlListState(DASHBOARD_CODEC);
  const query = useVolunteerDashboard(filterParams);
  const data = query.data;
  const { communityId } = state;

  return (
    <Flex vertical gap={12} data-testid="page-volunteer-dashboard">
      <Card size="small" title={t('volunteers.dashboard.title')}>
        <ListToolbar
          filters={
            <>
              <CommunitySelect
                width={220}
                value={communityId}
                onChange={(id) => update({ communityId: id })}
                placeholder={t('volunteers.dashboard.allCommunities')}
                testId="filter-community"
              />
              <DatePicker
                picker="week"
                value={state.day ? dayjs(state.day) : data ? dayjs(data.weekStart) : null}
                onChange={(d) => update({ day: d ? d.format('YYYY-MM-DD') : undefined })}
                allowClear={!!state.day}
                data-testid="filter-week"
              />
              {data ? (
                <Typography.Text type="secondary" data-testid="dashboard-range">
                  {t('volunteers.dashboard.range', { from: data.weekStart, to: data.weekEnd })}
                </Typography.Text>
              ) : null}
            </>
          }
        />
        {query.isError ? (
          <Alert
            type="error"
            showIcon
            title={query.error.message}
            action={
              <Button size="small" onClick={() => void query.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : data ? (
          <Figures data={data} communityId={communityId} />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
      {data ? <Details data={data} communityId={communityId} /> : null}
    </Flex>
  );
}

function Figures({ data, communityId }: { data: Dashboard; communityId?: number }) {
  const t = useT();
  const { registrations: reg, activities, fiveOne } = data;
  const rate = ratePercent(fiveOne.rate);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="dashboard-registered"
          title={t('volunteers.dashboard.registered')}
          value={reg.confirmed}
          note={t('volunteers.dashboard.newThisWeek', { count: reg.newThisWeek })}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="dashboard-pending"
          title={t('volunteers.dashboard.pending')}
          value={reg.pending}
          to={href('/volunteer/registrations', { status: 'pending', communityId })}
          linkText={t('volunteers.dashboard.review')}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="dashboard-unregistered"
          title={t('volunteers.dashboard.unregistered')}
          value={data.unregistered}
          to={href('/volunteer/registrations', { tab: 'unregistered', communityId })}
          linkText={t('volunteers.dashboard.view')}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="dashboard-activities"
          title={t('volunteers.dashboard.activities')}
          value={activities.count}
          note={
            activities.cancelled > 0 ? t('volunteers.dashboard.cancelled', { count: activities.cancelled }) : undefined
          }
          to={href('/volunteer/activities', { from: data.weekStart, to: data.weekEnd, communityId })}
          linkText={t('volunteers.dashboard.view')}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="dashboard-rate"
          title={t('volunteers.dashboard.rate')}
          value={rate}
          suffix="%"
          note={t('volunteers.dashboard.fullMembers', { count: fiveOne.fullMembers })}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="dashboard-idle"
          title={t('volunteers.dashboard.idle')}
          value={fiveOne.idleMembers}
          note={t('volunteers.dashboard.ofMembers', { count: fiveOne.members })}
          to={href('/volunteer/five-one/compliance', { day: data.weekStart, communityId })}
          linkText={t('volunteers.dashboard.view')}
        />
      </Col>
    </Row>
  );
}

function Details({ data, communityId }: { data: Dashboard; communityId?: number }) {
  const t = useT();
  const now = useNow();
  const { fiveOne, activities } = data;

  const columns = activityColumns<DashboardActivity>(t, now);

  return (
    <>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('volunteers.dashboard.itemsTitle')}
            style={{ height: '100%' }}
            data-testid="dashboard-items"
          >
            <Flex vertical gap={8}>
              {fiveOne.items.map(({ item, members }) => {
                const percent = fiveOne.members > 0 ? Math.round((members / fiveOne.members) * 1000) / 10 : 0;
                return (
                  <div key={item} data-testid={`dashboard-item-${item}`} data-value={members}>
                    <Flex justify="space-between">
                      <Typography.Text>{t(`volunteers.fiveOne.${item}`)}</Typography.Text>
                      <Typography.Text type="secondary">
                        {t('volunteers.dashboard.itemMembers', { count: members, members: fiveOne.members })}
                      </Typography.Text>
                    </Flex>
                    <Progress percent={percent} size="small" strokeColor="#c0392b" />
                  </div>
                );
              })}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t('volunteers.dashboard.trendTitle')}
            style={{ height: '100%' }}
            data-testid="dashboard-trend"
          >
            <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
              <DashboardTrendChart weeks={data.trend} members={fiveOne.members} />
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('volunteers.dashboard.activitiesTitle')}
        extra={
          activities.count > activities.items.length ? (
            <Link to={href('/volunteer/activities', { from: data.weekStart, to: data.weekEnd, communityId })}>
              {t('volunteers.dashboard.allActivities', { count: activities.count })}
            </Link>
          ) : null
        }
      >
        <Table<DashboardActivity>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={activities.items}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('volunteers.dashboard.activitiesEmpty') }}
          data-testid="dashboard-activities-table"
        />
      </Card>
    </>
  );
}
