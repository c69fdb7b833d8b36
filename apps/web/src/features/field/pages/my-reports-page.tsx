// 我的上报: the caller's own reports as cards (status, category, time), newest first as the server
// sends them; tap opens the case.
import { Link } from 'react-router';
import { Button, Empty, Flex, Skeleton } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useReportedCases } from '../api/field-api';
import { CaseCard } from '../components/case-card';
import { LoadMore } from '../../../shared/mobile/load-more';
import { ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';
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
      <ListHeader
        title={t('field.reports.title')}
        totalText={query.data ? t('field.list.total', { total }) : null}
        refreshing={query.isRefetching}
        onRefresh={() => void query.refetch()}
      />
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
        <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
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
