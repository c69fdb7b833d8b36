// Create / edit a pairing. A community pairing names the community (region); a site or road
// segment pairing names its target in free text with an optional region.
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PAIRING_TARGETS, type PairingTarget } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useSavePairing, type Pairing, type PairingInput } from '../api/pairings-api';

interface Values {
  unitId: number;
  targetType: PairingTarget;
  regionId?: number | null;
  targetName?: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  note?: string;
}

export function PairingFormDrawer({ pairing, onClose }: { pairing: Pairing | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePairing();
  const targetType = Form.useWatch('targetType', form);
  const isCommunity = targetType === 'community';

  const initialValues: Partial<Values> = pairing
    ? {
        unitId: pairing.unitId,
        targetType: pairing.targetType,
        regionId: pairing.regionId,
        targetName: pairing.targetType === 'community' ? undefined : pairing.targetName,
        startsOn: dayjs(pairing.startsOn),
        endsOn: pairing.endsOn ? dayjs(pairing.endsOn) : null,
        note: pairing.note ?? undefined,
      }
    : { targetType: 'community', startsOn: dayjs() };

  const submit = async () => {
    const values = await form.validateFields();
    const input: PairingInput = {
      unitId: values.unitId,
      targetType: values.targetType,
      regionId: values.regionId ?? null,
      startsOn: values.startsOn.format(DATE_FORMAT),
      endsOn: values.endsOn ? values.endsOn.format(DATE_FORMAT) : null,
      note: values.note?.trim() || null,
    };
    if (values.targetType !== 'community') input.targetName = values.targetName?.trim() ?? null;
    save.mutate(
      { id: pairing?.id ?? null, input },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={pairing ? t('pairing.edit') : t('pairing.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={560}
    >
      <Form<Values> form={form} name="pairing" layout="vertical" initialValues={initialValues}>
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item
              name="unitId"
              label={t('pairing.unit')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UnitSelect initialLabel={pairing?.unitName} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name="targetType"
              label={t('pairing.targetType')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                options={PAIRING_TARGETS.map((p) => ({ value: p, label: t(`pairingTarget.${p}`) }))}
                onChange={() => form.setFieldsValue({ regionId: null })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="regionId"
              label={isCommunity ? t('pairing.community') : t('pairing.region')}
              rules={[{ required: isCommunity, message: t('pairing.communityRequired') }]}
            >
              <RegionTreeSelect selectableLevels={isCommunity ? ['community'] : undefined} />
            </Form.Item>
          </Col>
          {!isCommunity ? (
            <Col xs={24}>
              <Form.Item
                name="targetName"
                label={t('pairing.targetName')}
                rules={[
                  { required: true, whitespace: true, message: t('pairing.targetRequired') },
                  { max: 100, message: t('validation.maxLength', { max: 100 }) },
                ]}
              >
                <Input
                  maxLength={100}
                  placeholder={
                    targetType === 'road_segment' ? t('pairing.roadPlaceholder') : t('pairing.sitePlaceholder')
                  }
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12}>
            <Form.Item
              name="startsOn"
              label={t('pairing.startsOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} format={DATE_FORMAT} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="endsOn"
              label={t('pairing.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startsOn') as Dayjs | undefined;
                    if (value && start && value.isBefore(start, 'day')) throw new Error(t('pairing.datesInvalid'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} format={DATE_FORMAT} placeholder={t('pairing.openEnded')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="note"
              label={t('pairing.note')}
              rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
