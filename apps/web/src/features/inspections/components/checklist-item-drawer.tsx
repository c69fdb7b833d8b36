// Add / edit one checklist item of a site type: its title and guidance for the inspector, the
// index standard it checks (实地考察 standards), the machine-checkable rule with a separate 迎检
// threshold, points, whether a photo is required, the case category a failure is filed under,
// order and active — with the requirement read back in words and a "试一试" box beside the form.
import { useMemo } from 'react';
import { App, Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { useCaseCategories } from '../../../shared/cases/cases-api';
import { useEvaluationIndex, useSaveChecklistItem } from '../api/inspections-api';
import { standardOptions } from '../api/index-tree';
import { checkRuleForm, defaultRuleForm, fieldOfRulePath, formOfRule, type RuleFormValues } from '../api/rule-form';
import type { ChecklistItem, ChecklistItemBody } from '../api/inspection-types';
import { RuleFields, RulePreview, TryRuleBox } from './rule-fields';

interface Values {
  title: string;
  standardId: number | null;
  guidance: string | null;
  rule: RuleFormValues;
  points: number;
  photoRequired: boolean;
  caseCategoryCode: string | null;
  sort: number;
  active: boolean;
}

function initialValues(item: ChecklistItem | null, nextSort: number): Values {
  if (!item) {
    return {
      title: '',
      standardId: null,
      guidance: null,
      rule: defaultRuleForm('presence'),
      points: 5,
      photoRequired: true,
      caseCategoryCode: null,
      sort: nextSort,
      active: true,
    };
  }
  return {
    title: item.title,
    standardId: item.standardId,
    guidance: item.guidance,
    rule: formOfRule(item.rule),
    points: item.points,
    photoRequired: item.photoRequired,
    caseCategoryCode: item.caseCategoryCode,
    sort: item.sort,
    active: item.active,
  };
}

export interface ChecklistItemDrawerProps {
  typeCode: string;
  typeName: string;
  /** The item to edit, or null to add one. */
  item: ChecklistItem | null;
  nextSort: number;
  onClose: () => void;
}

export function ChecklistItemDrawer({ typeCode, typeName, item, nextSort, onClose }: ChecklistItemDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveChecklistItem();
  const index = useEvaluationIndex();
  const categories = useCaseCategories();
  const ruleValues = Form.useWatch('rule', form) as RuleFormValues | undefined;
  const checked = useMemo(() => (ruleValues ? checkRuleForm(ruleValues) : null), [ruleValues]);

  const standards = useMemo(
    () =>
      standardOptions(index.data?.items ?? [])
        .filter((s) => (s.active && s.methods.includes('field')) || s.id === item?.standardId)
        .sort((a, b) => Number(b.siteTypes.includes(typeCode)) - Number(a.siteTypes.includes(typeCode))),
    [index.data, item?.standardId, typeCode],
  );

  const submit = async () => {
    const values = await form.validateFields();
    const check = checkRuleForm(values.rule);
    if (check.error) {
      const name = fieldOfRulePath(check.error.path);
      if (name) form.setFields([{ name: name as never, errors: [t('inspections.rule.positive')] }]);
      void message.error(t('inspections.rule.incomplete'));
      return;
    }
    const body: ChecklistItemBody = {
      typeCode,
      title: values.title.trim(),
      standardId: values.standardId ?? null,
      guidance: values.guidance?.trim() || null,
      rule: check.rule,
      points: values.points,
      photoRequired: values.photoRequired,
      caseCategoryCode: values.caseCategoryCode ?? null,
      sort: values.sort,
      active: values.active,
    };
    save.mutate(
      { id: item?.id ?? null, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
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
      title={
        item
          ? t('inspections.checklist.edit', { type: typeName })
          : t('inspections.checklist.create', { type: typeName })
      }
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={760}
    >
      <Form<Values> form={form} name="item" layout="vertical" initialValues={initialValues(item, nextSort)}>
        <Form.Item
          name="title"
          label={t('inspections.checklist.title')}
          rules={[
            { ...required, whitespace: true },
            { min: 2, message: t('inspections.checklist.titleShort') },
          ]}
        >
          <Input maxLength={200} placeholder={t('inspections.checklist.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="standardId"
          label={t('inspections.checklist.standard')}
          extra={t('inspections.checklist.standardHint')}
        >
          <Select<number | null>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={index.isLoading}
            options={standards.map((s) => ({
              value: s.id,
              label: `${s.code} ${s.name}`,
              title: s.path,
            }))}
            optionRender={(option) => (
              <span>
                {option.label}
                <span style={{ color: '#999', marginInlineStart: 6, fontSize: 12 }}>{option.data.title}</span>
              </span>
            )}
            popupMatchSelectWidth={false}
            data-testid="item-standard"
          />
        </Form.Item>
        <Form.Item name="guidance" label={t('inspections.checklist.guidance')}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('inspections.checklist.guidancePlaceholder')} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t('inspections.checklist.rule')}
        </Divider>
        <RuleFields />
        <div style={{ marginBottom: 12 }}>
          <RulePreview rule={checked?.rule ?? null} problem={null} />
        </div>
        <TryRuleBox rule={checked?.rule ?? null} />

        <Divider titlePlacement="start" plain>
          {t('inspections.checklist.scoring')}
        </Divider>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item name="points" label={t('inspections.checklist.points')} rules={[required]}>
              <InputNumber min={0.1} max={100} step={0.5} style={{ width: '100%' }} data-testid="item-points" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="sort" label={t('inspections.field.sort')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="photoRequired" label={t('inspections.checklist.photoRequired')} valuePropName="checked">
              <Switch data-testid="item-photo-required" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="active" label={t('inspections.field.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="caseCategoryCode"
          label={t('inspections.checklist.caseCategory')}
          extra={t('inspections.checklist.caseCategoryHint')}
        >
          <Select<string | null>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={categories.isLoading}
            options={(categories.data ?? [])
              .filter((c) => c.active || c.code === item?.caseCategoryCode)
              .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
