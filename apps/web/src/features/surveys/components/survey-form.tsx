// The questionnaire's own fields — title, introduction, owning region (on creation), campaign,
// collection period and the answering limits — as a form used by the create drawer and the
// settings tab; and the quotas per region with what each has received.
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { SURVEY_LIMITS } from '@cc/common/surveys';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { showApiError } from '../../../shared/form-errors';
import { useCampaignOptions, useSetQuotas } from '../api/surveys-api';
import type { SurveyBody, SurveyDetail } from '../api/survey-types';

export interface SurveyFormValues {
  title: string;
  intro?: string;
  regionId?: number;
  campaignId?: number | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  perDeviceLimit: number;
  perIpDailyLimit: number;
}

export function toFormValues(s: SurveyDetail): SurveyFormValues {
  return {
    title: s.title,
    intro: s.intro ?? undefined,
    campaignId: s.campaign?.id ?? null,
    window:
      s.opensAt || s.closesAt ? [s.opensAt ? dayjs(s.opensAt) : null, s.closesAt ? dayjs(s.closesAt) : null] : null,
    perDeviceLimit: s.perDeviceLimit,
    perIpDailyLimit: s.perIpDailyLimit,
  };
}

export function toBody(v: SurveyFormValues): SurveyBody {
  return {
    title: v.title.trim(),
    intro: v.intro?.trim() || null,
    ...(v.regionId ? { regionId: v.regionId } : {}),
    campaignId: v.campaignId ?? null,
    opensAt: v.window?.[0]?.toISOString() ?? null,
    closesAt: v.window?.[1]?.toISOString() ?? null,
    perDeviceLimit: v.perDeviceLimit,
    perIpDailyLimit: v.perIpDailyLimit,
  };
}

export function SurveyFields({ withRegion }: { withRegion: boolean }) {
  const t = useT();
  const can = useCan();
  const campaigns = useCampaignOptions(can('campaign.read'));
  return (
    <>
      <Form.Item
        name="title"
        label={t('surveys.field.title')}
        rules={[{ required: true, whitespace: true, message: t('surveys.err.title') }]}
      >
        <Input maxLength={SURVEY_LIMITS.title} data-testid="survey-title" />
      </Form.Item>
      <Form.Item name="intro" label={t('surveys.field.intro')}>
        <Input.TextArea rows={3} maxLength={SURVEY_LIMITS.intro} showCount />
      </Form.Item>
      {withRegion ? (
        <Form.Item name="regionId" label={t('surveys.field.region')}>
          <RegionTreeSelect selectableLevels={['city', 'district', 'street', 'community']} />
        </Form.Item>
      ) : null}
      <Form.Item name="campaignId" label={t('surveys.field.campaign')}>
        <Select
          allowClear
          loading={campaigns.isLoading}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="window" label={t('surveys.field.window')}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          placeholder={[t('surveys.field.opensAt'), t('surveys.field.closesAt')]}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="perDeviceLimit" label={t('surveys.field.perDevice')} extra={t('surveys.field.perDeviceHint')}>
          <InputNumber min={0} max={SURVEY_LIMITS.perDevice} />
        </Form.Item>
        <Form.Item name="perIpDailyLimit" label={t('surveys.field.perIp')} extra={t('surveys.field.perIpHint')}>
          <InputNumber min={0} max={SURVEY_LIMITS.perIpDaily} />
        </Form.Item>
      </Flex>
    </>
  );
}

interface QuotaRow {
  key: number;
  regionId: number | null;
  quota: number;
  counted: number;
  regionName?: string;
}

export function QuotasEditor({ survey }: { survey: SurveyDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSetQuotas(survey.id);
  const [rows, setRows] = useState<QuotaRow[]>(() =>
    survey.quotas.map((q, i) => ({
      key: i,
      regionId: q.regionId,
      quota: q.quota,
      counted: q.counted,
      regionName: q.regionName,
    })),
  );
  const patch = (key: number, p: Partial<QuotaRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const submit = () =>
    save.mutate(
      rows.filter((r) => r.regionId !== null).map((r) => ({ regionId: r.regionId!, quota: r.quota })),
      {
        onSuccess: (detail) => {
          setRows(
            detail.quotas.map((q, i) => ({
              key: i,
              regionId: q.regionId,
              quota: q.quota,
              counted: q.counted,
              regionName: q.regionName,
            })),
          );
          void message.success(t('surveys.saved'));
        },
        onError: (error) => showApiError(error, message),
      },
    );
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="quotas-editor">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('surveys.quota.hint')}
      </Typography.Paragraph>
      <Table<QuotaRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('surveys.quota.none') }}
        columns={[
          {
            title: t('surveys.quota.region'),
            key: 'region',
            render: (_v, r) =>
              survey.canManage ? (
                <RegionTreeSelect
                  value={r.regionId}
                  onChange={(regionId) => patch(r.key, { regionId })}
                  selectableLevels={['district', 'street', 'community']}
                  style={{ width: '100%', minWidth: 200 }}
                />
              ) : (
                r.regionName
              ),
          },
          {
            title: t('surveys.quota.quota'),
            key: 'quota',
            width: 140,
            render: (_v, r) => (
              <InputNumber
                min={0}
                max={SURVEY_LIMITS.quota}
                value={r.quota}
                disabled={!survey.canManage}
                onChange={(quota) => patch(r.key, { quota: quota ?? 0 })}
              />
            ),
          },
          { title: t('surveys.quota.counted'), dataIndex: 'counted', width: 90, align: 'right' },
          ...(survey.canManage
            ? [
                {
                  key: 'remove',
                  width: 48,
                  render: (_v: unknown, r: QuotaRow) => (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {survey.canManage ? (
        <Flex gap={8}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRows((all) => [...all, { key: Date.now(), regionId: null, quota: 100, counted: 0 }])}
            data-testid="quota-add"
          >
            {t('surveys.quota.add')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={submit}
            data-testid="quota-save"
          >
            {t('surveys.quota.save')}
          </Button>
        </Flex>
      ) : null}
    </Space>
  );
}
