// Two-step category choice with big touch targets: first the main type (市容环境, 交通秩序 …), then
// the concrete problem. Only active categories are offered. A main type without sub-types is
// chosen directly.
import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { CheckCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useCaseCategories } from '../../../shared/cases/cases-api';
import { categoryTree, isSelectable } from '../api/category-tree';

export interface CategoryPickerProps {
  id?: string;
  value?: number | null;
  onChange?: (categoryId: number | null) => void;
}

const optionStyle = {
  height: 'auto',
  minHeight: 52,
  whiteSpace: 'normal',
  textAlign: 'left',
  justifyContent: 'space-between',
  paddingBlock: 10,
  fontSize: 16,
} as const;

export function CategoryPicker({ id, value, onChange }: CategoryPickerProps) {
  const t = useT();
  const categories = useCaseCategories();
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const [openParent, setOpenParent] = useState<number | null>(null);

  if (categories.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (categories.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('field.category.loadFailed')}
        action={
          <Button size="small" onClick={() => void categories.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  const selected = value && isSelectable(tree, value) ? tree.byId.get(value) : undefined;
  if (selected) {
    const parent = selected.parentId !== null ? tree.byId.get(selected.parentId) : undefined;
    return (
      <Flex
        id={id}
        align="center"
        gap={8}
        style={{ border: '1px solid #c0392b', borderRadius: 8, padding: '10px 12px', background: '#fff5f4' }}
        data-testid="category-selected"
      >
        <CheckCircleFilled style={{ color: '#c0392b', fontSize: 20 }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          {parent ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {parent.name}
            </Typography.Text>
          ) : null}
          <Typography.Text strong style={{ fontSize: 16 }}>
            {selected.name}
          </Typography.Text>
        </div>
        <Button
          size="large"
          onClick={() => {
            setOpenParent(parent?.id ?? null);
            onChange?.(null);
          }}
          data-testid="category-change"
        >
          {t('field.category.change')}
        </Button>
      </Flex>
    );
  }

  if (tree.parents.length === 0) {
    return <Alert type="warning" showIcon title={t('field.category.none')} />;
  }

  const children = openParent !== null ? tree.childrenOf.get(openParent) : undefined;
  if (openParent !== null && children) {
    const parent = tree.byId.get(openParent);
    return (
      <div id={id}>
        <Button
          type="link"
          icon={<LeftOutlined />}
          onClick={() => setOpenParent(null)}
          style={{ paddingInline: 0, height: 40, fontSize: 15 }}
          data-testid="category-back"
        >
          {parent?.name ?? t('common.back')}
        </Button>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
          {children.map((c) => (
            <Button
              key={c.id}
              size="large"
              style={optionStyle}
              onClick={() => onChange?.(c.id)}
              data-testid={`category-${c.id}`}
            >
              {c.name}
            </Button>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div id={id} style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
      {tree.parents.map((p) => {
        const hasChildren = tree.childrenOf.has(p.id);
        return (
          <Button
            key={p.id}
            size="large"
            style={optionStyle}
            onClick={() => (hasChildren ? setOpenParent(p.id) : onChange?.(p.id))}
            data-testid={`category-${p.id}`}
          >
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{p.name}</span>
            {hasChildren ? <RightOutlined style={{ color: '#999' }} /> : null}
          </Button>
        );
      })}
    </div>
  );
}
