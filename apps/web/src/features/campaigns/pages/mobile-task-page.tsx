// One task instance on the phone (/m/tasks/:id): what to do and what to bring, the reason when
// the office returned the last report, and the report form — camera photos, text, the metric,
// files, events it cites — with big buttons at the thumb's reach for 保存草稿 and 报送 (only those
// the server allows). The form is kept on the device on every change, so a reload or a dead
// connection loses nothing; a submit whose answer never came is settled with the server before it
// is sent again, so a retry never reports twice.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DesktopOutlined, SaveOutlined, SendOutlined, WifiOutlined } from '@ant-design/icons';
import { CAMPAIGN_LIMITS } from '@cc/common/campaigns';
import { isApiError } from '../../../app/api';
import { useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { browserStorage } from '../../../shared/draft-storage';
import { showApiError } from '../../../shared/form-errors';
import { CameraCapture } from '../../../shared/mobile/camera-capture';
import { useOnline } from '../../../shared/mobile/use-online';
import { ActionTimeoutError, fetchInstance, useInstance, useInstanceAction } from '../api/ledger-api';
import { useEventOptions } from '../api/events-api';
import type { InstanceDetail } from '../api/campaign-types';
import { filesLabel, photosLabel } from '../api/ledger-format';
import {
  createReportDraftStore,
  hasReportContent,
  initialReport,
  reportActionBody,
  reportContentOf,
  submitArrived,
  type ReportContent,
  type ReportValues,
} from '../api/report-draft';
import { DueTag, InstanceStatusTag } from '../components/campaign-tags';
import { FileListUpload } from '../../../shared/components/file-list-upload';
import { LedgerTimeline } from '../components/ledger-timeline';
import { MissingAlert, Requirements, ReportHistory, ReturnReason } from '../components/report-parts';
import { useReportPrecheck } from '../components/use-report-precheck';
import { routeId } from '../../../shared/url-params';
import {
  BackButton,
  RecordBody,
  RefreshButton,
  StickyActionBar,
  SubmitFailureAlert,
  type SubmitFailure,
} from '../../../shared/mobile/page-parts';

export default function MobileTaskPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useInstance(id);

  return (
    <Flex vertical gap={12} data-testid="page-mobile-task" data-status={query.data?.status}>
      <BackButton fallback="/m/tasks" />
      <RecordBody
        notFound={id === null || (query.isError && isApiError(query.error) && query.error.status === 404)}
        notFoundTitle={t('campaigns.instance.notFound')}
        pending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
      >
        {() =>
          query.data && (
            <TaskView detail={query.data} refreshing={query.isRefetching} onRefresh={() => void query.refetch()} />
          )
        }
      </RecordBody>
    </Flex>
  );
}

function TaskView({
  detail,
  refreshing,
  onRefresh,
}: {
  detail: InstanceDetail;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const t = useT();
  const reporting = detail.allowedActions.includes('submit') || detail.allowedActions.includes('save_draft');
  const reviewing = detail.allowedActions.includes('accept') || detail.allowedActions.includes('return');

  return (
    <>
      <Card size="small">
        <Flex align="center" gap={6} wrap>
          <InstanceStatusTag status={detail.displayStatus} />
          <DueTag item={detail} />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {detail.label}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <RefreshButton spinning={refreshing} onClick={onRefresh} />
        </Flex>
        <Typography.Paragraph
          style={{
            margin: '10px 0 4px',
            fontSize: 17,
            fontWeight: 600,
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
          }}
          data-testid="instance-content"
        >
          {detail.content}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
          {detail.campaignName}
          {detail.activityName ? ` · ${detail.activityName}` : ''}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 15, display: 'block', marginTop: 6 }}>
          {t('campaigns.instance.dueText', { date: detail.dueOn })}
        </Typography.Text>
      </Card>

      <ReturnReason detail={detail} />

      <Card size="small" title={t('campaigns.instance.requirements')}>
        <Requirements detail={detail} />
      </Card>

      {reporting ? <PhoneReportForm key={`${detail.id}-${detail.status}`} detail={detail} /> : null}

      {reviewing ? (
        <Alert
          type="info"
          showIcon
          icon={<DesktopOutlined />}
          title={t('campaigns.mobile.reviewOnDesktop')}
          action={
            <Link to={`/task-instances/${detail.id}`}>
              <Button size="small">{t('campaigns.mobile.openDesktop')}</Button>
            </Link>
          }
          data-testid="review-desktop-hint"
        />
      ) : null}

      <Card size="small" title={t('campaigns.report.history', { count: detail.reports.length })}>
        <ReportHistory detail={detail} compact />
      </Card>
      <Card size="small" title={t('campaigns.log.title')}>
        <LedgerTimeline log={detail.log} />
      </Card>
    </>
  );
}

