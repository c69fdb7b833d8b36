// Add / edit one node of the evaluation index: its level follows from the parent (a child of a
// 测评内容 is a 测评标准), a code unique in the city (suggested from the parent's), the name, and —
// on a standard — the methods (材料审核 / 实地考察 / 问卷调查, several), the points and the site
// types it applies to; order and active for every level.
import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { INDEX_METHODS, type IndexLevel, type IndexMethod } from '@cc/common/inspections';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { useSaveIndexNode, useSiteTypes } from '../api/inspections-api';
import type { IndexNode } from '../api/inspection-types';

interface Values {
  code: string;
  name: string;
  methods: IndexMethod[];
  points: number | null;
  siteTypes: string[];
  sort: number;
  active: boolean;
}

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

export type IndexNodeEdit =
  | { mode: 'create'; parent: IndexNode | null; level: IndexLevel; code: string; sort: number }
  | { mode: 'edit'; node: IndexNode };

export function IndexNodeDrawer({ edit, onClose }: { edit: IndexNodeEdit; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveIndexNode();
  const siteTypes = useSiteTypes();
  const level = edit.mode === 'create' ? edit.level : edit.node.level;
  const isStandard = level === 'standard';
  const methods = Form.useWatch('methods', form) as IndexMethod[] | undefined;

  const initial: Values =
    edit.mode === 'create'
      ? {
          code: edit.code,
          name: '',
          methods: isStandard ? ['field'] : [],
          points: null,
          siteTypes: [],
          sort: edit.sort,
          active: true,
        }
      : {
          code: edit.node.code,
          name: edit.node.name,
          methods: edit.node.methods,
          points: edit.node.points,
          siteTypes: edit.node.siteTypes,
          sort: edit.node.sort,
          active: edit.node.active,
        };

  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name.trim(),
      methods: isStandard ? v.methods : [],
      points: v.points ?? null,
      siteTypes: isStandard && v.methods.includes('field') ? v.siteTypes : [],
      sort: v.sort,
      active: v.active,
    };
    const body =
      edit.mode === 'create' ? { ...fields, parentId: edit.parent?.id ?? null, level, code: v.code.trim() } : fields;
    save.mutate(
      { id: edit.mode === 'edit' ? edit.node.id : null, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  const title =
    edit.mode === 'create'
      ? edit.parent
        ? t('inspections.index.addUnder', { level: t(`inspections.level.${level}`), parent: edit.parent.name })
        : t('inspections.index.addProject')
      : t('inspections.index.edit', { level: t(`inspections.level.${level}`) });

  return (
    <FormDrawer
      open
      title={title}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={600}
    >
      <Form<Values> form={form} name="indexNode" layout="vertical" initialValues={initial}>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="code"
              label={t('inspections.index.code')}
              extra={edit.mode === 'create' ? t('inspections.index.codeHint') : undefined}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: CODE_PATTERN, message: t('inspections.codeFormat') },
              ]}
            >
              <Input disabled={edit.mode === 'edit'} maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="sort" label={t('inspections.field.sort')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t(`inspections.index.name.${level}`)}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={500} data-testid="index-name" />
        </Form.Item>
        {isStandard ? (
          <>
            <Form.Item
              name="methods"
              label={t('inspections.index.methods')}
              rules={[{ required: true, message: t('inspections.index.methodsRequired') }]}
            >
              <Checkbox.Group options={INDEX_METHODS.map((m) => ({ value: m, label: t(`inspections.method.${m}`) }))} />
            </Form.Item>
            {methods?.includes('field') ? (
              <Form.Item
                name="siteTypes"
                label={t('inspections.index.siteTypes')}
                extra={t('inspections.index.siteTypesHint')}
              >
                <Select
                  mode="multiple"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={siteTypes.isLoading}
                  maxCount={60}
                  options={(siteTypes.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
                />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item
              name="points"
              label={t('inspections.index.points')}
              extra={isStandard ? undefined : t('inspections.index.pointsHint')}
            >
              <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="active" label={t('inspections.field.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
