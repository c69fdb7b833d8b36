// The work list on a phone. Unit staff (case.handle) see their unit's working cases, most urgent
// first, with the time left; verifiers (case.verify) see handled cases waiting for a check on
// site. Someone with both switches with a segmented control. Cards, a refresh button and
// "load more".
import { useMemo, useState } from 'react';
import { Alert, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { QueryParams } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { useMe } from '../../../app/auth/use-me';
import { byDeadline } from '../api/field-format';
import { useFieldCases } from '../api/field-api';
import { CaseCard } from '../components/case-card';
import { LoadMore } from '../../../shared/mobile/load-more';
import { useNow } from '../components/use-now';
import { ListHeader, LoadErrorAlert } from '../../../shared/mobile/page-parts';

type Mode = 'handle' | 'verify';

const HANDLE_STATUSES = 'dispatched,accepted,rework';
const VERIFY_STATUSES = 'handled';

export default function FieldCasesPage() {
  const t = useT();
  const me = useMe();
  const now = useNow();
  const canHandle = me.permissions.includes('case.handle');
  const canVerify = me.permissions.includes('case.verify');
  const modes: Mode[] = [...(canHandle ? ['handle' as const] : []), ...(canVerify ? ['verify' as const] : [])];
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('mode');
  const [mode, setModeState] = useState<Mode | null>(() =>
    modes.includes(requested as Mode) ? (requested as Mode) : (modes[0] ?? null),
  );
  const setMode = (next: Mode) => {
    setModeState(next);
    // Kept in the URL so "back" from a case returns to the same list.
    setSearchParams({ mode: next }, { replace: true });
  };

  const params = useMemo<QueryParams>(
    () =>
      mode === 'handle' ? { status: HANDLE_STATUSES, unitId: me.unitId ?? undefined } : { status: VERIFY_STATUSES },
    [mode, me.unitId],
  );
  const query = useFieldCases(params, mode !== null);
  const total = query.data?.pages[0]?.total ?? 0;
  const items = useMemo(() => {
    const all = query.data?.pages.flatMap((p) => p.items) ?? [];
    // The same case can show up on two pages when the list moves under us.
    const unique = [...new Map(all.map((i) => [i.id, i])).values()];
    return mode === 'handle' ? unique.sort(byDeadline) : unique;
  }, [query.data, mode]);

  if (mode === null) {
    return (
      <Flex vertical gap={12} data-testid="page-field-cases">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('field.cases.title')}
        </Typography.Title>
        <Alert type="info" showIcon icon={<DesktopOutlined />} title={t('field.cases.useDesktop')} />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} data-testid="page-field-cases">
      <ListHeader
        title={t('field.cases.title')}
        totalText={query.data ? t('field.list.total', { total }) : null}
        refreshing={query.isRefetching && !query.isFetchingNextPage}
        onRefresh={() => void query.refetch()}
      />
      {modes.length > 1 ? (
        <Segmented<Mode>
          block
          size="large"
          value={mode}
          onChange={setMode}
          options={modes.map((m) => ({ value: m, label: t(`field.cases.mode.${m}`) }))}
          data-testid="cases-mode"
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t(`field.cases.hint.${mode}`)}
      </Typography.Text>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.isError && items.length === 0 ? (
        <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t(`field.cases.empty.${mode}`)} style={{ padding: '32px 0' }} />
      ) : (
        <>
          {items.map((item) => (
            <CaseCard key={item.id} item={item} now={now} showDeadline={mode === 'handle'} />
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
