// The printable poster of a questionnaire: title, introduction, a large QR code of the answering
// link (with the group and region fixed as chosen on the distribution tab) and the link in words;
// the print button is not printed.
import { useParams, useSearchParams } from 'react-router';
import { Button, Result, Skeleton, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { positiveIntParam, routeId } from '../../../shared/url-params';
import { publicSurveyUrl } from '../api/question-draft';
import { useSurvey } from '../api/surveys-api';
import { SurveyQr } from '../components/survey-qr';

export default function SurveyPosterPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const [search] = useSearchParams();
  const query = useSurvey(id);
  if (id === null || query.isError) return <Result status="404" title={t('surveys.detail.notFound')} />;
  if (!query.data) return <Skeleton active style={{ padding: 24 }} />;
  const survey = query.data;
  const v = positiveIntParam(search.get('v'));
  const r = positiveIntParam(search.get('r'));
  const url = publicSurveyUrl(window.location.origin, survey.token, { v, r });
  const group = survey.versions.find((x) => x.id === v)?.group;
  return (
    <div
      data-testid="page-survey-poster"
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
          {t('surveys.poster.print')}
        </Button>
      </div>
      <div style={{ borderTop: '8px solid #c0392b', paddingTop: 24, marginTop: 8 }}>
        <Typography.Title level={2} style={{ color: '#c0392b' }}>
          {survey.title}
        </Typography.Title>
        {group ? <Typography.Title level={4}>{t(`surveys.group.${group}`)}</Typography.Title> : null}
        {survey.intro ? (
          <Typography.Paragraph style={{ fontSize: 16, textAlign: 'left', whiteSpace: 'pre-wrap' }}>
            {survey.intro}
          </Typography.Paragraph>
        ) : null}
        <div style={{ margin: '24px auto' }}>
          <SurveyQr text={url} size={320} alt={t('surveys.distribute.qr')} />
        </div>
        <Typography.Title level={4}>{t('surveys.poster.scan')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('surveys.poster.anonymous')}</Typography.Paragraph>
        <Typography.Paragraph style={{ wordBreak: 'break-all', fontSize: 12 }}>{url}</Typography.Paragraph>
      </div>
    </div>
  );
}
