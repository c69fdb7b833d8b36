// One questionnaire: the header (title, status, region, groups, responses) with 发布 / 结束收集 /
// 重新开放 for those who manage it, and its tabs — 问卷设计 (versions per respondent group and their
// questions), 设置与配额 (fields, answering limits, quotas per region), 发放 (link, QR code,
// poster) and 统计结果 (rates, cross-tabs, charts, exports). The tab is a path segment
// (/surveys/12/results) so it survives a reload.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Flex, Form, Popconfirm, Space, Tag } from 'antd';
import { PlayCircleOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { TabbedRecordHeader } from '../../../shared/components/tabbed-record-header';
import { RecordPage } from '../../../shared/components/page-states';
import { showApiError } from '../../../shared/form-errors';
import { routeId } from '../../../shared/url-params';
import { useSurvey, useSurveyStep, useUpdateSurvey } from '../api/surveys-api';
import type { SurveyDetail } from '../api/survey-types';
import { DesignTab } from '../components/design-tab';
import { DistributeTab } from '../components/distribute-tab';
import { ResultsTab } from '../components/results-tab';
import { QuotasEditor, SurveyFields, toBody, toFormValues, type SurveyFormValues } from '../components/survey-form';
import { SurveyStatusTag } from '../components/survey-tags';

export const SURVEY_TABS = ['design', 'settings', 'distribute', 'results'] as const;
export type SurveyTab = (typeof SURVEY_TABS)[number];

export default function SurveyPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useSurvey(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-survey"
      notFoundTitle={t('surveys.detail.notFound')}
      backTo="/surveys"
      backText={t('surveys.detail.back')}
    >
      {(survey) => <SurveyView survey={survey} />}
    </RecordPage>
  );
}

function SettingsTab({ survey }: { survey: SurveyDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyFormValues>();
  const update = useUpdateSurvey(survey.id);
  const submit = async () => {
    const values = await form.validateFields();
    const { regionId: _region, ...body } = toBody(values);
    update.mutate(body, {
      onSuccess: () => void message.success(t('surveys.saved')),
      onError: (error) => showApiError(error, message, form),
    });
  };
  return (
    <Flex gap={12} wrap align="flex-start">
      <Card size="small" title={t('surveys.settings.basics')} style={{ flex: '1 1 420px' }}>
        <Form form={form} layout="vertical" initialValues={toFormValues(survey)} disabled={!survey.canManage}>
          <SurveyFields withRegion={false} />
        </Form>
        {survey.canManage ? (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="settings-save"
          >
            {t('common.save')}
          </Button>
        ) : null}
      </Card>
      <Card size="small" title={t('surveys.quota.title')} style={{ flex: '1 1 420px' }}>
        <QuotasEditor key={JSON.stringify(survey.quotas)} survey={survey} />
      </Card>
    </Flex>
  );
}

function SurveyView({ survey }: { survey: SurveyDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const params = useParams();
  const { message } = App.useApp();
  const step = useSurveyStep(survey.id);
  const [stepping, setStepping] = useState<'open' | 'close' | null>(null);
  const tab: SurveyTab = (SURVEY_TABS as readonly string[]).includes(params.tab ?? '')
    ? (params.tab as SurveyTab)
    : 'design';

  const run = (next: 'open' | 'close') => {
    setStepping(next);
    step.mutate(next, {
      onSuccess: () => void message.success(t(next === 'open' ? 'surveys.detail.opened' : 'surveys.detail.closed')),
      onError: (error) => showApiError(error, message),
      onSettled: () => setStepping(null),
    });
  };

  const panes: Record<SurveyTab, React.ReactNode> = {
    design: <DesignTab survey={survey} />,
    settings: <SettingsTab key={survey.id} survey={survey} />,
    distribute: <DistributeTab survey={survey} />,
    results: <ResultsTab survey={survey} />,
  };

  return (
    <div data-testid="page-survey" data-survey-id={survey.id} data-status={survey.status}>
      <TabbedRecordHeader
        backText={t('surveys.detail.back')}
        onBack={() => void navigate('/surveys')}
        title={survey.title}
        titleTestId="survey-title"
        status={<SurveyStatusTag status={survey.status} />}
        facts={
          <>
            <span>{survey.region.name}</span>
            {survey.campaign ? <span>{survey.campaign.name}</span> : null}
            <span>{survey.groups.map((g) => t(`surveys.group.${g}`)).join('、')}</span>
            <Tag color="red" data-testid="survey-responses">
              {t('surveys.field.responses')} {survey.responses}
            </Tag>
          </>
        }
        actions={
          <>
            {survey.canManage ? (
              <Space wrap>
                {survey.status !== 'open' ? (
                  <Button
                    type="primary"
                    icon={<PlayCircleOutlined />}
                    loading={stepping === 'open'}
                    onClick={() => run('open')}
                    data-testid="survey-open"
                  >
                    {t(survey.status === 'draft' ? 'surveys.detail.open' : 'surveys.detail.reopen')}
                  </Button>
                ) : (
                  <Popconfirm title={t('surveys.detail.closeConfirm')} onConfirm={() => run('close')}>
                    <Button danger icon={<StopOutlined />} loading={stepping === 'close'} data-testid="survey-close">
                      {t('surveys.detail.close')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ) : null}
          </>
        }
        tabs={SURVEY_TABS}
        activeTab={tab}
        onTab={(key) => void navigate(`/surveys/${survey.id}/${key}`)}
        tabLabel={(key) => t(`surveys.tab.${key}`)}
      />
      <div style={{ marginTop: 12 }}>{panes[tab]}</div>
    </div>
  );
}
