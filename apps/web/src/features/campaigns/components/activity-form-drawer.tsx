// Create / edit an activity of a campaign (e.g. the five activities of the Jiaozuo notice): name,
// period, organiser units, participants, content and its place in the list.
import { App, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_LIMITS } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { UnitMultiSelect } from '../../../shared/components/unit-multi-select';
import { useSaveActivity } from '../api/campaigns-api';
import type { Activity, CampaignDetail } from '../api/campaign-types';

interface Values {
  name: string;
  period: [Dayjs, Dayjs];
  organiserUnitIds?: number[];
  participants?: string;
  content?: string;
  sort?: number;
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

export function ActivityFormDrawer({
  campaign,
  activity,
  onClose,
}: {
  campaign: CampaignDetail;
  activity: Activity | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveActivity(campaign.id);

  const initial: Partial<Values> = activity
    ? {
        name: activity.name,
        period: [dayjs(activity.startsOn), dayjs(activity.endsOn)],
        organiserUnitIds: activity.organiserUnits.map((u) => u.id),
        participants: activity.participants ?? undefined,
        content: activity.content ?? undefined,
        sort: activity.sort,
      }
    : { period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)], sort: campaign.activities.length + 1 };

  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      {
        id: activity?.id ?? null,
        body: {
          name: values.name.trim(),
          startsOn: values.period[0].format(DATE_FORMAT),
          endsOn: values.period[1].format(DATE_FORMAT),
          organiserUnitIds: values.organiserUnitIds ?? [],
          participants: orNull(values.participants),
          content: orNull(values.content),
          sort: values.sort ?? 0,
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

  const outsideCampaign = (d: Dayjs) =>
    d.isBefore(dayjs(campaign.startsOn), 'day') || d.isAfter(dayjs(campaign.endsOn), 'day');

  return (
    <FormDrawer
      open
      title={activity ? t('campaigns.activity.edit') : t('campaigns.activity.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={640}
    >
      <Form<Values> form={form} name="activity" layout="vertical" initialValues={initial}>
        <Form.Item
          name="name"
          label={t('campaigns.activity.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('campaigns.form.nameShort') },
            { max: CAMPAIGN_LIMITS.nameMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.nameMax }) },
          ]}
        >
          <Input maxLength={CAMPAIGN_LIMITS.nameMax} placeholder={t('campaigns.activity.namePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item
              name="period"
              label={t('campaigns.field.period')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker.RangePicker format={DATE_FORMAT} disabledDate={outsideCampaign} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="sort" label={t('campaigns.activity.sort')}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="organiserUnitIds" label={t('campaigns.activity.organisers')}>
          <UnitMultiSelect known={activity?.organiserUnits} maxCount={50} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('campaigns.activity.participants')}
          rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={t('campaigns.activity.participantsPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('campaigns.activity.content')}
          rules={[
            { max: CAMPAIGN_LIMITS.textMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.textMax }) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={CAMPAIGN_LIMITS.textMax} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
