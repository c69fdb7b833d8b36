// Staff intake on the PC (工作人员录入): a case from a phone call, a letter, a leader's
// instruction… The idempotency key is made when the drawer opens and sent with every retry, so a
// double click or a retry after a timeout never files the same case twice.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { CASE_SOURCES, type CaseSource } from '@cc/common/cases';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { PhotoUpload } from '../../../shared/cases/photo-upload';
import { newIdempotencyKey, useCreateCase, type CaseInput } from '../../../shared/cases/cases-api';
import { CategoryTreeSelect } from './category-tree-select';
import { UnitPicker } from '../../../shared/components/unit-picker';

interface Values {
  categoryId: number;
  description: string;
  communityId?: number | null;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  source: CaseSource;
  siteName?: string;
  ownerUnitId?: number | null;
  reporterName?: string;
  reporterPhone?: string;
  photos?: string[];
}

const PHONE = /^[0-9+\-\s()]{5,20}$/;

export function CaseFormDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  // One key per opened drawer: a retry of the same submission is answered with the same case.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const submit = async () => {
    const v = await form.validateFields();
    const text = (s: string | undefined) => s?.trim() || null;
    const input: CaseInput = {
      categoryId: v.categoryId,
      description: v.description.trim(),
      communityId: v.communityId ?? null,
      address: text(v.address),
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      source: v.source,
      siteName: text(v.siteName),
      ownerUnitId: v.ownerUnitId ?? null,
      reporterName: text(v.reporterName),
      reporterPhone: text(v.reporterPhone),
      photos: v.photos ?? [],
      idempotencyKey,
    };
    create.mutate(input, {
      onSuccess: (detail) => {
        if (detail.replayed) void message.info(t('cases.create.replayed', { code: detail.code }));
        else void message.success(t('cases.create.done', { code: detail.code }));
        onClose();
        void navigate(`/cases/${detail.id}`);
      },
      onError: (error) => showApiError(error, message, form),
    });
  };

  const required = { required: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.maxLength', { max: n }) });

  return (
    <FormDrawer
      open
      title={t('cases.create.title')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending}
      submitText={t('cases.create.submit')}
      width={640}
    >
      <Form<Values> form={form} name="case" layout="vertical" initialValues={{ source: 'staff', photos: [] }}>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="categoryId" label={t('cases.field.category')} rules={[required]}>
              <CategoryTreeSelect forIntake allowClear={false} placeholder={t('cases.create.categoryPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="source" label={t('cases.field.source')} rules={[required]}>
              <Select options={CASE_SOURCES.map((s) => ({ value: s, label: t(`case.source.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="description"
              label={t('cases.field.description')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { min: 2, message: t('cases.create.descriptionShort') },
                max(2000),
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t('cases.create.descriptionPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="communityId" label={t('cases.field.community')} extra={t('cases.create.communityHint')}>
              <RegionTreeSelect selectableLevels={['community']} placeholder={t('cases.create.communityPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="address" label={t('cases.field.address')} rules={[max(200)]}>
              <Input maxLength={200} placeholder={t('cases.create.addressPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="lng"
              label={t('cases.field.lng')}
              dependencies={['lat']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, value: number | null | undefined) => {
                    const lat = getFieldValue('lat') as number | null | undefined;
                    if ((value == null) !== (lat == null)) throw new Error(t('cases.create.coordsPair'));
                  },
                }),
              ]}
            >
              <InputNumber style={{ width: '100%' }} min={-180} max={180} step={0.000001} precision={6} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="lat" label={t('cases.field.lat')}>
              <InputNumber style={{ width: '100%' }} min={-90} max={90} step={0.000001} precision={6} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="siteName" label={t('cases.field.siteName')} rules={[max(100)]}>
              <Input maxLength={100} placeholder={t('cases.create.sitePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="ownerUnitId" label={t('cases.field.ownerUnit')} extra={t('cases.create.ownerUnitHint')}>
              <UnitPicker />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="reporterName" label={t('cases.field.reporterName')} rules={[max(50)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="reporterPhone"
              label={t('cases.field.reporterPhone')}
              rules={[{ pattern: PHONE, message: t('validation.phone') }]}
            >
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="photos" label={t('cases.field.beforePhotos')} extra={t('cases.create.photosHint')}>
              <PhotoUpload max={9} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
