// Create a child region or edit one: 12-digit code, name, sort and — for grids — the boundary
// polygon as GeoJSON text.
import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { CHILD_LEVEL, REGION_CODE_PATTERN, type RegionLevel } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import type { Region } from '../../../shared/org-lookups';
import { RegionLevelTag } from '../../../shared/components/region-level-tag';
import { useSaveRegion, type GeoJsonPolygon, type RegionDetail, type RegionInput } from '../api/regions-api';

export type RegionFormMode = { kind: 'create'; parent: RegionDetail } | { kind: 'edit'; region: RegionDetail };

interface Values {
  code: string;
  name: string;
  sort?: number | null;
  polygon?: string;
}

const CODE_RE = new RegExp(REGION_CODE_PATTERN);

export function parsePolygon(text: string | undefined): GeoJsonPolygon | null | 'invalid' {
  if (!text || !text.trim()) return null;
  try {
    const value = JSON.parse(text) as { type?: unknown; coordinates?: unknown };
    if (
      (value.type === 'Polygon' || value.type === 'MultiPolygon') &&
      Array.isArray(value.coordinates) &&
      value.coordinates.length > 0
    ) {
      return { type: value.type, coordinates: value.coordinates };
    }
    return 'invalid';
  } catch {
    return 'invalid';
  }
}

export function RegionFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: RegionFormMode;
  onClose: () => void;
  onSaved: (region: Region) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRegion();

  const level: RegionLevel | null = mode.kind === 'create' ? CHILD_LEVEL[mode.parent.level] : mode.region.level;
  const isGrid = level === 'grid';
  const initialValues = useMemo<Partial<Values>>(
    () =>
      mode.kind === 'edit'
        ? {
            code: mode.region.code,
            name: mode.region.name,
            sort: mode.region.sort,
            polygon: mode.region.polygon ? JSON.stringify(mode.region.polygon, null, 2) : '',
          }
        : { sort: 0 },
    [mode],
  );

  const submit = async () => {
    const values = await form.validateFields();
    const input: RegionInput = { code: values.code.trim(), name: values.name.trim(), sort: values.sort ?? 0 };
    if (isGrid) {
      const polygon = parsePolygon(values.polygon);
      if (polygon !== 'invalid') {
        if (polygon || mode.kind === 'edit') input.polygon = polygon;
      }
    }
    if (mode.kind === 'create') input.parentId = mode.parent.id;
    save.mutate(
      { id: mode.kind === 'edit' ? mode.region.id : undefined, input },
      {
        onSuccess: (region) => {
          void message.success(t('common.saved'));
          onSaved(region);
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={
        mode.kind === 'create'
          ? t('region.createChild', { parent: mode.parent.name })
          : t('region.edit', { name: mode.region.name })
      }
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'form-submit' } as object) }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={isGrid ? 640 : 480}
    >
      {level ? (
        <Typography.Paragraph>
          {t('region.level')}: <RegionLevelTag level={level} />
        </Typography.Paragraph>
      ) : null}
      <Form<Values> form={form} name="region" layout="vertical" initialValues={initialValues}>
        <Form.Item
          name="code"
          label={t('region.code')}
          extra={t('region.codeHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: CODE_RE, message: t('validation.regionCode') },
          ]}
        >
          <Input maxLength={12} inputMode="numeric" placeholder="410800000000" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('region.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 60, message: t('validation.maxLength', { max: 60 }) },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="sort" label={t('region.sort')} extra={t('region.sortHint')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {isGrid ? (
          <Form.Item
            name="polygon"
            label={t('region.polygon')}
            extra={t('region.polygonHint')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  if (parsePolygon(value) === 'invalid') throw new Error(t('region.polygonInvalid'));
                },
              },
            ]}
          >
            <Input.TextArea
              rows={8}
              spellCheck={false}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              placeholder='{"type":"Polygon","coordinates":[[[113.2,35.2],[113.3,35.2],[113.3,35.3],[113.2,35.2]]]}'
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
