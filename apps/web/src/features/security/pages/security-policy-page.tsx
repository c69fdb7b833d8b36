// 安全策略: password length / classes / expiry, lockout threshold and duration, idle timeout.
// Read-only for those with security.policy.read only (the system admin).
import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Result, Skeleton } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { useCan } from '../../../app/auth/use-me';
import { showApiError } from '../../../shared/form-errors';
import { useSaveSecurityPolicy, useSecurityPolicy, type SecurityPolicy } from '../api/security-api';

interface FieldSpec {
  name: keyof SecurityPolicy;
  label: MessageKey;
  hint: MessageKey;
  unit: MessageKey | null;
  min: number;
  max: number;
}

// Bounds follow 等保 2.0 level-3 practice; the server has the final word.
const FIELDS: FieldSpec[] = [
  {
    name: 'passwordMinLength',
    label: 'security.passwordMinLength',
    hint: 'security.passwordMinLengthHint',
    unit: 'security.unit.chars',
    min: 8,
    max: 64,
  },
  {
    name: 'passwordRequireClasses',
    label: 'security.passwordRequireClasses',
    hint: 'security.passwordRequireClassesHint',
    unit: 'security.unit.classes',
    min: 1,
    max: 4,
  },
  {
    name: 'passwordExpiryDays',
    label: 'security.passwordExpiryDays',
    hint: 'security.passwordExpiryDaysHint',
    unit: 'security.unit.days',
    min: 0,
    max: 3650,
  },
  {
    name: 'lockoutThreshold',
    label: 'security.lockoutThreshold',
    hint: 'security.lockoutThresholdHint',
    unit: 'security.unit.times',
    min: 3,
    max: 20,
  },
  {
    name: 'lockoutMinutes',
    label: 'security.lockoutMinutes',
    hint: 'security.lockoutMinutesHint',
    unit: 'security.unit.minutes',
    min: 1,
    max: 1440,
  },
  {
    name: 'idleTimeoutMinutes',
    label: 'security.idleTimeoutMinutes',
    hint: 'security.idleTimeoutMinutesHint',
    unit: 'security.unit.minutes',
    min: 5,
    max: 480,
  },
];

export default function SecurityPolicyPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const canWrite = can('security.policy.write');
  const policy = useSecurityPolicy();
  const save = useSaveSecurityPolicy();
  const [form] = Form.useForm<SecurityPolicy>();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const submit = (values: SecurityPolicy) =>
    save.mutate(values, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => showApiError(error, message, form),
    });

  return (
    <Card size="small" title={t('menu.security')} data-testid="page-security">
      {policy.isPending ? (
        <Skeleton active />
      ) : policy.isError ? (
        <Result
          status="warning"
          subTitle={policy.error.message}
          extra={<Button onClick={() => void policy.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <div style={{ maxWidth: 560 }}>
          {!canWrite ? (
            <Alert type="info" showIcon title={t('security.readOnly')} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<SecurityPolicy>
            form={form}
            name="security"
            layout="vertical"
            onFinish={submit}
            disabled={!canWrite}
            initialValues={policy.data}
          >
            {FIELDS.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={t(f.label)}
                extra={t(f.hint)}
                rules={[
                  { required: true, message: t('validation.required') },
                  {
                    type: 'integer',
                    min: f.min,
                    max: f.max,
                    message: t('validation.range', { min: f.min, max: f.max }),
                  },
                ]}
              >
                <InputNumber
                  min={f.min}
                  max={f.max}
                  precision={0}
                  style={{ width: 200 }}
                  suffix={f.unit ? t(f.unit) : undefined}
                />
              </Form.Item>
            ))}
            {canWrite ? (
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="security-save">
                {t('common.save')}
              </Button>
            ) : null}
          </Form>
        </div>
      )}
    </Card>
  );
}
