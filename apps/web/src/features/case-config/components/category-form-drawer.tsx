// Create / edit a case category. Code and parent are set once (cases and statistics refer to
// them); name, routing rule, time limits, order and active can change later. The verification
// limit is optional but comes as a pair (unit + amount).
import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Radio, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import { LIMIT_UNITS, OWNER_RULES, type LimitUnitName, type OwnerRule } from '@cc/common/cases';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import type { CaseCategory } from '../../../shared/cases/cases-api';
import { useSaveCategory } from '../api/case-config-api';
import type { CategoryNode } from '../api/category-tree';

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,30}$/;

interface Values {
  parentId?: number | null;
  code: string;
  name: string;
  ownerRule: OwnerRule;
  limitUnit: LimitUnitName;
  limitAmount: number;
  verifyLimitUnit?: LimitUnitName | null;
  verifyLimitAmount?: number | null;
  sort?: number | null;
  active: boolean;
}

interface ParentOption {
  value: number;
  title: string;
  label: string;
  searchText: string;
  children?: ParentOption[];
}

export interface CategoryFormDrawerProps {
  /** null: a new category. */
  category: CaseCategory | null;
  /** For a new category: its parent (pre-selected; the new row copies the parent's rules). */
  parent?: CaseCategory | null;
  tree: readonly CategoryNode[];
  onClose: () => void;
}

export function CategoryFormDrawer({ category, parent, tree, onClose }: CategoryFormDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategory();
  const isEdit = category !== null;

  const parentOptions = useMemo(() => {
    const toOption = (n: CategoryNode): ParentOption => ({
      value: n.id,
      title: `${n.name}（${n.code}）`,
      label: n.name,
      searchText: `${n.name} ${n.code}`.toLowerCase(),
      children: n.children?.map(toOption),
    });
    return tree.map(toOption);
  }, [tree]);

  const template = category ?? parent ?? null;
  const initialValues: Partial<Values> = {
    parentId: category ? category.parentId : (parent?.id ?? null),
    code: category?.code ?? (parent ? `${parent.code}.` : ''),
    name: category?.name ?? '',
    ownerRule: template?.ownerRule ?? 'area',
    limitUnit: template?.limitUnit ?? 'working_days',
    limitAmount: template?.limitAmount ?? 3,
    verifyLimitUnit: template?.verifyLimitUnit ?? null,
    verifyLimitAmount: template?.verifyLimitAmount ?? null,
    sort: category?.sort ?? 0,
    active: category?.active ?? true,
  };

  const unitOptions = LIMIT_UNITS.map((u) => ({ value: u, label: t(`case.limitUnit.${u}`) }));

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      name: v.name.trim(),
      ownerRule: v.ownerRule,
      limitUnit: v.limitUnit,
      limitAmount: v.limitAmount,
      verifyLimitUnit: v.verifyLimitUnit ?? null,
      verifyLimitAmount: v.verifyLimitUnit ? (v.verifyLimitAmount ?? null) : null,
      sort: v.sort ?? 0,
      active: v.active,
    };
    const onError = (error: Error) => showApiError(error, message, form);
    const onSuccess = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (category) save.mutate({ id: category.id, input: common }, { onSuccess, onError });
    else
      save.mutate(
        { id: null, input: { ...common, code: v.code.trim(), parentId: v.parentId ?? null } },
        { onSuccess, onError },
      );
  };

  return (
    <FormDrawer
      open
      title={category ? t('caseConfig.category.edit', { name: category.name }) : t('caseConfig.category.create')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={save.isPending}
      width={560}
    >
      <Form<Values> form={form} name="category" layout="vertical" initialValues={initialValues}>
        <Form.Item
          name="parentId"
          label={t('caseConfig.category.parent')}
          extra={isEdit ? t('caseConfig.category.fixedAfterCreate') : t('caseConfig.category.parentHint')}
        >
          <TreeSelect<number | null>
            allowClear
            disabled={isEdit}
            treeData={parentOptions}
            treeNodeLabelProp="label"
            treeDefaultExpandAll
            showSearch={{
              filterTreeNode: (input, node) => String(node.searchText ?? '').includes(input.trim().toLowerCase()),
            }}
            placeholder={t('caseConfig.category.topLevel')}
            popupMatchSelectWidth={false}
            listHeight={320}
            notFoundContent={t('common.noData')}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('caseConfig.category.code')}
          extra={isEdit ? t('caseConfig.category.fixedAfterCreate') : t('caseConfig.category.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: CODE_PATTERN, message: t('caseConfig.category.codeInvalid') },
          ]}
        >
          <Input maxLength={30} disabled={isEdit} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('caseConfig.category.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 50, message: t('validation.maxLength', { max: 50 }) },
          ]}
        >
          <Input maxLength={50} placeholder={t('caseConfig.category.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="ownerRule"
          label={t('caseConfig.category.ownerRule')}
          extra={t('caseConfig.category.ownerRuleHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Radio.Group
            options={OWNER_RULES.map((r) => ({ value: r, label: t(`case.ownerRule.${r}`) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
        <Form.Item
          label={t('caseConfig.category.limit')}
          required
          extra={t('caseConfig.category.limitHint')}
          style={{ marginBottom: 16 }}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="limitAmount"
              noStyle
              rules={[
                { required: true, message: t('caseConfig.category.limitRequired') },
                { type: 'integer', min: 1, max: 10_000, message: t('validation.range', { min: 1, max: 10000 }) },
              ]}
            >
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '40%' }} />
            </Form.Item>
            <Form.Item name="limitUnit" noStyle rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={unitOptions} style={{ width: '60%' }} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('caseConfig.category.verifyLimit')} extra={t('caseConfig.category.verifyLimitHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="verifyLimitAmount"
              noStyle
              dependencies={['verifyLimitUnit']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: number | null | undefined) => {
                    const unit = getFieldValue('verifyLimitUnit') as LimitUnitName | null | undefined;
                    if (unit && (value === null || value === undefined)) {
                      throw new Error(t('caseConfig.category.verifyPair'));
                    }
                  },
                }),
                { type: 'integer', min: 1, max: 10_000, message: t('validation.range', { min: 1, max: 10000 }) },
              ]}
            >
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '40%' }} />
            </Form.Item>
            <Form.Item name="verifyLimitUnit" noStyle>
              <Select
                allowClear
                options={unitOptions}
                placeholder={t('caseConfig.category.verifyNone')}
                style={{ width: '60%' }}
                onChange={(unit: LimitUnitName | undefined) => {
                  if (!unit) form.setFieldsValue({ verifyLimitAmount: null });
                  void form.validateFields(['verifyLimitAmount']).catch(() => undefined);
                }}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Space size={24} align="start" wrap>
          <Form.Item
            name="sort"
            label={t('caseConfig.category.sort')}
            extra={t('caseConfig.category.sortHint')}
            rules={[{ type: 'integer', min: 0, max: 100_000, message: t('validation.range', { min: 0, max: 100000 }) }]}
          >
            <InputNumber min={0} max={100_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="active"
            label={t('caseConfig.category.active')}
            valuePropName="checked"
            extra={<Typography.Text type="secondary">{t('caseConfig.category.activeHint')}</Typography.Text>}
          >
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </FormDrawer>
  );
}
