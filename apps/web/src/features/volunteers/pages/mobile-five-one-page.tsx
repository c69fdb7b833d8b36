// 五个一 on the phone (/m/volunteer/five-one): this week's (or last week's) five items, each done
// or not with where it came from (an activity attended, a confirmed self-report) or a report still
// under review; an item not done can be self-reported with a photo taken on the spot and a note.
import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, Segmented, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { FiveOneItem } from '@cc/common/volunteers';
import { useT } from '../../../app/i18n/locale-provider';
import { isApiError } from '../../../app/api';
import { CameraCapture } from '../../../shared/mobile/camera-capture';
import { BackButton, LoadErrorAlert } from '../../../shared/mobile/page-parts';
import { useMyFiveOne, useMyRegistration, useReportFiveOne } from '../api/volunteers-api';
import { FiveOneMarks } from '../components/five-one-marks';

type Week = 'this' | 'last';

export default function MobileFiveOnePage() {
  const t = useT();
  const [week, setWeek] = useState<Week>('this');
  const day = week === 'this' ? undefined : dayjs().subtract(7, 'day').format('YYYY-MM-DD');
  const registration = useMyRegistration();
  const confirmed = registration.data?.current?.status === 'confirmed';
  const query = useMyFiveOne(day, confirmed);
  const [reporting, setReporting] = useState<FiveOneItem | null>(null);

  return (
    <Flex vertical gap={12} data-testid="page-mobile-five-one">
      <BackButton fallback="/m/volunteer" />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('volunteers.fiveOnePage.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
        {t('volunteers.fiveOnePage.intro')}
      </Typography.Paragraph>
      {registration.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : !confirmed ? (
        <Alert
          type="info"
          showIcon
          title={t('volunteers.fiveOnePage.notRegistered')}
          data-testid="five-one-not-registered"
        />
      ) : (
        <>
          <Segmented<Week>
            block
            size="large"
            value={week}
            onChange={setWeek}
            options={[
              { value: 'this', label: t('volunteers.fiveOnePage.thisWeek') },
              { value: 'last', label: t('volunteers.fiveOnePage.lastWeek') },
            ]}
          />
          {query.isPending ? (
            <Skeleton active paragraph={{ rows: 5 }} />
          ) : query.isError ? (
            <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
          ) : (
            <>
              <Card size="small">
                <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginBottom: 8 }}>
                  {t('volunteers.fiveOnePage.week', {
                    from: query.data.weekStart,
                    to: dayjs(query.data.weekStart).add(6, 'day').format('YYYY-MM-DD'),
                  })}
                  {' · '}
                  <span data-testid="five-one-count">
                    {t('volunteers.fiveOnePage.count', { count: query.data.count })}
                  </span>
                </Typography.Text>
                <FiveOneMarks week={query.data} />
              </Card>
              {query.data.items.map((entry) => (
                <Card
                  size="small"
                  key={entry.item}
                  data-testid="five-one-item"
                  data-item={entry.item}
                  data-done={entry.done}
                >
                  <Flex align="center" gap={10}>
                    <span
                      style={{
                        fontSize: 24,
                        color: entry.done ? '#389e0d' : entry.pendingReport ? '#d48806' : '#bfbfbf',
                      }}
                    >
                      {entry.done ? (
                        <CheckCircleFilled />
                      ) : entry.pendingReport ? (
                        <ClockCircleOutlined />
                      ) : (
                        <MinusCircleOutlined />
                      )}
                    </span>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <div style={{ fontSize: 16 }}>{t(`volunteers.fiveOne.${entry.item}`)}</div>
                      <Flex gap={4} wrap style={{ marginTop: 2 }}>
                        <Tag color={entry.done ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                          {entry.done ? t('volunteers.fiveOnePage.done') : t('volunteers.fiveOnePage.notDone')}
                        </Tag>
                        {entry.sources.map((s) => (
                          <Tag key={s} style={{ marginInlineEnd: 0 }} data-testid="five-one-source" data-source={s}>
                            {t(`volunteers.fiveOne.source.${s}`)}
                          </Tag>
                        ))}
                        {entry.pendingReport ? (
                          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                            {t('volunteers.fiveOnePage.pendingReport')}
                          </Tag>
                        ) : null}
                      </Flex>
                    </div>
                    {!entry.done && !entry.pendingReport ? (
                      <Button size="large" onClick={() => setReporting(entry.item)} data-testid="five-one-report">
                        {t('volunteers.fiveOnePage.report')}
                      </Button>
                    ) : null}
                  </Flex>
                </Card>
              ))}
            </>
          )}
        </>
      )}
      {reporting ? <ReportDrawer item={reporting} day={day} onClose={() => setReporting(null)} /> : null}
    </Flex>
  );
}

function ReportDrawer({ item, day, onClose }: { item: FiveOneItem; day: string | undefined; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportFiveOne();
  const [photos, setPhotos] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (photos.length === 0) {
      setError(t('volunteers.fiveOnePage.photoRequired'));
      return;
    }
    setError(null);
    report.mutate(
      { item, photo: photos[0], note: note.trim() || null, ...(day ? { day } : {}) },
      {
        onSuccess: () => {
          void message.success(t('volunteers.fiveOnePage.submitted'));
          onClose();
        },
        onError: (e) =>
          setError(
            isApiError(e) && e.status === 0 ? t('volunteers.scan.offline') : e instanceof Error ? e.message : String(e),
          ),
      },
    );
  };

  return (
    <Drawer
      open
      placement="bottom"
      size="auto"
      onClose={onClose}
      title={t('volunteers.fiveOnePage.reportTitle', { item: t(`volunteers.fiveOne.${item}`) })}
      destroyOnHidden
      data-testid="five-one-report-drawer"
    >
      <Form layout="vertical">
        <Form.Item label={t('volunteers.fiveOnePage.photo')} required>
          <CameraCapture
            value={photos}
            onChange={setPhotos}
            max={1}
            large
            onBusyChange={setBusy}
            inputTestId="five-one-photo"
          />
        </Form.Item>
        <Form.Item label={t('volunteers.fiveOnePage.note')}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
          />
        </Form.Item>
      </Form>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('volunteers.fiveOnePage.failed')}
          description={error}
          style={{ marginBottom: 12 }}
          data-testid="five-one-error"
        />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        loading={report.isPending}
        disabled={busy}
        onClick={submit}
        style={{ height: 52 }}
        data-testid="five-one-submit"
      >
        {busy ? t('mobileShared.photo.uploading') : t('volunteers.fiveOnePage.submit')}
      </Button>
    </Drawer>
  );
}
