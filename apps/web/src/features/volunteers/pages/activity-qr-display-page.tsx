// The activity's check-in code shown full screen at the venue (/volunteer/activities/:id/display):
// title, time and place, a QR code as large as the screen allows, valid for a short while and
// renewed before it expires (a photo of it soon stops working), and the geofence hint.
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Result, Skeleton, Typography } from 'antd';
import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { routeId } from '../../../shared/url-params';
import { useActivity } from '../api/volunteers-api';
import { ActivityQr } from '../components/activity-qr';
import { timeRangeText } from '../components/mobile-activity-card';

/** Short-lived codes on a screen; the poster uses the long default. */
const DISPLAY_VALID_MINUTES = 10;

function useQrSide(): number {
  const measure = () => Math.max(160, Math.min(window.innerWidth - 48, window.innerHeight - 260, 720));
  const [side, setSide] = useState(measure);
  useEffect(() => {
    const onResize = () => setSide(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return side;
}

export default function ActivityQrDisplayPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = routeId(useParams().id);
  const query = useActivity(id);
  const side = useQrSide();
  if (id === null || query.isError) return <Result status="404" title={t('volunteers.activities.notFound')} />;
  if (!query.data) return <Skeleton active style={{ padding: 24 }} />;
  const a = query.data;
  return (
    <div
      data-testid="page-activity-qr-display"
      style={{ minHeight: '100vh', background: '#fff', padding: 16, textAlign: 'center', position: 'relative' }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12, display: 'flex', gap: 8 }}>
        {document.fullscreenEnabled ? (
          <Button
            icon={<FullscreenOutlined />}
            onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
            aria-label={t('volunteers.qr.fullScreen')}
          />
        ) : null}
        <Button
          icon={<CloseOutlined />}
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
            void navigate(`/volunteer/activities/${a.id}/qr`);
          }}
        >
          {t('volunteers.qr.exit')}
        </Button>
      </div>
      <Typography.Title level={2} style={{ color: '#c0392b', marginTop: 40, marginBottom: 4 }}>
        {a.title}
      </Typography.Title>
      <Typography.Title level={4} style={{ marginTop: 0, fontWeight: 'normal' }}>
        {timeRangeText(a.startsAt, a.endsAt)} · {a.place}
      </Typography.Title>
      {a.status === 'cancelled' ? (
        <Result status="warning" title={t('volunteers.qr.cancelledHint')} />
      ) : (
        <>
          <ActivityQr activityId={a.id} size={side} validMinutes={DISPLAY_VALID_MINUTES} />
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            {t('volunteers.qr.posterScan')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('volunteers.qr.hint', { radius: a.radiusM })} · {t('volunteers.qr.refreshing')}
          </Typography.Text>
        </>
      )}
    </div>
  );
}
