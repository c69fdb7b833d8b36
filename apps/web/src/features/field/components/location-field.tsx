// "Where is it": one tap asks the phone for a GPS fix and shows how precise it is. When the
// position cannot be had (permission refused, no signal, plain HTTP) the message says why and what
// to do; the address field stays as the fallback.
import { useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { AimOutlined, CloseOutlined, EnvironmentFilled } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import type { DraftLocation } from '../api/report-draft';
import { isLocateError, locate, type LocateFailure } from '../../../shared/geolocation';

export interface LocationFieldProps {
  id?: string;
  value?: DraftLocation | null;
  onChange?: (location: DraftLocation | null) => void;
}

/** Beyond this radius the fix is shown as imprecise. */
const POOR_ACCURACY_M = 100;

export function LocationField({ id, value, onChange }: LocationFieldProps) {
  const t = useT();
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<LocateFailure | null>(null);

  const run = () => {
    setLocating(true);
    setFailure(null);
    locate().then(
      (location) => {
        setLocating(false);
        onChange?.(location);
      },
      (error: unknown) => {
        setLocating(false);
        setFailure(isLocateError(error) ? error.reason : 'unavailable');
      },
    );
  };

  return (
    <div id={id}>
      {value ? (
        <Flex
          align="center"
          gap={8}
          style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 8, padding: '8px 12px' }}
          data-testid="location-value"
        >
          <EnvironmentFilled style={{ color: '#52c41a', fontSize: 20 }} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong style={{ display: 'block' }}>
              {value.accuracy !== null
                ? t('field.location.accuracy', { meters: value.accuracy })
                : t('field.location.located')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {value.lat.toFixed(5)}, {value.lng.toFixed(5)}
            </Typography.Text>
          </div>
          <Button
            size="large"
            icon={<AimOutlined />}
            loading={locating}
            onClick={run}
            aria-label={t('field.location.again')}
          />
          <Button
            size="large"
            icon={<CloseOutlined />}
            onClick={() => onChange?.(null)}
            aria-label={t('field.location.clear')}
          />
        </Flex>
      ) : (
        <Button
          block
          size="large"
          icon={<AimOutlined />}
          loading={locating}
          onClick={run}
          style={{ height: 48 }}
          data-testid="locate-button"
        >
          {locating ? t('field.location.locating') : t('field.location.locate')}
        </Button>
      )}
      {value && value.accuracy !== null && value.accuracy > POOR_ACCURACY_M ? (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
          {t('field.location.poor')}
        </Typography.Text>
      ) : null}
      {failure ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={t(`field.location.error.${failure}`)}
          description={t('field.location.fallback')}
          data-testid="location-error"
        />
      ) : null}
    </div>
  );
}
