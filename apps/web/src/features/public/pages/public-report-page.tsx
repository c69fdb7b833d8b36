// 随手拍: a resident reports a problem from the phone without signing in — category, description,
// up to three photos, where it is (GPS, community or address) and, optionally, name and phone.
// Everything typed is kept in sessionStorage with the submission's idempotency key, so a reload
// loses nothing and a retry after a network error never creates a second case. Success shows the
// receipt: the case number and the private tracking link.
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Result, Select, Skeleton, Space, Typography } from 'antd';
import { CopyOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { PHONE_PATTERN } from '@cc/common/org';
import { ApiError, isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { browserSessionStorage } from '../../../shared/draft-storage';
import { newIdempotencyKey } from '../../../shared/cases/cases-api';
import { isCityCode, usePublicCity, useSubmitPublicReport, type PublicCity } from '../api/public-api';
import {
  createPublicDraftStore,
  hasContent,
  type DraftLocation,
  type DraftPhoto,
  type PublicDraft,
  type PublicDraftContent,
  type PublicDraftStore,
  type StoredReceipt,
} from '../api/public-draft';
import { buildReportBody, categoryGroups, trackingUrl } from '../api/public-format';
import { PublicShell } from '../components/public-shell';
import { PublicPhotoPicker } from '../components/public-photo-picker';
import { LocationButton } from '../components/location-button';

const phoneRe = new RegExp(PHONE_PATTERN);

interface Values {
  categoryId?: number | null;
  description?: string;
  photos?: DraftPhoto[];
  location?: DraftLocation | null;
  communityId?: number | null;
  address?: string;
  name?: string;
  phone?: string;
}

function toContent(v: Values): PublicDraftContent {
  return {
    categoryId: v.categoryId ?? null,
    description: v.description ?? '',
    photos: v.photos ?? [],
    location: v.location ?? null,
    communityId: v.communityId ?? null,
    address: v.address ?? '',
    name: v.name ?? '',
    phone: v.phone ?? '',
  };
}

/** Server errors about the coordinates belong to the location field of this form. */
function withLocationField(error: unknown): unknown {
  if (!isApiError(error) || !error.details?.fields) return error;
  const fields = error.details.fields.map((f) =>
    /^(body)?\/(lat|lng)$/.test(f.path) ? { ...f, path: 'body/location' } : f,
  );
  return new ApiError(error.status, error.code, error.message, { ...error.details, fields });
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way (http pages, older browsers)
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

function Receipt({
  receipt,
  cityCode,
  onAnother,
}: {
  receipt: StoredReceipt;
  cityCode: string;
  onAnother: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const url = trackingUrl(window.location.origin, receipt.trackingToken);
  const trackPath = `/public/track/${encodeURIComponent(receipt.trackingToken)}`;

  return (
    <Card data-testid="public-receipt">
      <Result
        status="success"
        title={t('public.receipt.title')}
        subTitle={
          <span>
            {t('public.receipt.code')}{' '}
            <Typography.Text strong copyable data-testid="receipt-code">
              {receipt.code}
            </Typography.Text>
          </span>
        }
        style={{ padding: '16px 0' }}
      />
      {receipt.duplicateOfCode ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('public.receipt.duplicate', { code: receipt.duplicateOfCode })}
          data-testid="receipt-duplicate"
        />
      ) : null}
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('public.receipt.trackTitle')}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={url} size="large" onFocus={(e) => e.target.select()} data-testid="tracking-link" />
        <Button
          size="large"
          type="primary"
          icon={<CopyOutlined />}
          onClick={() =>
            void copyText(url).then((ok) =>
              ok ? message.success(t('public.receipt.copied')) : message.warning(t('public.receipt.copyFailed')),
            )
          }
          data-testid="copy-tracking"
        >
          {t('public.receipt.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
        {t('public.receipt.trackHint')}
      </Typography.Paragraph>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Button size="large" block onClick={() => void navigate(trackPath)} data-testid="receipt-track">
          {t('public.receipt.open')}
        </Button>
        <Button size="large" block onClick={onAnother} data-testid="receipt-another">
          {t('public.receipt.another')}
        </Button>
        <Link to={`/public/${cityCode}/board`} style={{ display: 'block', textAlign: 'center', padding: 8 }}>
          {t('public.receipt.board')}
        </Link>
      </Space>
    </Card>
  );
}

function ReportForm({
  city,
  store,
  onDone,
}: {
  city: PublicCity;
  store: PublicDraftStore;
  onDone: (receipt: StoredReceipt) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitPublicReport(city.code);
  const [initial] = useState<PublicDraft>(() => store.loadOrCreate());
  const [restored] = useState(() => {
    const stored = store.load();
    return stored !== null && hasContent(stored);
  });
  // The latest draft (with its key), written on every change; read only in handlers.
  const draft = useRef<PublicDraft>(initial);
  const [networkFailed, setNetworkFailed] = useState(false);

  const categoryOptions = useMemo(() => categoryGroups(city.categories), [city.categories]);
  const communityOptions = useMemo(() => {
    const byStreet = new Map<string, { value: number; label: string }[]>();
    for (const c of city.communities) {
      byStreet.set(c.streetName, [...(byStreet.get(c.streetName) ?? []), { value: c.id, label: c.name }]);
    }
    return [...byStreet].map(([street, options]) => ({ label: street, title: street, options }));
  }, [city.communities]);

  const initialValues: Values = {
    categoryId: initial.categoryId ?? undefined,
    description: initial.description,
    photos: initial.photos,
    location: initial.location,
    communityId: initial.communityId ?? undefined,
    address: initial.address,
    name: initial.name,
    phone: initial.phone,
  };

  const send = async () => {
    const v = await form.validateFields();
    const c = toContent(v);
    setNetworkFailed(false);
    submit.mutate(buildReportBody(c, draft.current.idempotencyKey), {
      onSuccess: (receipt) => {
        store.finish(receipt);
        onDone(receipt);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        // The draft and its key stay: submitting again returns the same case if this one arrived.
        if (isApiError(error) && error.status === 0) setNetworkFailed(true);
        else showApiError(withLocationField(error), message, form);
      },
    });
  };

  const required = (text: string) => ({ required: true, whitespace: true, message: text });

  return (
    <Form<Values>
      form={form}
      name="publicReport"
      layout="vertical"
      size="large"
      initialValues={initialValues}
      onValuesChange={(_changed, all) => {
        draft.current = store.save(draft.current, toContent(all));
      }}
      scrollToFirstError={{ block: 'center' }}
      requiredMark={false}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('public.report.intro')}</Typography.Paragraph>
        {restored ? (
          <Alert type="info" showIcon title={t('public.report.restored')} closable data-testid="draft-restored" />
        ) : null}

        <Card size="small" title={t('public.report.what')}>
          <Form.Item
            name="categoryId"
            label={t('public.report.category')}
            rules={[{ required: true, message: t('public.report.err.category') }]}
          >
            <Select
              placeholder={t('public.report.categoryPlaceholder')}
              options={categoryOptions}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={t('public.report.noCategory')}
              listHeight={320}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('public.report.description')}
            rules={[
              required(t('public.report.err.description')),
              { min: 2, message: t('public.report.err.descriptionShort') },
              { max: 2000, message: t('validation.maxLength', { max: 2000 }) },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t('public.report.descriptionPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="photos"
            label={t('public.report.photos')}
            extra={t('public.report.photosHint')}
            rules={[
              {
                validator: async (_r, value: DraftPhoto[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(t('public.report.err.photo'));
                },
              },
            ]}
            style={{ marginBottom: 0 }}
          >
            <PublicPhotoPicker cityCode={city.code} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('public.report.where')}>
          <Form.Item name="location" style={{ marginBottom: 12 }}>
            <LocationButton />
          </Form.Item>
          <Form.Item
            name="communityId"
            label={t('public.report.community')}
            dependencies={['location']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, value: number | null | undefined) => {
                  if (value || getFieldValue('location')) return;
                  throw new Error(t('public.report.err.where'));
                },
              }),
            ]}
          >
            <Select
              allowClear
              placeholder={t('public.report.communityPlaceholder')}
              options={communityOptions}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={t('public.report.noCommunity')}
              listHeight={320}
            />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('public.report.address')}
            rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}
            style={{ marginBottom: 0 }}
          >
            <Input maxLength={200} placeholder={t('public.report.addressPlaceholder')} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('public.report.contact')}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('public.report.contactHint')}
          </Typography.Paragraph>
          <Form.Item
            name="name"
            label={t('public.report.name')}
            rules={[{ max: 50, message: t('validation.maxLength', { max: 50 }) }]}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('public.report.phone')}
            rules={[
              {
                validator: async (_r, value: string | undefined) => {
                  if (value?.trim() && !phoneRe.test(value.trim())) throw new Error(t('public.report.err.phone'));
                },
              },
            ]}
            style={{ marginBottom: 0 }}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Card>

        <Alert
          type="info"
          icon={<LockOutlined />}
          showIcon
          title={t('public.report.privacy')}
          data-testid="privacy-note"
        />

        {networkFailed ? (
          <Alert type="warning" showIcon title={t('public.report.networkFailed')} data-testid="network-failed" />
        ) : null}

        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          loading={submit.isPending}
          onClick={() => void send().catch(() => undefined)}
          data-testid="form-submit"
          style={{ height: 48 }}
        >
          {networkFailed ? t('public.report.retry') : t('public.report.submit')}
        </Button>
      </Space>
    </Form>
  );
}

