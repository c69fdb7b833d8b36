// 测评清单: the checklist of one site type (the type is a path segment, /checklists/bus_stop, so a
// link or a reload keeps it): its items in order with the standard each checks, the rule in words
// (with its 迎检 threshold), points, photo required and the case category a failure is filed
// under; the office adds, edits, deactivates and reactivates items (inspection.manage).
import { useMemo, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { Button, Card, Empty, Flex, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ActiveToggle } from '../components/active-toggle';
import { useCaseCategories } from '../../../shared/cases/cases-api';
import { useChecklist, useSaveChecklistItem, useSiteTypes } from '../api/inspections-api';
import type { ChecklistItem, SiteType } from '../api/inspection-types';
import { ChecklistItemDrawer } from '../components/checklist-item-drawer';

export default function ChecklistsPage() {
  const t = useT();
  const { code } = useParams();
  const types = useSiteTypes();
  if (types.isError) {
    return (
      <Card size="small" title={t('menu.checklists')} data-testid="page-checklists">
        <Typography.Text type="danger">{types.error.message}</Typography.Text>
      </Card>
    );
  }
  if (!types.data) return <Card size="small" loading title={t('menu.checklists')} data-testid="page-checklists" />;
  const type = types.data.find((x) => x.code === code);
  if (!type) {
    const first = types.data.find((x) => x.active && x.itemCount > 0) ?? types.data.find((x) => x.active);
    if (first) return <Navigate to={`/checklists/${encodeURIComponent(first.code)}`} replace />;
    return (
      <Card size="small" title={t('menu.checklists')} data-testid="page-checklists">
        <Empty description={t('inspections.siteTypes.empty')} />
      </Card>
    );
  }
  return <ChecklistView type={type} types={types.data} />;
}

function ChecklistView({ type, types }: { type: SiteType; types: SiteType[] }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const manage = can('inspection.manage');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<ChecklistItem | 'new' | null>(null);
  const query = useChecklist(type.code);
  const save = useSaveChecklistItem();
  const categories = useCaseCategories();
  const categoryNames = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c.name])), [categories.data]);
  const all = query.data ?? [];
  const items = all.filter((i) => showInactive || i.active);
  const activePoints = all.filter((i) => i.active).reduce((sum, i) => sum + i.points, 0);

  const columns: TableColumnsType<ChecklistItem> = [
    { title: t('inspections.field.sort'), dataIndex: 'sort', width: 64, align: 'right' },
    {
      title: t('inspections.checklist.title'),
      dataIndex: 'title',
      render: (title: string, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text delete={!item.active} data-testid="checklist-title">
            {title}
          </Typography.Text>
          {item.guidance ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.guidance}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('inspections.checklist.standard'),
      key: 'standard',
      width: 220,
      render: (_v, item) =>
        item.standardCode ? (
          <Typography.Text ellipsis={{ tooltip: item.standardName }} style={{ maxWidth: 200 }}>
            {item.standardCode} {item.standardName}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('inspections.checklist.rule'),
      key: 'rule',
      width: 280,
      render: (_v, item) => (
        <Space orientation="vertical" size={2}>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`inspections.ruleKind.${item.rule.kind}`)}</Tag>
          <Typography.Text data-testid="checklist-rule">{item.ruleText}</Typography.Text>
        </Space>
      ),
    },
    { title: t('inspections.checklist.points'), dataIndex: 'points', width: 64, align: 'right' },
    {
      title: t('inspections.checklist.photo'),
      dataIndex: 'photoRequired',
      width: 64,
      align: 'center',
      render: (v: boolean) => (v ? <CameraOutlined style={{ color: '#c0392b' }} /> : '—'),
    },
    {
      title: t('inspections.checklist.caseCategory'),
      dataIndex: 'caseCategoryCode',
      width: 140,
      ellipsis: true,
      render: (code: string | null) => (code ? (categoryNames.get(code) ?? code) : '—'),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_v: unknown, item: ChecklistItem) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(item)} data-testid="checklist-edit">
                  {t('common.edit')}
                </Button>
                <ActiveToggle
                  active={item.active}
                  save={(active, callbacks) => save.mutate({ id: item.id, body: { active } }, callbacks)}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('menu.checklists')}
      data-testid="page-checklists"
      data-type={type.code}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
            {t('inspections.checklist.add')}
          </Button>
        ) : null
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          value={type.code}
          style={{ width: 240 }}
          onChange={(next) => void navigate(`/checklists/${encodeURIComponent(next)}`)}
          options={types.map((x) => ({
            value: x.code,
            label: `${x.name}（${x.itemCount}）${x.active ? '' : ` · ${t('inspections.inactive')}`}`,
          }))}
          data-testid="checklist-type"
        />
        <Typography.Text type="secondary">
          {t('inspections.checklist.summary', { count: all.filter((i) => i.active).length, points: activePoints })}
        </Typography.Text>
        <Space size={6}>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} />
          <Typography.Text>{t('inspections.showInactive')}</Typography.Text>
        </Space>
      </Flex>
      <Table<ChecklistItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: query.isError ? query.error.message : t('inspections.checklist.empty') }}
        data-testid="checklist-table"
      />
      {editing ? (
        <ChecklistItemDrawer
          typeCode={type.code}
          typeName={type.name}
          item={editing === 'new' ? null : editing}
          nextSort={Math.max(0, ...all.map((i) => i.sort)) + 10}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
