// What a detail page shows before it has its record: not found (404, or a malformed id) with a way
// back to the list, a load failure with retry, or a skeleton while loading. Each carries the
// page's test id, so tests find the page whatever state it is in. RecordPage picks among them
// for a record's query and renders the record once it is there.
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../app/api';
import { Button, Card, Result, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/locale-provider';

export function PageNotFound({
  testId,
  title,
  hint,
  backTo,
  backText,
}: {
  testId: string;
  title: string;
  hint?: string;
  backTo: string;
  backText: string;
}) {
  const navigate = useNavigate();
  return (
    <Card size="small" data-testid={testId}>
      <Result
        status="404"
        title={title}
        subTitle={hint}
        extra={<Button onClick={() => void navigate(backTo)}>{backText}</Button>}
      />
    </Card>
  );
}

export function PageLoadFailed({ testId, message, onRetry }: { testId: string; message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Card size="small" data-testid={testId}>
      <Result
        status="error"
        title={t('error.loadFailed')}
        subTitle={message}
        extra={
          <Button icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </Card>
  );
}

export function PageLoading({ testId }: { testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Skeleton active paragraph={{ rows: 10 }} />
    </Card>
  );
}

/** A detail page's body: not found (bad id or 404), failed, loading, or the record. */
export function RecordPage<T>({
  id,
  query,
  testId,
  notFoundTitle,
  notFoundHint,
  backTo,
  backText,
  children,
}: {
  /** The route's id; null when it is not a valid one. */
  id: number | null;
  query: UseQueryResult<T>;
  testId: string;
  notFoundTitle: string;
  notFoundHint?: string;
  backTo: string;
  backText: string;
  children: (record: T) => ReactNode;
}) {
  if (id === null || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <PageNotFound testId={testId} title={notFoundTitle} hint={notFoundHint} backTo={backTo} backText={backText} />
    );
  }
  if (query.isError && query.data === undefined) {
    return <PageLoadFailed testId={testId} message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (query.data === undefined) return <PageLoading testId={testId} />;
  return <>{children(query.data)}</>;
}
