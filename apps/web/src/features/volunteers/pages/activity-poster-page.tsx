// The printable poster of an activity (/volunteer/activities/:id/poster): title, type, time,
// place, organiser, a large QR code valid until two hours after the end, and the geofence hint;
// the print button is not printed.
import { useParams } from 'react-router';
import { Button, Result, Skeleton, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { routeId } from '../../../shared/url-params';
import { useActivity } from '../api/volunteers-api';
import { ActivityQr } from '../components/activity-qr';
import { timeRangeText } from '../components/mobile-activity-card';

export default function ActivityPosterPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useActivity(id);
  if (id === null || query.isError) return <Result status="404" title={t('volunteers.activities.notFound')} />;
  if (!query.data) return <Skeleton active style={{ padding: 24 }} />;
  const a = query.data;
  return (
    <div
      data-testid="page-activity-poster"
      style={{
        maxWidth: 720,
        margin: '0 auto',
        padding: 32,
        textAlign: 'center',
        background: '#fff',
        minHeight: '100vh',
      }}
    >
      <style>{'@media print { .cc-no-print { display: none !important; } @page { margin: 16mm; } }'}</style>
      <div className="cc-no-print" style={{ textAlign: 'right' }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('volunteers.qr.print')}
        </Button>
      </div>
      <div style={{ borderTop: '8px solid #c0392b', paddingTop: 24, marginTop: 8 }}>
        <Typography.Text style={{ fontSize: 16, color: '#c0392b' }}>{a.type.name}</Typography.Text>
        <Typography.Title level={2} style={{ color: '#c0392b', marginTop: 4 }}>
          {a.title}
        </Typography.Title>
        <Typography.Title level={4} style={{ fontWeight: 'normal', margin: '4px 0' }}>
          {timeRangeText(a.startsAt, a.endsAt)}
        </Typography.Title>
        <Typography.Title level={4} style={{ fontWeight: 'normal', margin: '4px 0' }}>
          {a.place}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{a.organiserUnit?.name ?? a.organiserName}</Typography.Paragraph>
        {a.description ? (
          <Typography.Paragraph style={{ fontSize: 15, textAlign: 'left', whiteSpace: 'pre-wrap' }}>
            {a.description}
          </Typography.Paragraph>
        ) : null}
        {a.status === 'cancelled' ? (
          <Result status="warning" title={t('volunteers.qr.cancelledHint')} />
        ) : (
          <>
            <div style={{ margin: '24px auto' }}>
              <ActivityQr activityId={a.id} size={320} />
            </div>
            <Typography.Title level={4}>{t('volunteers.qr.posterScan')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('volunteers.qr.hint', { radius: a.radiusM })}
            </Typography.Paragraph>
          </>
        )}
      </div>
    </div>
  );
}