function PhoneReportForm({ detail }: { detail: InstanceDetail }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const online = useOnline();
  const act = useInstanceAction(detail.id);
  const eventOptions = useEventOptions(detail.campaignId);
  const store = useMemo(() => createReportDraftStore(browserStorage(), me.id, detail.id), [me.id, detail.id]);
  const [initial] = useState(() => {
    const local = store.load();
    return { content: initialReport(local, detail), restored: !!local && hasReportContent(local), local };
  });
  // Whether a submit went out without an answer (kept with the draft across reloads).
  const pending = useRef(initial.local?.submitPending ?? false);
  const precheck = useReportPrecheck(detail.evidence);
  const uploading = precheck.uploading;
  const [busy, setBusy] = useState<'save_draft' | 'submit' | null>(null);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const canDraft = detail.allowedActions.includes('save_draft');
  const canSubmit = detail.allowedActions.includes('submit');
  const metric = detail.evidence.metricName;

  useEffect(() => {
    // A submit in doubt from an earlier visit that did arrive: the draft has done its job.
    if (initial.local?.submitPending && submitArrived(detail)) store.clear();
  }, [initial.local, detail, store]);

  const keep = (content: ReportContent) => store.save(content, pending.current);

  const done = (action: 'save_draft' | 'submit') => {
    pending.current = false;
    if (action === 'submit') store.clear();
    else keep(reportContentOf(form.getFieldsValue()));
    setFailure(null);
    window.scrollTo(0, 0);
    void message.success(t(action === 'submit' ? 'campaigns.report.submitted' : 'campaigns.report.draftSaved'));
  };

  const send = async (action: 'save_draft' | 'submit') => {
    setFailure(null);
    const content = reportContentOf(form.getFieldsValue());
    if (!precheck.ready(action, content)) return;
    setBusy(action);
    try {
      // A submit that may already have arrived is settled first, so it is never sent twice.
      if (action === 'submit' && pending.current && submitArrived(await fetchInstance(detail.id))) {
        done('submit');
        act.reset();
        return;
      }
      if (action === 'submit') {
        pending.current = true;
        keep(content);
      }
      await act.mutateAsync({ action, body: reportActionBody(content) });
      done(action);
    } catch (error) {
      if (error instanceof ActionTimeoutError) setFailure({ kind: 'timeout' });
      else if (isApiError(error) && error.status === 0) setFailure({ kind: 'offline' });
      else {
        // The server answered: this submit did not go through.
        pending.current = false;
        keep(content);
        if (isApiError(error) && error.status === 409) {
          setFailure({ kind: 'error', text: error.message });
        } else {
          showApiError(error, message, form);
          setFailure({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Form<ReportValues>
      form={form}
      name="mreport"
      layout="vertical"
      requiredMark={false}
      initialValues={initial.content}
      onValuesChange={(_changed, all) => keep(reportContentOf(all))}
    >
      <Flex vertical gap={12}>
        {!online ? (
          <Alert type="warning" showIcon icon={<WifiOutlined />} title={t('campaigns.mobile.offlineNow')} />
        ) : null}
        {initial.restored ? (
          <Alert type="info" showIcon title={t('campaigns.mobile.restored')} data-testid="draft-restored" />
        ) : null}
        <Card size="small" title={photosLabel(t, detail.evidence)}>
          <Form.Item name="photos" noStyle>
            <CameraCapture large max={CAMPAIGN_LIMITS.photosMax} onBusyChange={precheck.setUploading} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('campaigns.report.body')}>
          <Form.Item
            name="body"
            style={{ marginBottom: metric ? 12 : 0 }}
            rules={[
              {
                max: CAMPAIGN_LIMITS.reportMax,
                message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.reportMax }),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={CAMPAIGN_LIMITS.reportMax}
              placeholder={t('campaigns.report.bodyPlaceholder')}
              style={{ fontSize: 16 }}
            />
          </Form.Item>
          {metric ? (
            <Form.Item
              name="metricValue"
              label={t('campaigns.report.metric', { name: metric })}
              style={{ marginBottom: 0 }}
            >
              <InputNumber
                min={0}
                max={1e9}
                size="large"
                inputMode="decimal"
                suffix={detail.evidence.metricUnit ?? undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          ) : null}
        </Card>
        <Card size="small" title={filesLabel(t, detail.evidence)}>
          <Form.Item name="files" noStyle>
            <FileListUpload max={CAMPAIGN_LIMITS.filesMax} onBusyChange={precheck.setUploading} testId="report-files" />
          </Form.Item>
        </Card>
        {eventOptions.length > 0 ? (
          <Card size="small" title={t('campaigns.report.events')}>
            <Form.Item name="eventIds" noStyle>
              <Select
                mode="multiple"
                allowClear
                size="large"
                maxCount={20}
                options={eventOptions}
                optionFilterProp="label"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Card>
        ) : null}
        <MissingAlert missing={precheck.missing} />
        <SubmitFailureAlert
          failure={failure}
          texts={{
            timeout: t('campaigns.mobile.timeout'),
            offline: t('campaigns.mobile.offline'),
            failed: t('campaigns.mobile.failed'),
            retrySafe: t('campaigns.mobile.retrySafe'),
          }}
          testId="report-failure"
        />
        <StickyActionBar>
          <Flex gap={8}>
            {canDraft ? (
              <Button
                size="large"
                icon={<SaveOutlined />}
                loading={busy === 'save_draft'}
                disabled={busy !== null}
                style={{ flex: 1, height: 50 }}
                onClick={() => void send('save_draft')}
                data-testid="action-save_draft"
              >
                {t('campaigns.action.save_draft')}
              </Button>
            ) : null}
            {canSubmit ? (
              <Button
                type="primary"
                size="large"
                icon={<SendOutlined />}
                loading={busy === 'submit'}
                disabled={busy !== null || uploading}
                style={{ flex: 2, height: 50, fontSize: 17 }}
                onClick={() => void send('submit')}
                data-testid="action-submit"
              >
                {uploading
                  ? t('mobileShared.photo.uploading')
                  : failure && failure.kind !== 'error'
                    ? t('campaigns.mobile.retry')
                    : t('campaigns.action.submit')}
              </Button>
            ) : null}
          </Flex>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, display: 'block', textAlign: 'center', marginTop: 4 }}
          >
            {t('campaigns.mobile.draftHint')}
          </Typography.Text>
        </StickyActionBar>
      </Flex>
    </Form>
  );
}
