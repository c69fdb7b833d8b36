// The activity's check-in QR code: fetched from the server (a signed token with an expiry), drawn
// in the browser as the scan link (the `qrcode` package; nothing else is fetched), and fetched
// anew a minute before it expires so a screen left on at the venue keeps working.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Alert, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { qrRefreshDelay, scanUrl } from '../api/volunteer-format';
import { useActivityQr } from '../api/volunteers-api';

export function useQrDataUrl(text: string | null, width: number): string | null {
  const [url, setUrl] = useState<{ text: string; width: number; data: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let alive = true;
    QRCode.toDataURL(text, { width, margin: 1, errorCorrectionLevel: 'M' })
      .then((data) => {
        if (alive) setUrl({ text, width, data });
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [text, width]);
  return url && url.text === text && url.width === width ? url.data : null;
}

/** The current code of an activity, renewed before it expires. */
export function useLiveQr(activityId: number, validMinutes: number | null, enabled = true) {
  const query = useActivityQr(activityId, validMinutes, enabled);
  const { refetch } = query;
  const expiresAt = query.data?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = window.setTimeout(() => void refetch(), qrRefreshDelay(expiresAt, Date.now()));
    return () => window.clearTimeout(timer);
  }, [expiresAt, refetch]);
  return query;
}

export function ActivityQr({
  activityId,
  size,
  validMinutes = null,
  showCode = false,
  enabled = true,
}: {
  activityId: number;
  size: number;
  /** Null: the server's default (until two hours after the end), e.g. for a printed poster. */
  validMinutes?: number | null;
  showCode?: boolean;
  enabled?: boolean;
}) {
  const t = useT();
  const qr = useLiveQr(activityId, validMinutes, enabled);
  const link = qr.data ? scanUrl(window.location.origin, qr.data.token) : null;
  const data = useQrDataUrl(link, size * 2);
  if (qr.isError) return <Alert type="error" showIcon title={qr.error.message} />;
  return (
    <div style={{ textAlign: 'center' }}>
      {data ? (
        <img
          src={data}
          width={size}
          height={size}
          alt={t('volunteers.qr.alt')}
          data-testid="activity-qr"
          data-token={qr.data?.token}
          style={{ imageRendering: 'pixelated', maxWidth: '100%', height: 'auto' }}
        />
      ) : (
        <Skeleton.Image active style={{ width: size, height: size }} />
      )}
      {qr.data ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('volunteers.qr.expiresAt', { time: formatDateTime(qr.data.expiresAt) })}
        </Typography.Paragraph>
      ) : null}
      {showCode && qr.data ? (
        <Typography.Paragraph
          copyable={{ text: qr.data.token }}
          style={{ fontSize: 12, wordBreak: 'break-all', marginBottom: 0 }}
          data-testid="activity-qr-token"
        >
          {t('volunteers.qr.code')}: {qr.data.token}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
