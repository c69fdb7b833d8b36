// 测评体系: the evaluation index as a tree table (测评项目 → 指标 → 测评内容 → 测评标准) with each
// standard's methods, points and site types, and the points below each branch; search, a method
// filter and inactive nodes on request. The office (index.manage) adds children, edits and
// (de)activates nodes, imports and exports the Excel file, and adds the editable sample (nodes
// whose codes exist are kept); a banner says when the index still is that sample.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined, ReadOutlined } from '@ant-design/icons';
import { INDEX_METHODS, type IndexMethod } from '@cc/common/inspections';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ActiveToggle } from '../components/active-toggle';
import { showApiError } from '../../../shared/form-errors';
import { ExportButton } from '../../../shared/components/export-button';
import { ImportButton } from '../../../shared/components/import-modal';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import {
  INDEX_PATH,
  inspectionsKey,
  useAddSampleIndex,
  useEvaluationIndex,
  useSaveIndexNode,
  useSiteTypes,
} from '../api/inspections-api';
import {
  branchIds,
  buildIndexTree,
  childLevelOf,
  filterIndexTree,
  nodesById,
  pointsBelow,
  suggestChildCode,
  type IndexTreeNode,
} from '../api/index-tree';
import type { ImportResult, IndexNode } from '../api/inspection-types';
import { IndexNodeDrawer, type IndexNodeEdit } from '../components/index-node-drawer';
import { LevelTag, MethodTags } from '../components/inspection-tags';

type Row = Omit<IndexTreeNode, 'children'> & { children?: Row[] };

/** AntD's tree table wants no `children` on leaves (else it draws an expander). */
function toRows(nodes: readonly IndexTreeNode[]): Row[] {
  return nodes.map(({ children, ...node }) => (children.length > 0 ? { ...node, children: toRows(children) } : node));
}

