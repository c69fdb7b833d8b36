// 我的上报: the caller's own reports as cards (status, category, time), newest first as the server
// sends them; tap opens the case.
import { Link } from 'react-router';
import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { CameraOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useReportedCases } from '../api/field-api';
import { CaseCard } from '../components/case-card';
import { LoadMore } from '../components/load-more';
import { useNow } from '../components/use-now';

export default function MyReportsPage() {
  const t = useT();
  const can = useCan();
  const now = useNow();
  const query = useReportedCases();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <Flex vertical gap={12} data-testid="page-field-reports">
      <Flex align="center" justify="space-between" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('field.reports.title')}
          {query.data ? (
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 6 }}>
              {t('field.list.total', { total })}
            </Typography.Text>
          ) : null}
        </Typography.Title>
        <Button
          size="large"
          icon={<ReloadOutlined spin={query.isRefetching} />}
          onClick={() => void query.refetch()}
          aria-label={t('field.list.refresh')}
          data-testid="refresh-button"
        />
      </Flex>
      {can('case.report') ? (
        <Link to="/m/report">
          <Button type="primary" size="large" block icon={<CameraOutlined />} style={{ height: 48 }}>
            {t('field.home.report')}
          </Button>
        </Link>
      ) : null}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError && items.length === 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('error.loadFailed')}
          description={query.error.message}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : items.length === 0 ? (
        <Empty description={t('field.reports.empty')} style={{ padding: '32px 0' }} />
      ) : (
        <>
          {items.map((item) => (
            <CaseCard key={item.id} item={item} now={now} />
          ))}
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoad={() => void query.fetchNextPage()}
            shown={items.length}
            total={total}
          />
        </>
      )}
    </Flex>
  );
}
