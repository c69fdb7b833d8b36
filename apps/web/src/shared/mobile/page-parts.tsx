// Small pieces every phone page repeats: the "back" link (history, or a fallback page when the
// page was opened directly), the refresh button, a list's title bar with its count and refresh,
// the load-failure alert with a retry, the body of a one-record page while it loads, the action
// bar kept at the thumb's reach above the tab bar, and why a submission did not go through.
import type { CSSProperties, ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { LeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/locale-provider';

export function BackButton({ fallback }: { fallback: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      icon={<LeftOutlined />}
      onClick={() => (window.history.length > 1 ? void navigate(-1) : void navigate(fallback))}
      style={{ alignSelf: 'flex-start', paddingInline: 0, height: 36 }}
    >
      {t('common.back')}
    </Button>
  );
}

export function RefreshButton({
  spinning,
  onClick,
  large = false,
}: {
  spinning: boolean;
  onClick: () => void;
  large?: boolean;
}) {
  const t = useT();
  return (
    <Button
      size={large ? 'large' : 'middle'}
      icon={<ReloadOutlined spin={spinning} />}
      onClick={onClick}
      aria-label={t('mobileShared.refresh')}
      data-testid="refresh-button"
    />
  );
}

export function LoadErrorAlert({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.loadFailed')}
      description={message}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** A list's title with "共 N 件" (once loaded) and the refresh button. */
export function ListHeader({
  title,
  totalText,
  refreshing,
  onRefresh,
}: {
  title: string;
  /** Null while the first page is loading. */
  totalText: string | null;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
        {totalText !== null ? (
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 6 }}>
            {totalText}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <RefreshButton large spinning={refreshing} onClick={onRefresh} />
    </Flex>
  );
}

/** One record's page body: not found, loading, failed (with retry), or the record itself. */
export function RecordBody({
  notFound,
  notFoundTitle,
  pending,
  error,
  onRetry,
  children,
}: {
  notFound: boolean;
  notFoundTitle: string;
  pending: boolean;
  error: Error | null;
  onRetry: () => void;
  children: () => ReactNode;
}) {
  if (notFound) return <Result status="404" title={notFoundTitle} />;
  if (pending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error) return <LoadErrorAlert message={error.message} onRetry={onRetry} />;
  return <>{children()}</>;
}

/** Height of the phone shell's bottom tab bar (mobile-layout.tsx). */
export const TAB_BAR_HEIGHT = 56;

/** The page's main buttons, stuck to the bottom of the screen just above the tab bar. */
export function StickyActionBar({
  children,
  testId,
  padding = '10px 12px',
}: {
  children: ReactNode;
  testId?: string;
  padding?: CSSProperties['padding'];
}) {
  return (
    <div
      style={{
        position: 'sticky',
        bottom: `calc(${TAB_BAR_HEIGHT}px + env(safe-area-inset-bottom))`,
        zIndex: 5,
        marginInline: -12,
        padding,
        background: '#fff',
        boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
      }}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

/** Why a submission from the phone failed: no connection, no answer in time, or the server said no. */
export type SubmitFailure = { kind: 'offline' | 'timeout' } | { kind: 'error'; text: string };

/**
 * The failure of a submission: a warning (the entry is kept, a retry is safe) when the connection
 * failed or the answer did not come, an error with the server's words when it refused.
 */
export function SubmitFailureAlert({
  failure,
  texts,
  testId,
}: {
  failure: SubmitFailure | null;
  texts: { offline: string; timeout: string; failed: string; retrySafe: string };
  testId: string;
}) {
  if (!failure) return null;
  return (
    <Alert
      type={failure.kind === 'error' ? 'error' : 'warning'}
      showIcon
      title={failure.kind === 'timeout' ? texts.timeout : failure.kind === 'offline' ? texts.offline : texts.failed}
      description={failure.kind === 'error' ? failure.text : texts.retrySafe}
      data-testid={testId}
    />
  );
}