export default function EvaluationIndexPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const manage = can('index.manage');
  const query = useEvaluationIndex();
  const siteTypes = useSiteTypes();
  const save = useSaveIndexNode();
  const addSample = useAddSampleIndex();
  const [q, setQ] = useState('');
  const [method, setMethod] = useState<IndexMethod | undefined>();
  const [showInactive, setShowInactive] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  const [edit, setEdit] = useState<IndexNodeEdit | null>(null);

  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const tree = useMemo(() => buildIndexTree(items), [items]);
  const shown = useMemo(() => filterIndexTree(tree, { q, showInactive, method }), [tree, q, showInactive, method]);
  const rows = useMemo(() => toRows(shown), [shown]);
  const filtering = q.trim() !== '' || method !== undefined;
  // Projects open by default; a search or filter opens everything it found.
  const expandedKeys = filtering ? branchIds(shown) : (expanded ?? shown.map((n) => n.id));
  const typeNames = useMemo(() => new Map((siteTypes.data ?? []).map((s) => [s.code, s.name])), [siteTypes.data]);
  const byId = useMemo(() => nodesById(tree), [tree]);

  const addChild = (parent: IndexNode | null) => {
    const level = childLevelOf(parent);
    if (!level) return;
    const siblings = items.filter((n) => n.parentId === (parent?.id ?? null));
    setEdit({
      mode: 'create',
      parent,
      level,
      code: suggestChildCode(parent, siblings),
      sort: Math.max(0, ...siblings.map((s) => s.sort)) + 10,
    });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('inspections.index.node'),
      key: 'name',
      render: (_v, row) => (
        <Space size={6} align="start" style={{ display: 'inline-flex' }} data-testid="index-node" data-code={row.code}>
          <LevelTag level={row.level} />
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {row.code}
          </Typography.Text>
          <Typography.Text delete={!row.active} style={{ overflowWrap: 'anywhere' }}>
            {row.name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('inspections.index.methods'),
      dataIndex: 'methods',
      width: 200,
      render: (methods: IndexMethod[], row) => (row.level === 'standard' ? <MethodTags methods={methods} /> : null),
    },
    {
      title: t('inspections.index.points'),
      key: 'points',
      width: 90,
      align: 'right',
      render: (_v, row) => {
        if (row.level === 'standard') return row.points ?? '—';
        const node = byId.get(row.id);
        const below = node ? pointsBelow(node) : 0;
        return (
          <Typography.Text type="secondary" title={t('inspections.index.pointsBelow')}>
            {row.points ?? below}
          </Typography.Text>
        );
      },
    },
    {
      title: t('inspections.index.siteTypes'),
      dataIndex: 'siteTypes',
      width: 220,
      render: (codes: string[]) =>
        codes.length === 0 ? null : (
          <Space size={4} wrap>
            {codes.slice(0, 4).map((c) => (
              <Tag key={c} style={{ marginInlineEnd: 0 }}>
                {typeNames.get(c) ?? c}
              </Tag>
            ))}
            {codes.length > 4 ? <Tag style={{ marginInlineEnd: 0 }}>+{codes.length - 4}</Tag> : null}
          </Space>
        ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 250,
            render: (_v: unknown, row: Row) => (
              <Space size={0}>
                {row.level !== 'standard' ? (
                  <Button size="small" type="link" onClick={() => addChild(row)} data-testid="index-add-child">
                    {t('inspections.index.addChild', { level: t(`inspections.level.${childLevelOf(row)!}`) })}
                  </Button>
                ) : null}
                <Button size="small" type="link" onClick={() => setEdit({ mode: 'edit', node: row })}>
                  {t('common.edit')}
                </Button>
                <ActiveToggle
                  active={row.active}
                  save={(active, callbacks) => save.mutate({ id: row.id, body: { active } }, callbacks)}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const standards = items.filter((n) => n.level === 'standard' && n.active);

  return (
    <Card size="small" title={t('menu.evaluationIndex')} data-testid="page-evaluation-index">
      {query.data?.isSample ? (
        <Alert
          type="info"
          showIcon
          icon={<ReadOutlined />}
          title={t('inspections.index.sampleBanner')}
          description={t('inspections.index.sampleHint')}
          style={{ marginBottom: 12 }}
          data-testid="index-sample-banner"
        />
      ) : null}
      <ListToolbar
        onSearch={setQ}
        searchPlaceholder={t('inspections.index.searchPlaceholder')}
        filters={
          <>
            <Select<IndexMethod>
              allowClear
              placeholder={t('inspections.index.methods')}
              style={{ width: 140 }}
              value={method}
              onChange={(m) => setMethod(m ?? undefined)}
              options={INDEX_METHODS.map((m) => ({ value: m, label: t(`inspections.method.${m}`) }))}
            />
            <Space size={6}>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} />
              <Typography.Text>{t('inspections.showInactive')}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">
              {t('inspections.index.summary', {
                standards: standards.length,
                points: standards.reduce((sum, s) => sum + (s.points ?? 0), 0),
              })}
            </Typography.Text>
          </>
        }
        actions={
          <>
            {manage && query.data ? (
              <Popconfirm
                title={t('inspections.index.addSampleConfirm')}
                onConfirm={() =>
                  addSample.mutate(undefined, {
                    onSuccess: () => void message.success(t('inspections.index.sampleAdded')),
                    onError: (error) => showApiError(error, message),
                  })
                }
              >
                <Button loading={addSample.isPending} data-testid="index-add-sample">
                  {t('inspections.index.addSample')}
                </Button>
              </Popconfirm>
            ) : null}
            {manage ? (
              <ImportButton<ImportResult>
                target={{
                  title: t('inspections.index.importTitle'),
                  templatePath: `${INDEX_PATH}/import-template`,
                  templateFileName: `${t('menu.evaluationIndex')}-template.xlsx`,
                  uploadPath: `${INDEX_PATH}/import`,
                  describe: (r) => t('import.success', { inserted: r.inserted, updated: r.updated }),
                  invalidate: [[...inspectionsKey]],
                }}
              />
            ) : null}
            <ExportButton path={INDEX_PATH} params={{}} fileName={t('menu.evaluationIndex')} />
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => addChild(null)} data-testid="create-button">
                {t('inspections.index.addProject')}
              </Button>
            ) : null}
          </>
        }
      />
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpandedRowsChange: (keys) => {
            if (!filtering) setExpanded(keys);
          },
          indentSize: 18,
        }}
        locale={{
          emptyText: query.isError
            ? query.error.message
            : filtering
              ? t('inspections.index.noMatch')
              : t('inspections.index.empty'),
        }}
        data-testid="index-table"
      />
      {edit ? <IndexNodeDrawer edit={edit} onClose={() => setEdit(null)} /> : null}
    </Card>
  );
}
