// 志愿活动 on the phone (/m/volunteer/activities): the activities from today on, or the ones I
// signed up for, each with sign up / cancel and the way to check in; more load as the list scrolls.
import { useMemo, useState } from 'react';
import { Empty, Flex, Segmented, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { LoadMore } from '../../../shared/mobile/load-more';
import { BackButton, ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';
import { useActivityFeed } from '../api/volunteers-api';
import { MobileActivityCard } from '../components/mobile-activity-card';

type View = 'all' | 'mine';

export default function MobileActivitiesPage() {
  const t = useT();
  const can = useCan();
  const canJoin = can('volunteer.join');
  const [view, setView] = useState<View>('all');
  const today = dayjs().format('YYYY-MM-DD');
  const params = useMemo(() => (view === 'mine' ? { mine: true } : { from: today }), [view, today]);
  const feed = useActivityFeed(params);
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const total = feed.data?.pages[0]?.total ?? 0;

  return (
    <Flex vertical gap={12} data-testid="page-mobile-activities">
      <BackButton fallback="/m/volunteer" />
      <ListHeader
        title={t('volunteers.mobileActivities.title')}
        totalText={feed.data ? t('volunteers.mobileActivities.total', { total }) : null}
        refreshing={feed.isRefetching}
        onRefresh={() => void feed.refetch()}
      />
      {canJoin ? (
        <Segmented<View>
          block
          size="large"
          value={view}
          onChange={setView}
          options={[
            { value: 'all', label: t('volunteers.mobileActivities.all') },
            { value: 'mine', label: t('volunteers.mobileActivities.mine') },
          ]}
          data-testid="activities-view"
        />
      ) : null}
      {feed.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : feed.isError && items.length === 0 ? (
        <LoadErrorAlert message={feed.error.message} onRetry={() => void feed.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          description={t(
            view === 'mine' ? 'volunteers.mobileActivities.emptyMine' : 'volunteers.mobileActivities.empty',
          )}
          style={{ padding: '32px 0' }}
        />
      ) : (
        <>
          {items.map((a) => (
            <MobileActivityCard key={a.id} activity={a} canJoin={canJoin} />
          ))}
          <LoadMore
            hasMore={!!feed.hasNextPage}
            loading={feed.isFetchingNextPage}
            onLoad={() => void feed.fetchNextPage()}
            shown={items.length}
            total={total}
          />
        </>
      )}
    </Flex>
  );
}
