// "Use my location": one GPS fix from the phone, shown as "located (± n m)" with a way to clear
// it; a refusal or failure is explained in plain words, and the community list / address remain.
import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { AimOutlined, CheckCircleFilled, CloseOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import type { DraftLocation } from '../api/public-draft';
import { LocateError, locate, type LocateFailure } from '../../../shared/geolocation';

export interface LocationButtonProps {
  value?: DraftLocation | null;
  onChange?: (location: DraftLocation | null) => void;
  id?: string;
}

export function LocationButton({ value, onChange, id }: LocationButtonProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LocateFailure | null>(null);

  const failureText: Record<LocateFailure, string> = {
    unsupported: t('public.report.locate.unsupported'),
    insecure: t('public.report.locate.insecure'),
    denied: t('public.report.locate.denied'),
    unavailable: t('public.report.locate.unavailable'),
    timeout: t('public.report.locate.timeout'),
  };

  const run = () => {
    setBusy(true);
    setFailure(null);
    locate().then(
      (location) => {
        setBusy(false);
        onChange?.(location);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error instanceof LocateError ? error.reason : 'unavailable');
      },
    );
  };

  return (
    <div id={id} data-testid="location">
      {value ? (
        <Flex align="center" gap={8} wrap style={{ minHeight: 40 }}>
          <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />
          <Typography.Text data-testid="location-done">
            {value.accuracy !== null
              ? t('public.report.locate.doneAccuracy', { m: value.accuracy })
              : t('public.report.locate.done')}
          </Typography.Text>
          <Button type="link" icon={<AimOutlined />} onClick={run} loading={busy} style={{ paddingInline: 4 }}>
            {t('public.report.locate.again')}
          </Button>
          <Button
            type="text"
            icon={<CloseOutlined />}
            onClick={() => onChange?.(null)}
            aria-label={t('public.report.locate.clear')}
            title={t('public.report.locate.clear')}
          />
        </Flex>
      ) : (
        <Button size="large" block icon={<AimOutlined />} loading={busy} onClick={run} data-testid="locate-button">
          {busy ? t('public.report.locate.busy') : t('public.report.locate.button')}
        </Button>
      )}
      {failure ? (
        <Typography.Text
          type="warning"
          style={{ display: 'block', marginTop: 4, fontSize: 13 }}
          data-testid="location-error"
        >
          {failureText[failure]}
        </Typography.Text>
      ) : null}
    </div>
  );
}
