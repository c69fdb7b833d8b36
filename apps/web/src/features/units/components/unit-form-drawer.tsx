// Create / edit a unit. Editing loads the audited detail first so phone numbers are the real
// ones, never the masked list values.
import { useEffect } from 'react';
import { App, Col, Form, Input, Row, Select, Skeleton } from 'antd';
import { PHONE_PATTERN, UNIT_TYPES, type UnitType } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useSaveUnit, useUnit, type UnitInput } from '../api/units-api';

interface Values {
  name: string;
  shortName?: string;
  type: UnitType;
  parentId?: number | null;
  regionId?: number | null;
  headName?: string;
  headPhone?: string;
  liaisonName?: string;
  liaisonPhone?: string;
}

const PHONE_RE = new RegExp(PHONE_PATTERN);
const blankToNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

export function UnitFormDrawer({ editingId, onClose }: { editingId: number | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const detail = useUnit(editingId);
  const save = useSaveUnit();
  const loading = editingId !== null && detail.isPending;
  const unit = detail.data;

  useEffect(() => {
    if (unit) {
      form.setFieldsValue({
        name: unit.name,
        shortName: unit.shortName ?? undefined,
        type: unit.type,
        parentId: unit.parentId,
        regionId: unit.regionId,
        headName: unit.headName ?? undefined,
        headPhone: unit.headPhone ?? undefined,
        liaisonName: unit.liaisonName ?? undefined,
        liaisonPhone: unit.liaisonPhone ?? undefined,
      });
    }
  }, [unit, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const input: UnitInput = {
      name: values.name.trim(),
      shortName: blankToNull(values.shortName),
      type: values.type,
      parentId: values.parentId ?? null,
      regionId: values.regionId ?? null,
      headName: blankToNull(values.headName),
      headPhone: blankToNull(values.headPhone),
      liaisonName: blankToNull(values.liaisonName),
      liaisonPhone: blankToNull(values.liaisonPhone),
    };
    save.mutate(
      { id: editingId, input },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  const phoneRule = { pattern: PHONE_RE, message: t('validation.phone') };

  return (
    <FormDrawer
      open
      title={editingId === null ? t('unit.create') : t('unit.edit')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={640}
    >
      {loading ? (
        <Skeleton active />
      ) : (
        <Form<Values> form={form} name="unit" layout="vertical" initialValues={{ type: 'agency' }}>
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item
                name="name"
                label={t('unit.name')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 60, message: t('validation.maxLength', { max: 60 }) },
                ]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="shortName"
                label={t('unit.shortName')}
                rules={[{ max: 30, message: t('validation.maxLength', { max: 30 }) }]}
              >
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="type"
                label={t('unit.type')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="parentId" label={t('unit.parent')}>
                <UnitSelect initialLabel={unit?.parentName} excludeId={editingId ?? undefined} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="regionId" label={t('unit.region')}>
                <RegionTreeSelect />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="headName"
                label={t('unit.headName')}
                rules={[{ max: 30, message: t('validation.maxLength', { max: 30 }) }]}
              >
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="headPhone" label={t('unit.headPhone')} rules={[phoneRule]}>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="liaisonName"
                label={t('unit.liaisonName')}
                rules={[{ max: 30, message: t('validation.maxLength', { max: 30 }) }]}
              >
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="liaisonPhone" label={t('unit.liaisonPhone')} rules={[phoneRule]}>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </FormDrawer>
  );
}
