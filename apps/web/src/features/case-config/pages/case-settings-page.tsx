// 查重与督办设置: how duplicates are found (radius, days, text similarity), when a unit is reminded
// before its deadline, how often overdue cases are escalated, and the issuer / number prefix of
// rectification notices. Each setting says in words what it does.
import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Slider,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { showApiError } from '../../../shared/form-errors';
import { useCaseSettings, useSaveCaseSettings, type CaseSettings } from '../api/case-config-api';
import { joinMinutes, percentToRatio, ratioToPercent, remainingAt, splitMinutes } from '../api/settings-format';

const ESCALATE_MIN = 10;
const ESCALATE_MAX = 43_200;

/** A 0–1 share as a slider plus a number box. */
function SimilarityInput({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: number;
  onChange?: (v: number | null) => void;
  id?: string;
  disabled?: boolean;
}) {
  return (
    <Flex gap={12} align="center">
      <Slider
        min={0}
        max={1}
        step={0.05}
        value={value ?? 0}
        onChange={(v) => onChange?.(v)}
        disabled={disabled}
        style={{ flex: 1, minWidth: 120 }}
        marks={{ 0: '0', 0.5: '0.5', 1: '1' }}
      />
      <InputNumber
        id={id}
        min={0}
        max={1}
        step={0.05}
        precision={2}
        value={value}
        onChange={(v) => onChange?.(v)}
        disabled={disabled}
        style={{ width: 96 }}
      />
    </Flex>
  );
}

/** Minutes typed as hours + minutes. */
function DurationInput({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
  disabled?: boolean;
}) {
  const t = useT();
  const { hours, minutes } = splitMinutes(value);
  return (
    <Space wrap>
      <InputNumber
        id={id}
        min={0}
        max={720}
        precision={0}
        value={hours}
        onChange={(h) => onChange?.(joinMinutes(h, minutes))}
        disabled={disabled}
        suffix={t('caseConfig.settings.hours')}
        style={{ width: 130 }}
      />
      <InputNumber
        min={0}
        max={59}
        precision={0}
        step={5}
        value={minutes}
        onChange={(m) => onChange?.(joinMinutes(hours, m))}
        disabled={disabled}
        suffix={t('caseConfig.settings.minutes')}
        style={{ width: 130 }}
        data-testid="escalate-minutes"
      />
    </Space>
  );
}

function durationText(t: ReturnType<typeof useT>, total: number): string {
  const { hours, minutes } = splitMinutes(total);
  if (hours > 0 && minutes > 0) return t('caseConfig.settings.hoursMinutes', { hours, minutes });
  if (hours > 0) return t('caseConfig.settings.hoursOnly', { hours });
  return t('caseConfig.settings.minutesOnly', { minutes });
}

