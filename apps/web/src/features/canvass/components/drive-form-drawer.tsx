// 新建 / 编辑征询活动 (the drive planner): name and description, the campaign it serves, the owning
// region (new drives; the actor's own by default), the period, the dates by which every unit holds
// its kick-off (启动仪式) and hands in its forms (征询表), the materials canvassers hand out (the
// seed's 明白纸, 倡议书, 市民手册, 问卷 offered), how many days a unit has to answer a routed opinion
// and how often an unanswered one is escalated.
import { useMemo } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_MATERIALS } from '@cc/common/canvass';
import { useT } from '../../../app/i18n/locale-provider';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { RemoteSelect, useRemoteSearch } from '../../../shared/components/remote-select';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { useCampaignOptions, useSaveDrive } from '../api/canvass-api';
import type { CreateDriveBody, DriveDetail, UpdateDriveBody } from '../api/canvass-types';

interface Values {
  name: string;
  description: string;
  campaignId: number | null;
  regionId: number | null;
  period: [Dayjs, Dayjs];
  kickoffDueOn: Dayjs | null;
  recordsDueOn: Dayjs | null;
  materials: string[];
  answerDays: number;
  escalateEveryDays: number;
}

function CampaignSelect({
  value,
  onChange,
  known,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  known: { id: number; name: string } | null;
  id?: string;
}) {
  const t = useT();
  const search = useRemoteSearch();
  const { data, isFetching } = useCampaignOptions(search.q, search.opened);
  const options = useMemo(() => (data ?? []).map((c) => ({ value: c.id, label: c.name })), [data]);
  const names = useMemo(() => new Map(known ? [[known.id, known.name]] : []), [known]);
  return (
    <RemoteSelect<number | null>
      id={id}
      allowClear
      search={search}
      loading={isFetching}
      options={options}
      value={value ?? null}
      onChange={onChange}
      known={names}
      placeholder={t('canvass.drive.campaignPlaceholder')}
    />
  );
}

const day = (d: Dayjs | null) => (d ? d.format(DATE_FORMAT) : null);

export function DriveFormDrawer({
  drive,
  onClose,
  onSaved,
}: {
  drive: DriveDetail | null;
  onClose: () => void;
  onSaved?: (drive: DriveDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDrive();

  const initial: Partial<Values> = drive
    ? {
        name: drive.name,
        description: drive.description ?? '',
        campaignId: drive.campaign?.id ?? null,
        period: [dayjs(drive.startsOn), dayjs(drive.endsOn)],
        kickoffDueOn: drive.kickoffDueOn ? dayjs(drive.kickoffDueOn) : null,
        recordsDueOn: drive.recordsDueOn ? dayjs(drive.recordsDueOn) : null,
        materials: drive.materials,
        answerDays: drive.answerDays,
        escalateEveryDays: drive.escalateEveryDays,
      }
    : {
        description: '',
        campaignId: null,
        regionId: null,
        period: [dayjs(), dayjs().add(20, 'day')],
        kickoffDueOn: dayjs().add(5, 'day'),
        recordsDueOn: dayjs().add(20, 'day'),
        materials: [...DEFAULT_MATERIALS],
        answerDays: 7,
        escalateEveryDays: 3,
      };

  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name.trim(),
      description: v.description.trim() || null,
      campaignId: v.campaignId ?? null,
      startsOn: v.period[0].format(DATE_FORMAT),
      endsOn: v.period[1].format(DATE_FORMAT),
      kickoffDueOn: day(v.kickoffDueOn),
      recordsDueOn: day(v.recordsDueOn),
      materials: [...new Set(v.materials.map((m) => m.trim()).filter(Boolean))],
      answerDays: v.answerDays,
      escalateEveryDays: v.escalateEveryDays,
    };
    const body: CreateDriveBody | UpdateDriveBody = drive
      ? fields
      : { ...fields, ...(v.regionId ? { regionId: v.regionId } : {}) };
    save.mutate(
      { id: drive?.id ?? null, body },
      {
        onSuccess: (saved) => {
          void message.success(t(drive ? 'common.saved' : 'canvass.drive.created'));
          onSaved?.(saved);
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  const required = { required: true, message: t('validation.required') };
  const withinPeriod = (d: Dayjs) => {
    const period = form.getFieldValue('period') as [Dayjs, Dayjs] | undefined;
    return !!period && (d.isBefore(period[0], 'day') || d.isAfter(period[1], 'day'));
  };

  return (
    <FormDrawer
      open
      title={drive ? t('canvass.drive.edit') : t('canvass.drive.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={640}
    >
      <Form<Values> form={form} name="drive" layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('canvass.drive.name')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={100} placeholder={t('canvass.drive.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('canvass.drive.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="campaignId" label={t('canvass.drive.campaign')}>
              <CampaignSelect known={drive?.campaign ?? null} />
            </Form.Item>
          </Col>
          {!drive ? (
            <Col xs={24} sm={12}>
              <Form.Item name="regionId" label={t('canvass.drive.region')} extra={t('canvass.drive.regionHint')}>
                <RegionTreeSelect allowClear />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item name="period" label={t('canvass.drive.period')} rules={[required]}>
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="drive-period" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kickoffDueOn" label={t('canvass.drive.kickoffDue')} extra={t('canvass.drive.kickoffHint')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={withinPeriod} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="recordsDueOn" label={t('canvass.drive.recordsDue')} extra={t('canvass.drive.recordsHint')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={withinPeriod} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="materials"
          label={t('canvass.drive.materials')}
          extra={t('canvass.drive.materialsHint')}
          rules={[
            {
              validator: async (_r, list: string[] | undefined) => {
                if ((list ?? []).some((m) => m.trim().length > 40))
                  throw new Error(t('validation.maxLength', { max: 40 }));
                if ((list ?? []).length > 20) throw new Error(t('canvass.drive.materialsTooMany', { max: 20 }));
              },
            },
          ]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            options={DEFAULT_MATERIALS.map((m) => ({ value: m, label: m }))}
            data-testid="drive-materials"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="answerDays"
              label={t('canvass.drive.answerDays')}
              extra={t('canvass.drive.answerDaysHint')}
              rules={[required]}
            >
              <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} suffix={t('canvass.unit.days')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="escalateEveryDays"
              label={t('canvass.drive.escalateDays')}
              extra={t('canvass.drive.escalateHint')}
              rules={[required]}
            >
              <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} suffix={t('canvass.unit.days')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
