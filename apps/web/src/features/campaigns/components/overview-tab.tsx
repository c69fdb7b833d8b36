// 概览: the campaign's key figures (completion so far, plan completion, overdue, waiting for
// review), instances per status, progress by activity and by month, and the unit table — paged,
// searched and sorted on the server (lowest completion first by default) — with links into the
// ledger and the overdue list.
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Flex, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { TASK_DISPLAY_STATUSES } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { SearchBox } from '../../../shared/components/search-box';
import { PAGE_SIZE_OPTIONS } from '../../../shared/use-list-state';
import { useCampaignOverview } from '../api/campaigns-api';
import { UNIT_SORTS, type UnitSort } from '@cc/common/campaigns';
import type { CampaignDetail, UnitCompletion } from '../api/campaign-types';
import { DISPLAY_STATUS_COLORS, percentText } from '../api/ledger-format';
import { CompletionBar } from './campaign-tags';

const MonthChart = lazy(() => import('./month-chart'));

export function OverviewTab({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const [unitPage, setUnitPage] = useState(1);
  const [unitPageSize, setUnitPageSize] = useState(20);
  const [unitSort, setUnitSort] = useState<UnitSort>('percent_asc');
  const [unitQ, setUnitQ] = useState('');
  const query = useCampaignOverview(campaign.id, { unitPage, unitPageSize, unitSort, unitQ: unitQ || undefined });
  const overview = query.data;

  if (!overview) {
    return (
      <Card size="small">
        {query.isError ? (
          <Typography.Text type="danger">{query.error.message}</Typography.Text>
        ) : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )}
      </Card>
    );
  }
  const total = overview.total;
  const ledger = `/campaigns/${campaign.id}/ledger`;

  return (
    <Flex vertical gap={12} data-testid="campaign-overview">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('campaigns.overview.percent')}
              value={percentText(total.percent)}
              styles={{ content: { color: '#c0392b' } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('campaigns.overview.percentHint', { accepted: total.accepted, counted: total.counted })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('campaigns.overview.planPercent')} value={percentText(total.planPercent)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('campaigns.overview.planHint', { total: total.total })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('campaigns.overview.overdue')}
              value={total.overdue}
              styles={{ content: { color: total.overdue > 0 ? '#cf1322' : undefined } }}
            />
            <Link
              to={
                campaign.canManage
                  ? `/campaigns/overdue?campaignId=${campaign.id}`
                  : `/campaigns/my-tasks?view=overdue&campaignId=${campaign.id}`
              }
              data-testid="overview-overdue-link"
            >
              {t('campaigns.overview.toOverdue')}
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('campaigns.overview.submitted')} value={total.submitted} />
            <Link to={`${ledger}?state=submitted`}>
              {campaign.canManage ? t('campaigns.overview.toReview') : t('campaigns.overview.toSubmitted')}
            </Link>
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('campaigns.overview.byStatus')}>
        <Space size={8} wrap>
          {TASK_DISPLAY_STATUSES.map((s) => (
            <Tag key={s} color={DISPLAY_STATUS_COLORS[s]} data-testid={`status-count-${s}`}>
              {t(`campaigns.taskStatus.${s}`)} {overview.byStatus[s] ?? 0}
            </Tag>
          ))}
        </Space>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('campaigns.overview.byActivity')} style={{ height: '100%' }}>
            {overview.byActivity.length === 0 ? (
              <Typography.Text type="secondary">{t('campaigns.overview.noTasks')}</Typography.Text>
            ) : (
              <Flex vertical gap={10}>
                {overview.byActivity.map((a) => (
                  <div key={a.activityId ?? 'none'}>
                    <Flex justify="space-between" gap={8}>
                      {a.activityId ? (
                        <Link to={`${ledger}?activityId=${a.activityId}`}>{a.name}</Link>
                      ) : (
                        <Typography.Text>{t('campaigns.overview.noActivity')}</Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {t('campaigns.overview.counts', {
                          accepted: a.completion.accepted,
                          counted: a.completion.counted,
                          overdue: a.completion.overdue,
                        })}
                      </Typography.Text>
                    </Flex>
                    <CompletionBar completion={a.completion} width="100%" />
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('campaigns.overview.byMonth')} style={{ height: '100%' }}>
            <Suspense fallback={<Skeleton active />}>
              <MonthChart months={overview.byMonth} />
            </Suspense>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('campaigns.overview.byUnit')}
        extra={
          <Space wrap>
            <SearchBox
              placeholder={t('campaigns.overview.unitSearch')}
              testId="overview-unit-search"
              onSearch={(q) => {
                setUnitQ(q);
                setUnitPage(1);
              }}
            />
            <Select<UnitSort>
              value={unitSort}
              style={{ width: 160 }}
              onChange={(v) => {
                setUnitSort(v);
                setUnitPage(1);
              }}
              options={UNIT_SORTS.map((s) => ({ value: s, label: t(`campaigns.unitSort.${s}`) }))}
              data-testid="overview-unit-sort"
            />
          </Space>
        }
      >
        <Table<UnitCompletion>
          rowKey="unitId"
          size="small"
          dataSource={overview.units.items}
          loading={query.isFetching}
          pagination={{
            current: unitPage,
            pageSize: unitPageSize,
            total: overview.units.total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showTotal: (n) => t('list.total', { total: n }),
            size: 'small',
            onChange: (page, size) => {
              setUnitPage(size !== unitPageSize ? 1 : page);
              setUnitPageSize(size);
            },
          }}
          columns={[
            {
              title: t('campaigns.field.unit'),
              dataIndex: 'name',
              render: (name: string, u) => <Link to={`${ledger}?unitId=${u.unitId}`}>{name}</Link>,
            },
            {
              title: t('campaigns.field.completion'),
              key: 'completion',
              width: 220,
              render: (_v, u) => <CompletionBar completion={u.completion} width={200} />,
            },
            {
              title: t('campaigns.overview.planPercent'),
              key: 'plan',
              width: 110,
              align: 'right',
              render: (_v, u) => percentText(u.completion.planPercent),
            },
            {
              title: t('campaigns.overview.acceptedOfCounted'),
              key: 'accepted',
              width: 120,
              align: 'right',
              render: (_v, u) => `${u.completion.accepted} / ${u.completion.counted}`,
            },
            {
              title: t('campaigns.overview.submitted'),
              key: 'submitted',
              width: 90,
              align: 'right',
              render: (_v, u) => u.completion.submitted,
            },
            {
              title: t('campaigns.overview.overdue'),
              key: 'overdue',
              width: 80,
              align: 'right',
              render: (_v, u) =>
                u.completion.overdue > 0 ? <Tag color="red">{u.completion.overdue}</Tag> : u.completion.overdue,
            },
          ]}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('campaigns.overview.noUnits') }}
          data-testid="overview-units"
        />
      </Card>
    </Flex>
  );
}
