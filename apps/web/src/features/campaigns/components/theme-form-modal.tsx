// Create / edit the theme of one month (每月一主题, e.g. "文明交通月"): the month, a title and what
// the month's work is about. One theme per month; the server refuses a second.
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_LIMITS } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { useSaveTheme } from '../api/campaigns-api';
import type { CampaignDetail, Theme } from '../api/campaign-types';

interface Values {
  month: Dayjs;
  title: string;
  description?: string;
}

export interface ThemeFormModalProps {
  campaign: CampaignDetail;
  /** The theme to edit, or the month ('YYYY-MM') of a new one. */
  editing: Theme | { month: string };
  onClose: () => void;
}

export function ThemeFormModal({ campaign, editing, onClose }: ThemeFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveTheme(campaign.id);
  const theme = 'id' in editing ? editing : null;

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      {
        id: theme?.id ?? null,
        body: {
          month: values.month.format('YYYY-MM'),
          title: values.title.trim(),
          description: values.description?.trim() ? values.description.trim() : null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  const first = dayjs(campaign.startsOn).startOf('month');
  const last = dayjs(campaign.endsOn).endOf('month');

  return (
    <Modal
      open
      title={theme ? t('campaigns.theme.edit') : t('campaigns.theme.create')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
      okButtonProps={{ ...({ 'data-testid': 'theme-submit' } as object) }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="theme"
        layout="vertical"
        initialValues={{
          month: dayjs(`${editing.month}-01`),
          title: theme?.title,
          description: theme?.description ?? undefined,
        }}
      >
        <Form.Item
          name="month"
          label={t('campaigns.theme.month')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker
            picker="month"
            format="YYYY-MM"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(first) || d.isAfter(last)}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('campaigns.theme.title')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('campaigns.form.nameShort') },
            { max: CAMPAIGN_LIMITS.nameMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.nameMax }) },
          ]}
        >
          <Input maxLength={CAMPAIGN_LIMITS.nameMax} placeholder={t('campaigns.theme.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('campaigns.theme.description')}
          rules={[
            { max: CAMPAIGN_LIMITS.textMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.textMax }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={CAMPAIGN_LIMITS.textMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
