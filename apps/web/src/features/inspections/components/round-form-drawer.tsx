// "新建测评轮次": name, the window the inspections are done in, the campaign it belongs to (its
// phase — 常态 or 迎检 — decides which thresholds score it), the owning region, the site types and
// regions to draw from, how many sites to draw at random per type (empty: every site) and the
// seed of the draw (empty: a new one; a reused seed with the same criteria reproduces a draw). The
// round is created as a draft with its sites drawn.
import { useMemo } from 'react';
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RemoteSelect, useRemoteSearch } from '../../../shared/components/remote-select';
import { RegionTreeMultiSelect, RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { useSiteTypes } from '../api/inspections-api';
import { useCampaignOptions, useCreateRound } from '../api/rounds-api';
import type { CreateRoundBody, RoundDetail } from '../api/inspection-types';

interface Values {
  name: string;
  window: [Dayjs, Dayjs];
  campaignId: number | null;
  regionId: number | null;
  typeCodes: string[];
  regionIds: number[];
  perType: number | null;
  seed: string;
}

/** What a new round may start from: another round's criteria and seed, to reproduce its draw. */
export interface RoundTemplate {
  name: string;
  campaign: { id: number; name: string } | null;
  criteria: RoundDetail['criteria'];
  seed: string;
  startsOn: string;
  endsOn: string;
}

function CampaignSelect({
  value,
  onChange,
  known,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  known: { id: number; name: string } | null;
}) {
  const t = useT();
  const search = useRemoteSearch();
  const { data, isFetching } = useCampaignOptions(search.q, search.opened);
  const options = useMemo(
    () =>
      (data ?? [])
        .filter((c) => c.status === 'active' || c.id === value)
        .map((c) => ({ value: c.id, label: c.name, hint: t(`inspections.phase.${c.phase}`) })),
    [data, value, t],
  );
  const names = useMemo(() => new Map(known ? [[known.id, known.name]] : []), [known]);
  return (
    <RemoteSelect<number | null>
      search={search}
      loading={isFetching}
      options={options}
      value={value ?? null}
      onChange={onChange}
      known={names}
      placeholder={t('inspections.round.campaignPlaceholder')}
    />
  );
}

export function RoundFormDrawer({
  template,
  onClose,
  onCreated,
}: {
  template: RoundTemplate | null;
  onClose: () => void;
  onCreated: (round: RoundDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRound();
  const types = useSiteTypes();

  const initial: Partial<Values> = template
    ? {
        name: template.name,
        window: [dayjs(template.startsOn), dayjs(template.endsOn)],
        campaignId: template.campaign?.id ?? null,
        typeCodes: template.criteria.typeCodes,
        regionIds: template.criteria.regionIds ?? [],
        perType: template.criteria.perType ?? null,
        seed: template.seed,
      }
    : { window: [dayjs(), dayjs().add(14, 'day')], typeCodes: [], regionIds: [], perType: 5, seed: '' };

  const submit = async () => {
    const v = await form.validateFields();
    const body: CreateRoundBody = {
      name: v.name.trim(),
      startsOn: v.window[0].format(DATE_FORMAT),
      endsOn: v.window[1].format(DATE_FORMAT),
      campaignId: v.campaignId ?? null,
      regionId: v.regionId ?? null,
      criteria: {
        typeCodes: v.typeCodes,
        ...(v.regionIds.length > 0 ? { regionIds: v.regionIds } : {}),
        ...(v.perType ? { perType: v.perType } : {}),
      },
      ...(v.seed.trim() ? { seed: v.seed.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (round) => {
        void message.success(t('inspections.round.created', { total: round.total }));
        onCreated(round);
        onClose();
      },
      onError: (error) => showApiError(error, message, form),
    });
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <FormDrawer
      open
      title={template ? t('inspections.round.reuse') : t('inspections.round.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending}
      submitText={t('inspections.round.draw')}
      width={640}
    >
      <Form<Values> form={form} name="round" layout="vertical" initialValues={initial}>
        <Form.Item
          name="name"
          label={t('inspections.round.name')}
          rules={[
            { ...required, whitespace: true },
            { min: 2, message: t('inspections.round.nameShort') },
          ]}
        >
          <Input maxLength={100} placeholder={t('inspections.round.namePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="window" label={t('inspections.round.window')} rules={[required]}>
              <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="regionId" label={t('inspections.round.region')} extra={t('inspections.round.regionHint')}>
              <RegionTreeSelect />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="campaignId"
          label={t('inspections.round.campaign')}
          extra={t('inspections.round.campaignHint')}
        >
          <CampaignSelect known={template?.campaign ?? null} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('inspections.round.drawTitle')}
        </Divider>
        <Form.Item name="typeCodes" label={t('inspections.round.types')} rules={[required]}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={types.isLoading}
            maxCount={60}
            options={(types.data ?? [])
              .filter((x) => x.active)
              .map((x) => ({
                value: x.code,
                label: x.name,
                disabled: x.itemCount === 0,
                title: x.itemCount === 0 ? t('inspections.round.noChecklist') : undefined,
              }))}
            optionRender={(option) => {
              const type = types.data?.find((x) => x.code === option.value);
              return (
                <span>
                  {option.label}
                  <span style={{ color: '#999', marginInlineStart: 6, fontSize: 12 }}>
                    {type ? t('inspections.round.typeCounts', { sites: type.siteCount, items: type.itemCount }) : null}
                  </span>
                </span>
              );
            }}
            data-testid="round-types"
          />
        </Form.Item>
        <Form.Item name="regionIds" label={t('inspections.round.regions')} extra={t('inspections.round.regionsHint')}>
          <RegionTreeMultiSelect />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="perType" label={t('inspections.round.perType')} extra={t('inspections.round.perTypeHint')}>
              <InputNumber min={1} max={20000} precision={0} style={{ width: '100%' }} data-testid="round-per-type" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="seed"
              label={t('inspections.round.seed')}
              extra={t('inspections.round.seedHint')}
              rules={[{ pattern: /^[0-9]{1,18}$/, message: t('inspections.round.seedFormat') }]}
            >
              <Input maxLength={18} inputMode="numeric" data-testid="round-seed" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
