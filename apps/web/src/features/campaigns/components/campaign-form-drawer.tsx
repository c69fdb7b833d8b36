// "新建创建活动" / edit a campaign: name, titles pursued, period, description, owning region (on
// creation), leading group, the units taking part (all, or by type / region / named units),
// documents with titles, and the reminder and escalation intervals of its ledger.
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_LIMITS, CAMPAIGN_TITLES } from '@cc/common/campaigns';
import { UNIT_TYPES } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeMultiSelect, RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitMultiSelect } from '../../../shared/components/unit-multi-select';
import { useSaveCampaign } from '../api/campaigns-api';
import type { CampaignDetail } from '../api/campaign-types';
import {
  DEFAULT_ESCALATE_DAYS,
  DEFAULT_REMIND_DAYS,
  campaignFields,
  campaignValuesOf,
  scopeBody,
  scopeIsEmpty,
  type CampaignValues,
} from '../api/form-values';
import { FileListUpload } from '../../../shared/components/file-list-upload';
import { GroupSelect } from './group-select';

type Values = Omit<CampaignValues, 'startsOn' | 'endsOn'> & { period: [Dayjs, Dayjs] };

function initialValues(detail: CampaignDetail | null): Partial<Values> {
  if (!detail) {
    return {
      titles: ['civilized_city'],
      period: [dayjs().startOf('year'), dayjs().endOf('year')],
      scopeMode: 'all',
      remindDaysBefore: DEFAULT_REMIND_DAYS,
      escalateEveryDays: DEFAULT_ESCALATE_DAYS,
      documents: [],
    };
  }
  const { startsOn, endsOn, ...rest } = campaignValuesOf(detail);
  return { ...rest, period: [dayjs(startsOn), dayjs(endsOn)] };
}

export interface CampaignFormDrawerProps {
  /** The campaign to edit, or null to create one. */
  detail: CampaignDetail | null;
  onClose: () => void;
  onSaved?: (saved: CampaignDetail) => void;
}

export function CampaignFormDrawer({ detail, onClose, onSaved }: CampaignFormDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCampaign();
  const scopeMode = Form.useWatch('scopeMode', form);
  const creating = detail === null;

  const submit = async () => {
    const { period, ...values } = await form.validateFields();
    const fields = campaignFields({
      ...values,
      startsOn: period[0].format(DATE_FORMAT),
      endsOn: period[1].format(DATE_FORMAT),
    });
    const body = creating ? { ...fields, regionId: values.regionId ?? null } : fields;
    save.mutate(
      { id: detail?.id ?? null, body },
      {
        onSuccess: (saved) => {
          void message.success(t('common.saved'));
          onSaved?.(saved);
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <FormDrawer
      open
      title={creating ? t('campaigns.create') : t('campaigns.edit')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={720}
    >
      <Form<Values> form={form} name="campaign" layout="vertical" initialValues={initialValues(detail)}>
        <Form.Item
          name="name"
          label={t('campaigns.field.name')}
          rules={[
            { ...required, whitespace: true },
            { min: 2, message: t('campaigns.form.nameShort') },
            { max: CAMPAIGN_LIMITS.nameMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.nameMax }) },
          ]}
        >
          <Input maxLength={CAMPAIGN_LIMITS.nameMax} placeholder={t('campaigns.form.namePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="titles" label={t('campaigns.field.titles')} rules={[required]}>
              <Select
                mode="multiple"
                options={CAMPAIGN_TITLES.map((v) => ({ value: v, label: t(`campaigns.title.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="period" label={t('campaigns.field.period')} rules={[required]}>
              <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {creating ? (
            <Col xs={24} sm={12}>
              <Form.Item name="regionId" label={t('campaigns.field.region')} extra={t('campaigns.form.regionHint')}>
                <RegionTreeSelect />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item name="leadingGroupId" label={t('campaigns.field.leadingGroup')}>
              <GroupSelect initial={detail?.leadingGroup} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('campaigns.field.description')}
          rules={[
            { max: CAMPAIGN_LIMITS.textMax, message: t('validation.maxLength', { max: CAMPAIGN_LIMITS.textMax }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={CAMPAIGN_LIMITS.textMax} showCount />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('campaigns.field.scope')}
        </Divider>
        <Form.Item name="scopeMode" style={{ marginBottom: 12 }}>
          <Radio.Group
            options={[
              { value: 'all', label: t('campaigns.scope.all') },
              { value: 'some', label: t('campaigns.scope.some') },
            ]}
          />
        </Form.Item>
        {scopeMode === 'some' ? (
          <>
            <Form.Item name="unitTypes" label={t('campaigns.scope.unitTypes')}>
              <Select
                mode="multiple"
                allowClear
                options={UNIT_TYPES.map((v) => ({ value: v, label: t(`unitType.${v}`) }))}
              />
            </Form.Item>
            <Form.Item name="regionIds" label={t('campaigns.scope.regions')} extra={t('campaigns.scope.regionsHint')}>
              <RegionTreeMultiSelect />
            </Form.Item>
            <Form.Item
              name="unitIds"
              label={t('campaigns.scope.units')}
              dependencies={['unitTypes', 'regionIds']}
              rules={[
                {
                  validator: async () => {
                    const v = form.getFieldsValue(['unitTypes', 'regionIds', 'unitIds']);
                    if (scopeIsEmpty(scopeBody({ scopeMode: 'some', ...v })))
                      throw new Error(t('campaigns.scope.empty'));
                  },
                },
              ]}
            >
              <UnitMultiSelect known={detail?.scope.units} />
            </Form.Item>
          </>
        ) : null}

        <Divider titlePlacement="start" plain>
          {t('campaigns.field.documents')}
        </Divider>
        <Form.Item name="documents" extra={t('campaigns.form.documentsHint')}>
          <FileListUpload withTitle max={30} testId="documents-upload" />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('campaigns.form.reminders')}
        </Divider>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="remindDaysBefore"
              label={t('campaigns.field.remindDaysBefore')}
              extra={t('campaigns.form.remindHint')}
              rules={[required]}
            >
              <InputNumber min={0} max={60} precision={0} suffix={t('campaigns.unit.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="escalateEveryDays"
              label={t('campaigns.field.escalateEveryDays')}
              extra={t('campaigns.form.escalateHint')}
              rules={[required]}
            >
              <InputNumber min={1} max={60} precision={0} suffix={t('campaigns.unit.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
