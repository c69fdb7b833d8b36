// The unit's report on one task instance (desktop): text, the metric the task asks for, photos,
// files and events of the campaign it cites; "保存草稿" keeps it on the server, "报送" sends it for
// review — but first the page checks the task's evidence rule and lists what is missing (the
// server checks the same and answers field errors). Buttons follow the server's allowedActions.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { CAMPAIGN_LIMITS, type TaskAction } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { PhotoUpload } from '../../../shared/cases/photo-upload';
import { useEventOptions } from '../api/events-api';
import { useInstanceAction } from '../api/ledger-api';
import type { InstanceDetail } from '../api/campaign-types';
import { filesLabel, photosLabel } from '../api/ledger-format';
import { initialReport, reportActionBody, reportContentOf, type ReportValues } from '../api/report-draft';
import { FileListUpload } from '../../../shared/components/file-list-upload';
import { MissingAlert } from './report-parts';
import { useReportPrecheck } from './use-report-precheck';

export function ReportForm({ detail }: { detail: InstanceDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const act = useInstanceAction(detail.id);
  const eventOptions = useEventOptions(detail.campaignId);
  const precheck = useReportPrecheck(detail.evidence);
  const [pending, setPending] = useState<TaskAction | null>(null);
  const canDraft = detail.allowedActions.includes('save_draft');
  const canSubmit = detail.allowedActions.includes('submit');
  const metric = detail.evidence.metricName;

  const run = (action: 'save_draft' | 'submit') => {
    const content = reportContentOf(form.getFieldsValue());
    if (!precheck.ready(action, content)) return;
    setPending(action);
    act.mutate(
      { action, body: reportActionBody(content) },
      {
        onSuccess: () =>
          void message.success(t(action === 'submit' ? 'campaigns.report.submitted' : 'campaigns.report.draftSaved')),
        onError: (error) => showApiError(error, message, form),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <Form<ReportValues> form={form} name="report" layout="vertical" initialValues={initialReport(null, detail)}>
      <Form.Item
        name="body"
        label={t('campaigns.report.body')}
        rules={[
          { max: CAMPAIGN_LIMITS.reportMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.reportMax }) },
        ]}
      >
        <Input.TextArea
          rows={5}
          maxLength={CAMPAIGN_LIMITS.reportMax}
          showCount
          placeholder={t('campaigns.report.bodyPlaceholder')}
        />
      </Form.Item>
      {metric ? (
        <Form.Item name="metricValue" label={t('campaigns.report.metric', { name: metric })}>
          <InputNumber min={0} max={1e9} suffix={detail.evidence.metricUnit ?? undefined} style={{ width: 220 }} />
        </Form.Item>
      ) : null}
      <Form.Item name="photos" label={photosLabel(t, detail.evidence)}>
        <PhotoUpload max={CAMPAIGN_LIMITS.photosMax} />
      </Form.Item>
      <Form.Item name="files" label={filesLabel(t, detail.evidence)}>
        <FileListUpload max={CAMPAIGN_LIMITS.filesMax} onBusyChange={precheck.setUploading} testId="report-files" />
      </Form.Item>
      <Form.Item name="eventIds" label={t('campaigns.report.events')} extra={t('campaigns.report.eventsHint')}>
        <Select mode="multiple" allowClear maxCount={20} options={eventOptions} optionFilterProp="label" />
      </Form.Item>
      <MissingAlert missing={precheck.missing} />
      <Space style={{ marginTop: 12 }}>
        {canDraft ? (
          <Button
            icon={<SaveOutlined />}
            loading={pending === 'save_draft'}
            disabled={pending !== null}
            onClick={() => run('save_draft')}
            data-testid="action-save_draft"
          >
            {t('campaigns.action.save_draft')}
          </Button>
        ) : null}
        {canSubmit ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={pending === 'submit'}
            disabled={pending !== null}
            onClick={() => run('submit')}
            data-testid="action-submit"
          >
            {t('campaigns.action.submit')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
