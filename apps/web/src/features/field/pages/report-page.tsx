// 随手拍 / quick report on the phone: photos, category, note, position, address. Everything is kept
// in a local draft on every change (with the submission's idempotency key), so a reload or a dead
// connection loses nothing and a retry never files the same problem twice.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { FileTextOutlined, SendOutlined, WifiOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useMe } from '../../../app/auth/use-me';
import { isApiError } from '../../../app/api';
import { showApiError } from '../../../shared/form-errors';
import { browserStorage } from '../../../shared/draft-storage';
import { newIdempotencyKey, useCaseCategories, type CaseDetail, type CaseInput } from '../../../shared/cases/cases-api';
import {
  createDraftStore,
  emptyDraft,
  hasDraftContent,
  type DraftContent,
  type ReportDraft,
} from '../api/report-draft';
import { SubmitTimeoutError, useSubmitReport } from '../api/field-api';
import { categoryTree, isSelectable } from '../api/category-tree';
import { CameraCapture } from '../../../shared/mobile/camera-capture';
import { CategoryPicker } from '../components/category-picker';
import { LocationField } from '../components/location-field';
import { useOnline } from '../../../shared/mobile/use-online';

const DESCRIPTION_MAX = 2000;
const ADDRESS_MAX = 200;

type Values = DraftContent;

function contentOf(draft: ReportDraft): Values {
  return {
    categoryId: draft.categoryId,
    description: draft.description,
    address: draft.address,
    location: draft.location,
    photos: draft.photos,
  };
}

export default function ReportPage() {
  const me = useMe();
  const store = useMemo(() => createDraftStore(browserStorage(), me.id, newIdempotencyKey), [me.id]);
  const [draft, setDraft] = useState<ReportDraft>(() => store.loadOrCreate());
  const [restored, setRestored] = useState(() => hasDraftContent(draft));
  const [result, setResult] = useState<CaseDetail | null>(null);

  const startOver = () => {
    store.clear();
    setDraft(emptyDraft(newIdempotencyKey()));
    setRestored(false);
    setResult(null);
  };

  return (
    <div data-testid="page-field-report">
      {result ? (
        <ReportResult detail={result} onAnother={startOver} />
      ) : (
        <ReportForm
          // A new key (after success or discarding) means a new, empty form.
          key={draft.idempotencyKey}
          draft={draft}
          restored={restored}
          onChange={(content) => setDraft((current) => store.save(current, content))}
          onDiscard={startOver}
          onSubmitted={(detail) => {
            window.scrollTo(0, 0);
            store.clear();
            setRestored(false);
            setDraft(emptyDraft(newIdempotencyKey()));
            setResult(detail);
          }}
        />
      )}
    </div>
  );
}

interface ReportFormProps {
  draft: ReportDraft;
  restored: boolean;
  onChange: (content: Values) => void;
  onDiscard: () => void;
  onSubmitted: (detail: CaseDetail) => void;
}