export default function PublicReportPage() {
  const t = useT();
  const { code = '' } = useParams();
  const validCode = isCityCode(code);
  const city = usePublicCity(code);
  const store = useMemo(() => createPublicDraftStore(browserSessionStorage(), code, newIdempotencyKey), [code]);
  const [receipt, setReceipt] = useState<StoredReceipt | null>(() => store.loadReceipt());
  const [formKey, setFormKey] = useState(0);

  let content;
  if (!validCode || (city.isError && isApiError(city.error) && city.error.status === 404)) {
    content = <Result status="404" title={t('public.cityNotFound')} subTitle={t('public.cityNotFoundHint')} />;
  } else if (city.isError) {
    content = (
      <Result
        status="warning"
        title={t('public.loadFailed')}
        subTitle={city.error.message}
        extra={
          <Button type="primary" size="large" onClick={() => void city.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!city.data) {
    content = <Skeleton active paragraph={{ rows: 10 }} />;
  } else if (receipt) {
    content = (
      <Receipt
        receipt={receipt}
        cityCode={code}
        onAnother={() => {
          store.clearReceipt();
          setReceipt(null);
          setFormKey((k) => k + 1);
        }}
      />
    );
  } else {
    content = <ReportForm key={formKey} city={city.data} store={store} onDone={setReceipt} />;
  }

  return (
    <PublicShell
      cityName={city.data?.name}
      cityCode={validCode ? code : null}
      title={t('public.report.title')}
      testId="page-public-report"
    >
      {content}
    </PublicShell>
  );
}
