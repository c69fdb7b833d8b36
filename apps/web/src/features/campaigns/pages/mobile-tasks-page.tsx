// 我的任务 on the phone (/m/tasks): the unit's task instances as cards — status, due / overdue
// chip, content, campaign and period — what is still to report first, then by due date; views
// "待办 / 待审核 / 全部" kept in the URL so "back" returns to the same list; refresh and "load more".
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { LoadMore } from '../../../shared/mobile/load-more';
import { enumParam } from '../../../shared/url-params';
import { useInstancePages } from '../api/ledger-api';
import type { InstanceListItem } from '../api/campaign-types';
import { viewQuery } from '../api/list-params';
import { byUrgency } from '../api/ledger-format';
import { DueTag, InstanceStatusTag } from '../components/campaign-tags';
import { ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';

const PHONE_VIEWS = ['open', 'submitted', 'all'] as const;
type PhoneView = (typeof PHONE_VIEWS)[number];

export default function MobileTasksPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const view: PhoneView = enumParam(search.get('view'), PHONE_VIEWS) ?? 'open';
  const params = useMemo(() => viewQuery(view), [view]);
  const query = useInstancePages(params);
  const total = query.data?.pages[0]?.total ?? 0;
  const items = useMemo(() => {
    const all = query.data?.pages.flatMap((p) => p.items) ?? [];
    // The same instance can show up on two pages when the list moves under us.
    return [...new Map(all.map((i) => [i.id, i])).values()].sort(byUrgency);
  }, [query.data]);

  return (
    <Flex vertical gap={12} data-testid="page-mobile-tasks">
      <ListHeader
        title={t('campaigns.mobile.title')}
        totalText={query.data ? t('campaigns.mobile.total', { total }) : null}
        refreshing={query.isRefetching && !query.isFetchingNextPage}
        onRefresh={() => void query.refetch()}
      />
      <Segmented<PhoneView>
        block
        size="large"
        value={view}
        onChange={(next) => setSearch(next === 'open' ? {} : { view: next }, { replace: true })}
        options={PHONE_VIEWS.map((v) => ({ value: v, label: t(`campaigns.mobile.view.${v}`) }))}
        data-testid="mobile-tasks-view"
      />
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError && items.length === 0 ? (
        <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t(`campaigns.myTasks.empty.${view}`)} style={{ padding: '32px 0' }} />
      ) : (
        <>
          {items.map((item) => (
            <TaskCard key={item.id} item={item} />
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

function TaskCard({ item }: { item: InstanceListItem }) {
  const late = item.displayStatus === 'overdue';
  return (
    <Link
      to={`/m/tasks/${item.id}`}
      data-testid="task-card"
      data-instance-id={item.id}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        minHeight: 72,
        padding: 12,
        background: '#fff',
        borderRadius: 8,
        borderInlineStart: `4px solid ${late ? '#cf1322' : 'transparent'}`,
        color: 'inherit',
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <InstanceStatusTag status={item.displayStatus} />
          <DueTag item={item} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.label}
          </Typography.Text>
        </Flex>
        <div
          style={{
            marginTop: 6,
            fontSize: 16,
            lineHeight: 1.4,
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            overflowWrap: 'anywhere',
          }}
        >
          {item.content}
        </div>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
          {item.campaignName} · {item.dueOn}
        </Typography.Text>
      </div>
      <RightOutlined style={{ color: '#bbb', flex: 'none' }} />
    </Link>
  );
}