function ReportForm({ draft, restored, onChange, onDiscard, onSubmitted }: ReportFormProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCaseCategories();
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const submitReport = useSubmitReport();
  const online = useOnline();
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<'offline' | 'timeout' | null>(null);

  const submit = async () => {
    setFailure(null);
    const values = await form.validateFields();
    if (uploading) {
      void message.warning(t('mobileShared.photo.waitUpload'));
      return;
    }
    const input: CaseInput & { idempotencyKey: string } = {
      categoryId: values.categoryId as number,
      description: values.description.trim(),
      address: values.address?.trim() || null,
      lat: values.location?.lat ?? null,
      lng: values.location?.lng ?? null,
      photos: values.photos ?? [],
      idempotencyKey: draft.idempotencyKey,
    };
    submitReport.mutate(input, {
      onSuccess: onSubmitted,
      onError: (error) => {
        if (error instanceof SubmitTimeoutError) setFailure('timeout');
        else if (isApiError(error) && error.status === 0) setFailure('offline');
        else showApiError(error, message, form);
      },
    });
  };

  const confirmDiscard = () => {
    void modal.confirm({
      title: t('field.report.discardConfirm'),
      okText: t('field.report.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: onDiscard,
    });
  };

  return (
    <Form<Values>
      form={form}
      name="report"
      layout="vertical"
      requiredMark={false}
      initialValues={contentOf(draft)}
      onValuesChange={(_changed, all) => onChange({ ...contentOf(draft), ...all })}
    >
      <Flex vertical gap={12}>
        <Flex align="center" justify="space-between" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('field.report.title')}
          </Typography.Title>
          <Link to="/m/reports">
            <Button type="link" icon={<FileTextOutlined />} style={{ paddingInline: 0 }}>
              {t('field.reports.title')}
            </Button>
          </Link>
        </Flex>

        {!online ? (
          <Alert type="warning" showIcon icon={<WifiOutlined />} title={t('field.report.offlineNow')} />
        ) : null}
        {restored ? (
          <Alert
            type="info"
            showIcon
            title={t('field.report.restored')}
            action={
              <Button size="small" onClick={confirmDiscard} data-testid="report-discard">
                {t('field.report.discard')}
              </Button>
            }
            data-testid="report-restored"
          />
        ) : null}

        <Card size="small" title={t('field.report.photos')}>
          <Form.Item name="photos" noStyle>
            <CameraCapture large onBusyChange={setUploading} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('field.report.category')}>
          <Form.Item
            name="categoryId"
            style={{ marginBottom: 0 }}
            rules={[
              {
                validator: async (_rule, value: number | null | undefined) => {
                  if (!value) throw new Error(t('field.report.categoryMissing'));
                  if (categories.data && !isSelectable(tree, value)) throw new Error(t('field.report.categoryMissing'));
                },
              },
            ]}
          >
            <CategoryPicker />
          </Form.Item>
        </Card>

        <Card size="small" title={t('field.report.description')}>
          <Form.Item
            name="description"
            style={{ marginBottom: 0 }}
            rules={[
              { required: true, whitespace: true, message: t('field.report.descriptionMissing') },
              { min: 2, message: t('field.report.descriptionShort') },
              { max: DESCRIPTION_MAX, message: t('validation.maxLength', { max: DESCRIPTION_MAX }) },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={DESCRIPTION_MAX}
              placeholder={t('field.report.descriptionPlaceholder')}
              style={{ fontSize: 16 }}
            />
          </Form.Item>
        </Card>

        <Card size="small" title={t('field.report.where')}>
          <Form.Item name="location" style={{ marginBottom: 12 }}>
            <LocationField />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('field.report.address')}
            style={{ marginBottom: 0 }}
            rules={[{ max: ADDRESS_MAX, message: t('validation.maxLength', { max: ADDRESS_MAX }) }]}
          >
            <Input
              size="large"
              maxLength={ADDRESS_MAX}
              placeholder={t('field.report.addressPlaceholder')}
              style={{ fontSize: 16 }}
            />
          </Form.Item>
        </Card>

        {failure ? (
          <Alert
            type="warning"
            showIcon
            title={failure === 'timeout' ? t('field.report.timeout') : t('field.report.offline')}
            description={t('field.report.retrySafe')}
            data-testid="report-failure"
          />
        ) : null}

        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          loading={submitReport.isPending}
          disabled={uploading}
          onClick={() => void submit().catch(() => undefined)}
          style={{ height: 52, fontSize: 18 }}
          data-testid="report-submit"
        >
          {uploading ? t('mobileShared.photo.uploading') : failure ? t('field.report.retry') : t('field.report.submit')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {t('field.report.draftHint')}
        </Typography.Text>
      </Flex>
    </Form>
  );
}

function ReportResult({ detail, onAnother }: { detail: CaseDetail; onAnother: () => void }) {
  const t = useT();
  return (
    <Card data-testid="report-result">
      <Result
        status="success"
        title={t('field.report.success')}
        subTitle={
          <span>
            {t('field.report.code')}{' '}
            <Typography.Text strong copyable data-testid="report-code">
              {detail.code}
            </Typography.Text>
          </span>
        }
        style={{ padding: '16px 0' }}
      />
      <Flex vertical gap={12}>
        {detail.replayed ? <Alert type="info" showIcon title={t('field.report.replayed')} /> : null}
        {detail.duplicateOfId ? (
          <Alert type="info" showIcon title={t('field.report.duplicate')} data-testid="report-duplicate" />
        ) : null}
        <Link to={`/m/cases/${detail.id}`}>
          <Button type="primary" size="large" block style={{ height: 48 }} data-testid="report-view-case">
            {t('field.report.viewCase')}
          </Button>
        </Link>
        <Button size="large" block style={{ height: 48 }} onClick={onAnother} data-testid="report-another">
          {t('field.report.another')}
        </Button>
        <Link to="/m/reports">
          <Button type="link" block>
            {t('field.reports.title')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
