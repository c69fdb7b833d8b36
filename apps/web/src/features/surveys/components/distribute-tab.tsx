// 发放: the public answering link — optionally fixing the respondent group and the region (a
// community, or a street or district whose communities the respondent picks from) — its QR code
// with a PNG download, and the printable poster.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Flex, Form, Select, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { publicSurveyUrl } from '../api/question-draft';
import type { SurveyDetail } from '../api/survey-types';
import { SurveyQr, useQrDataUrl } from './survey-qr';

export function DistributeTab({ survey }: { survey: SurveyDetail }) {
  const t = useT();
  const [v, setV] = useState<number | undefined>(undefined);
  const [r, setR] = useState<number | null>(null);
  const url = publicSurveyUrl(window.location.origin, survey.token, { v, r: r ?? undefined });
  const png = useQrDataUrl(url, 1024);
  const poster = `/surveys/${survey.id}/poster${v || r ? `?${new URLSearchParams({ ...(v ? { v: String(v) } : {}), ...(r ? { r: String(r) } : {}) })}` : ''}`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="distribute-tab">
      {survey.status === 'draft' ? <Alert type="warning" showIcon title={t('surveys.distribute.notOpen')} /> : null}
      <Flex gap={16} wrap align="flex-start">
        <Card size="small" title={t('surveys.distribute.link')} style={{ flex: '1 1 360px' }}>
          <Form layout="vertical">
            <Form.Item label={t('surveys.distribute.fixGroup')}>
              <Select<number>
                allowClear
                placeholder={t('surveys.distribute.any')}
                value={v}
                onChange={(value) => setV(value ?? undefined)}
                options={survey.versions.map((x) => ({ value: x.id, label: t(`surveys.group.${x.group}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('surveys.distribute.fixRegion')}>
              <RegionTreeSelect
                value={r}
                onChange={setR}
                placeholder={t('surveys.distribute.any')}
                selectableLevels={['district', 'street', 'community']}
              />
            </Form.Item>
          </Form>
          <Typography.Paragraph copyable={{ text: url }} style={{ wordBreak: 'break-all' }} data-testid="survey-link">
            <a href={url} target="_blank" rel="noreferrer">
              {url}
            </a>
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={t('surveys.distribute.qr')} style={{ width: 260 }}>
          <Flex vertical align="center" gap={8}>
            <SurveyQr text={url} size={200} alt={t('surveys.distribute.qr')} />
            <Button
              icon={<DownloadOutlined />}
              disabled={!png}
              href={png ?? undefined}
              download={`${survey.title}.png`}
              data-testid="qr-download"
            >
              {t('surveys.distribute.downloadQr')}
            </Button>
            <Link to={poster} target="_blank">
              <Button icon={<PrinterOutlined />}>{t('surveys.distribute.poster')}</Button>
            </Link>
          </Flex>
        </Card>
      </Flex>
    </Space>
  );
}
