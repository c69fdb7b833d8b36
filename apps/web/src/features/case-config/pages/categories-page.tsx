// 问题分类与时限: the category tree with each category's routing rule (owner first / area first),
// handling time limit and verification limit. Categories are never deleted (cases refer to them):
// switching one off hides it from new reports only.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { NodeCollapseOutlined, NodeExpandOutlined, PlusOutlined } from '@ant-design/icons';
import type { LimitUnitName } from '@cc/common/cases';
import { useT, type TFunction } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { showApiError } from '../../../shared/form-errors';
import { SearchBox } from '../../../shared/components/search-box';
import { useCaseCategories, type CaseCategory } from '../../../shared/cases/cases-api';
import { useImportDefaultCategories, useSaveCategory } from '../api/case-config-api';
import { branchIds, buildCategoryTree, filterCategoryTree, type CategoryNode } from '../api/category-tree';
import { CategoryFormDrawer } from '../components/category-form-drawer';

function limitText(t: TFunction, amount: number | null, unit: LimitUnitName | null): string {
  if (amount === null || unit === null) return '—';
  return t('case.limit', { amount, unit: t(`case.limitUnit.${unit}`) });
}

type Editing = { category: CaseCategory | null; parent: CaseCategory | null };

export default function CategoriesPage() {
  const t = useT();
  const can = useCan();
  const { message, modal } = App.useApp();
  const canWrite = can('case.config');
  const categories = useCaseCategories();
  const save = useSaveCategory();
  const importDefaults = useImportDefaultCategories();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [switching, setSwitching] = useState<number | null>(null);

  const tree = useMemo(() => buildCategoryTree(categories.data ?? []), [categories.data]);
  const shown = useMemo(() => filterCategoryTree(tree, q), [tree, q]);
  const branches = useMemo(() => branchIds(shown), [shown]);
  // Everything is expanded unless the user folded it; a search always shows its matches.
  const expandedKeys = q ? branches : branches.filter((id) => !collapsed.has(id));
  const total = categories.data?.length ?? 0;
  const activeCount = categories.data?.filter((c) => c.active).length ?? 0;

  const setActive = (c: CaseCategory, active: boolean) => {
    const run = () => {
      setSwitching(c.id);
      return save
        .mutateAsync({ id: c.id, input: { active } })
        .then(
          () =>
            void message.success(active ? t('caseConfig.category.activated') : t('caseConfig.category.deactivated')),
          (error: unknown) => showApiError(error, message),
        )
        .finally(() => setSwitching(null));
    };
    if (active) {
      void run();
      return;
    }
    modal.confirm({
      title: t('caseConfig.category.deactivateTitle', { name: c.name }),
      content: t('caseConfig.category.deactivateBody'),
      okText: t('caseConfig.category.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const columns: TableColumnsType<CategoryNode> = [
    {
      title: t('caseConfig.category.name'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, c) => (
        <Typography.Text type={c.active ? undefined : 'secondary'} delete={!c.active} strong={c.depth === 0}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: t('caseConfig.category.code'),
      dataIndex: 'code',
      width: 130,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('caseConfig.category.ownerRule'),
      dataIndex: 'ownerRule',
      width: 190,
      render: (rule: CaseCategory['ownerRule']) => (
        <Tag color={rule === 'owner' ? 'geekblue' : 'cyan'}>{t(`case.ownerRule.${rule}`)}</Tag>
      ),
    },
    {
      title: t('caseConfig.category.limit'),
      key: 'limit',
      width: 130,
      render: (_v, c) => (
        <span style={{ whiteSpace: 'nowrap', color: c.limitUnit === 'urgent_hours' ? '#cf1322' : undefined }}>
          {limitText(t, c.limitAmount, c.limitUnit)}
        </span>
      ),
    },
    {
      title: t('caseConfig.category.verifyLimit'),
      key: 'verifyLimit',
      width: 130,
      render: (_v, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>{limitText(t, c.verifyLimitAmount, c.verifyLimitUnit)}</span>
      ),
    },
    { title: t('caseConfig.category.sort'), dataIndex: 'sort', width: 70, align: 'right' },
    {
      title: t('caseConfig.category.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, c) =>
        canWrite ? (
          <Switch
            size="small"
            checked={active}
            loading={switching === c.id}
            onChange={(next) => setActive(c, next)}
            aria-label={t('caseConfig.category.active')}
            data-testid={`category-active-${c.code}`}
          />
        ) : active ? (
          <Tag color="green">{t('caseConfig.category.on')}</Tag>
        ) : (
          <Tag>{t('caseConfig.category.off')}</Tag>
        ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_v, c) => (
        <Space size={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ category: c, parent: null })}
            data-testid="row-edit"
          >
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ category: null, parent: c })}
            data-testid="row-add-child"
          >
            {t('caseConfig.category.addChild')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Card size="small" title={t('menu.caseCategories')} data-testid="page-case-categories">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('caseConfig.category.intro')}
      </Typography.Paragraph>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <SearchBox
            onSearch={setQ}
            placeholder={t('caseConfig.category.searchPlaceholder')}
            width={220}
            testId="list-search"
          />
          <Button
            icon={<NodeExpandOutlined />}
            onClick={() => setCollapsed(new Set())}
            disabled={!!q || branches.length === 0}
          >
            {t('caseConfig.category.expandAll')}
          </Button>
          <Button
            icon={<NodeCollapseOutlined />}
            onClick={() => setCollapsed(new Set(branchIds(tree)))}
            disabled={!!q || branches.length === 0}
          >
            {t('caseConfig.category.collapseAll')}
          </Button>
          <Typography.Text type="secondary">
            {t('caseConfig.category.counts', { total, active: activeCount })}
          </Typography.Text>
        </Flex>
        {canWrite ? (
          <Flex wrap gap={8} align="center">
            <Popconfirm
              title={t('caseConfig.category.importDefaultsConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                importDefaults.mutateAsync().then(
                  () => void message.success(t('caseConfig.category.importDefaultsDone')),
                  (error: unknown) => showApiError(error, message),
                )
              }
            >
              <Button loading={importDefaults.isPending} data-testid="import-defaults">
                {t('caseConfig.category.importDefaults')}
              </Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ category: null, parent: null })}
              data-testid="create-button"
            >
              {t('caseConfig.category.create')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <Table<CategoryNode>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={categories.isFetching}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpand: (expanded, record) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (expanded) next.delete(record.id);
              else next.add(record.id);
              return next;
            }),
          indentSize: 20,
        }}
        locale={{
          emptyText: categories.isError
            ? categories.error.message
            : q
              ? t('caseConfig.category.noMatch')
              : t('caseConfig.category.empty'),
        }}
      />
      {editing ? (
        <CategoryFormDrawer
          category={editing.category}
          parent={editing.parent}
          tree={tree}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
