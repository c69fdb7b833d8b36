// Register / edit a site (点位): its type, name and address, the point — picked on a small map
// among the sites around it or typed as longitude / latitude (WGS-84) — the region it lies in, the
// responsible unit (包保单位) whose cases its failures become, the contact person and phone, and
// whether it is in use. The map is loaded only when the drawer opens.
import { lazy, Suspense } from 'react';
import { App, Col, Form, Input, InputNumber, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { PHONE_PATTERN } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { useSiteTypes } from '../api/inspections-api';
import { useSaveSite, useSiteMap } from '../api/sites-api';
import type { Site, SiteBody } from '../api/inspection-types';

const PointPickerMap = lazy(() => import('./point-picker-map'));

interface Values {
  typeCode: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  regionId: number | null;
  unitId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
}

export interface SiteFormDrawerProps {
  /** The site to edit, or null to register one (optionally of a type). */
  site: Site | null;
  defaultTypeCode?: string;
  onClose: () => void;
  onSaved?: (site: Site) => void;
}

export function SiteFormDrawer({ site, defaultTypeCode, onClose, onSaved }: SiteFormDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSite();
  const types = useSiteTypes();
  const regionId = Form.useWatch('regionId', form) as number | null | undefined;
  const lng = Form.useWatch('lng', form) as number | null | undefined;
  const lat = Form.useWatch('lat', form) as number | null | undefined;
  const references = useSiteMap({ regionId: regionId ?? undefined });

  const initial: Values = site
    ? {
        typeCode: site.typeCode,
        name: site.name,
        address: site.address,
        lng: site.lng,
        lat: site.lat,
        regionId: site.regionId,
        unitId: site.unitId,
        contactName: site.contactName,
        contactPhone: null,
        active: site.active,
      }
    : {
        typeCode: defaultTypeCode ?? '',
        name: '',
        address: null,
        lng: null,
        lat: null,
        regionId: null,
        unitId: null,
        contactName: null,
        contactPhone: null,
        active: true,
      };

  const submit = async () => {
    const v = await form.validateFields();
    const body: Partial<SiteBody> = {
      typeCode: v.typeCode,
      name: v.name.trim(),
      address: v.address?.trim() || null,
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      regionId: v.regionId ?? null,
      unitId: v.unitId ?? null,
      contactName: v.contactName?.trim() || null,
      active: v.active,
    };
    // The phone is shown masked: it is only sent when typed anew.
    if (v.contactPhone?.trim()) body.contactPhone = v.contactPhone.trim();
    else if (!site) body.contactPhone = null;
    save.mutate(
      { id: site?.id ?? null, body },
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
  const point = typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : null;
  const bothOrNone = {
    validator: async () => {
      const { lng: x, lat: y } = form.getFieldsValue(['lng', 'lat']);
      if ((x === null || x === undefined) !== (y === null || y === undefined)) {
        throw new Error(t('inspections.site.pointBoth'));
      }
    },
  };

  return (
    <FormDrawer
      open
      title={site ? t('inspections.site.edit') : t('inspections.site.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={680}
    >
      <Form<Values> form={form} name="site" layout="vertical" initialValues={initial}>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="typeCode" label={t('inspections.site.type')} rules={[required]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={types.isLoading}
                options={(types.data ?? [])
                  .filter((x) => x.active || x.code === site?.typeCode)
                  .map((x) => ({ value: x.code, label: x.name }))}
                data-testid="site-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="name"
              label={t('inspections.site.name')}
              rules={[
                { ...required, whitespace: true },
                { min: 2, message: t('inspections.site.nameShort') },
              ]}
            >
              <Input maxLength={100} placeholder={t('inspections.site.namePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('inspections.site.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="regionId" label={t('inspections.site.region')} extra={t('inspections.site.regionHint')}>
          <RegionTreeSelect />
        </Form.Item>
        <Typography.Text style={{ display: 'block', marginBottom: 6 }}>{t('inspections.site.point')}</Typography.Text>
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
          <PointPickerMap
            value={point}
            references={(references.data ?? []).filter((r) => r.id !== site?.id)}
            onPick={(p) => form.setFieldsValue({ lng: p.lng, lat: p.lat })}
          />
        </Suspense>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '4px 0 8px' }}>
          {t('inspections.site.pointHint')}
        </Typography.Text>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="lng" label={t('inspections.site.lng')} dependencies={['lat']} rules={[bothOrNone]}>
              <InputNumber min={-180} max={180} step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="lat" label={t('inspections.site.lat')} dependencies={['lng']} rules={[bothOrNone]}>
              <InputNumber min={-90} max={90} step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="unitId" label={t('inspections.site.unit')} extra={t('inspections.site.unitHint')}>
          <UnitPicker known={{ id: site?.unitId ?? null, name: site?.unitName ?? null }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('inspections.site.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="contactPhone"
              label={t('inspections.site.contactPhone')}
              extra={site?.contactPhone ? t('inspections.site.phoneKept', { phone: site.contactPhone }) : undefined}
              rules={[{ pattern: new RegExp(PHONE_PATTERN), message: t('validation.phone') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="active" label={t('inspections.field.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
