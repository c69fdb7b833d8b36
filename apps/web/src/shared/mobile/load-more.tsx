// "Load more" at the end of a phone list: loads by itself when scrolled into view, with a button
// as the fallback (and for browsers without IntersectionObserver).
import { useEffect, useRef } from 'react';
import { Button, Typography } from 'antd';
import { useT } from '../../app/i18n/locale-provider';

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  shown: number;
  total: number;
}

export function LoadMore({ hasMore, loading, onLoad, shown, total }: LoadMoreProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const onLoadRef = useRef(onLoad);
  useEffect(() => {
    onLoadRef.current = onLoad;
  }, [onLoad]);

  useEffect(() => {
    const node = ref.current;
    if (!node || !hasMore || loading || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onLoadRef.current();
      },
      { rootMargin: '200px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  return (
    <div ref={ref} style={{ textAlign: 'center', padding: '8px 0 4px' }}>
      {hasMore ? (
        <Button block size="large" loading={loading} onClick={onLoad} data-testid="load-more">
          {t('mobileShared.list.loadMore')}
        </Button>
      ) : shown > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('mobileShared.list.end', { total })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