export default function CaseSettingsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseSettings>();
  const settings = useCaseSettings();
  const save = useSaveCaseSettings();
  const canWrite = can('case.config');

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const radius = Form.useWatch('duplicateRadiusM', form);
  const days = Form.useWatch('duplicateDays', form);
  const similarity = Form.useWatch('duplicateMinSimilarity', form);
  const ratio = Form.useWatch('remindBeforeRatio', form);
  const escalate = Form.useWatch('escalateEveryMinutes', form);
  const prefix = Form.useWatch('noticePrefix', form);

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      { ...values, noticeIssuer: values.noticeIssuer.trim(), noticePrefix: values.noticePrefix.trim() },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  if (settings.isError && !settings.data) {
    return (
      <Card size="small" title={t('menu.caseSettings')} data-testid="page-case-settings">
        <Alert type="error" showIcon title={settings.error.message} />
      </Card>
    );
  }

  const example = (text: string) => (
    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }} data-testid="setting-example">
      {text}
    </Typography.Text>
  );

  return (
    <Card
      size="small"
      title={t('menu.caseSettings')}
      data-testid="page-case-settings"
      extra={
        canWrite ? (
          <Space>
            <Button onClick={() => settings.data && form.setFieldsValue(settings.data)} disabled={!settings.data}>
              {t('caseConfig.settings.reset')}
            </Button>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={!settings.data}
              onClick={() => void submit().catch(() => undefined)}
              data-testid="form-submit"
            >
              {t('common.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {!settings.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<CaseSettings>
          form={form}
          name="caseSettings"
          layout="vertical"
          initialValues={settings.data}
          disabled={!canWrite}
          style={{ maxWidth: 860 }}
        >
          <Divider titlePlacement="start" style={{ marginTop: 0 }}>
            {t('caseConfig.settings.duplicates')}
          </Divider>
          <Typography.Paragraph type="secondary">{t('caseConfig.settings.duplicatesIntro')}</Typography.Paragraph>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="duplicateRadiusM"
                label={t('caseConfig.settings.radius')}
                extra={t('caseConfig.settings.radiusHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { type: 'integer', min: 1, max: 5000, message: t('validation.range', { min: 1, max: 5000 }) },
                ]}
              >
                <InputNumber
                  min={1}
                  max={5000}
                  precision={0}
                  suffix={t('caseConfig.settings.meters')}
                  style={{ width: 180 }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="duplicateDays"
                label={t('caseConfig.settings.days')}
                extra={t('caseConfig.settings.daysHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { type: 'integer', min: 1, max: 365, message: t('validation.range', { min: 1, max: 365 }) },
                ]}
              >
                <InputNumber
                  min={1}
                  max={365}
                  precision={0}
                  suffix={t('caseConfig.settings.daysUnit')}
                  style={{ width: 180 }}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="duplicateMinSimilarity"
                label={t('caseConfig.settings.similarity')}
                extra={t('caseConfig.settings.similarityHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { type: 'number', min: 0, max: 1, message: t('caseConfig.settings.similarityRange') },
                ]}
              >
                <SimilarityInput />
              </Form.Item>
            </Col>
          </Row>
          {typeof radius === 'number' && typeof days === 'number' && typeof similarity === 'number'
            ? example(t('caseConfig.settings.duplicatesExample', { radius, days, similarity: similarity.toFixed(2) }))
            : null}

          <Divider titlePlacement="start">{t('caseConfig.settings.reminders')}</Divider>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="remindBeforeRatio"
                label={t('caseConfig.settings.remind')}
                extra={t('caseConfig.settings.remindHint')}
                getValueProps={(v: number | null | undefined) => ({ value: ratioToPercent(v) })}
                normalize={(v: number | null | undefined) => percentToRatio(v)}
                rules={[
                  { required: true, message: t('validation.required') },
                  { type: 'number', min: 0, max: 1, message: t('caseConfig.settings.percentRange') },
                ]}
              >
                <InputNumber min={0} max={100} step={5} suffix="%" style={{ width: 180 }} />
              </Form.Item>
              {typeof ratio === 'number'
                ? example(
                    ratio === 0
                      ? t('caseConfig.settings.remindOff')
                      : t('caseConfig.settings.remindExample', { days: remainingAt(10, ratio) }),
                  )
                : null}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="escalateEveryMinutes"
                label={t('caseConfig.settings.escalate')}
                extra={t('caseConfig.settings.escalateHint')}
                rules={[
                  { required: true, message: t('validation.required') },
                  {
                    type: 'integer',
                    min: ESCALATE_MIN,
                    max: ESCALATE_MAX,
                    message: t('caseConfig.settings.escalateRange'),
                  },
                ]}
              >
                <DurationInput />
              </Form.Item>
              {typeof escalate === 'number' && escalate >= ESCALATE_MIN
                ? example(t('caseConfig.settings.escalateExample', { every: durationText(t, escalate) }))
                : null}
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('caseConfig.settings.notices')}</Divider>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="noticeIssuer"
                label={t('caseConfig.settings.issuer')}
                extra={t('caseConfig.settings.issuerHint')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 100, message: t('validation.maxLength', { max: 100 }) },
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="noticePrefix"
                label={t('caseConfig.settings.prefix')}
                extra={t('caseConfig.settings.prefixHint')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 30, message: t('validation.maxLength', { max: 30 }) },
                ]}
              >
                <Input maxLength={30} />
              </Form.Item>
              {prefix?.trim()
                ? example(
                    t('caseConfig.settings.prefixExample', { number: `${prefix.trim()}〔${dayjs().year()}〕1号` }),
                  )
                : null}
            </Col>
          </Row>
          {!canWrite ? <Alert type="info" showIcon title={t('caseConfig.settings.readOnly')} /> : null}
        </Form>
      )}
    </Card>
  );
}
