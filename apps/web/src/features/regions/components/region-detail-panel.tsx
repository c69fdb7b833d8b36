// The selected region: path, code, level, sort, children, polygon; add child / edit / delete.
import { App, Breadcrumb, Button, Descriptions, Empty, Flex, Popconfirm, Skeleton, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CHILD_LEVEL } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { RegionLevelTag } from '../../../shared/components/region-level-tag';
import { useDeleteRegion, useRegionDetail, type RegionDetail } from '../api/regions-api';

export interface RegionDetailPanelProps {
  id: number | null;
  canWrite: boolean;
  onAddChild: (parent: RegionDetail) => void;
  onEdit: (region: RegionDetail) => void;
  onDeleted: (parentId: number | null) => void;
  onNavigate: (id: number) => void;
}

export function RegionDetailPanel({ id, canWrite, onAddChild, onEdit, onDeleted, onNavigate }: RegionDetailPanelProps) {
  const t = useT();
  const { message } = App.useApp();
  const detail = useRegionDetail(id);
  const remove = useDeleteRegion();

  if (id === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('region.selectHint')} />;
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError || !detail.data) return <Empty description={detail.error?.message ?? t('error.loadFailed')} />;

  const region = detail.data;
  const childLevel = CHILD_LEVEL[region.level];

  return (
    <Flex vertical gap={12} data-testid="region-detail">
      <Breadcrumb
        items={region.path.map((p) => ({
          key: p.id,
          title:
            p.id === region.id ? p.name : <Typography.Link onClick={() => onNavigate(p.id)}>{p.name}</Typography.Link>,
        }))}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <RegionLevelTag level={region.level} />
          {region.name}
        </Typography.Title>
        {canWrite ? (
          <Flex gap={8} wrap>
            {childLevel ? (
              <Button
                type="primary"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onAddChild(region)}
                data-testid="create-button"
              >
                {t('region.addChild', { level: t(`regionLevel.${childLevel}`) })}
              </Button>
            ) : null}
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(region)} data-testid="edit-button">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('region.deleteConfirm', { name: region.name })}
              description={
                region.childCount > 0 ? t('region.deleteHasChildren', { count: region.childCount }) : undefined
              }
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() =>
                remove.mutateAsync(region.id).then(
                  () => {
                    void message.success(t('common.deleted'));
                    onDeleted(region.parentId);
                  },
                  (error: unknown) => showApiError(error, message),
                )
              }
            >
              <Tooltip title={region.level === 'city' ? t('region.cityFixed') : undefined}>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={region.level === 'city'}
                  data-testid="delete-button"
                >
                  {t('common.delete')}
                </Button>
              </Tooltip>
            </Popconfirm>
          </Flex>
        ) : null}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'name', label: t('region.name'), children: region.name },
          { key: 'code', label: t('region.code'), children: <Typography.Text copyable>{region.code}</Typography.Text> },
          { key: 'level', label: t('region.level'), children: t(`regionLevel.${region.level}`) },
          { key: 'sort', label: t('region.sort'), children: region.sort },
          { key: 'children', label: t('region.childCount'), children: region.childCount },
          {
            key: 'polygon',
            label: t('region.polygon'),
            children:
              region.level === 'grid'
                ? region.hasPolygon
                  ? t('region.polygonSet')
                  : t('region.polygonNone')
                : t('region.polygonGridOnly'),
          },
        ]}
      />
      {region.polygon ? (
        <div>
          <Typography.Text type="secondary">{t('region.polygon')}</Typography.Text>
          <pre
            style={{
              maxHeight: 240,
              overflow: 'auto',
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              padding: 8,
              fontSize: 12,
              margin: '4px 0 0',
            }}
          >
            {JSON.stringify(region.polygon, null, 2)}
          </pre>
        </div>
      ) : null}
    </Flex>
  );
}
