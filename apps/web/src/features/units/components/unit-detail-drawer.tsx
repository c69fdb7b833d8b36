// One unit with unmasked contact phones (the server audits this view).
import { Drawer, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { dash } from '../../../shared/format';
import { useUnit } from '../api/units-api';

export function UnitDetailDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const detail = useUnit(id);
  const unit = detail.data;
  return (
    <Drawer
      open
      title={unit?.name ?? t('unit.detail')}
      onClose={onClose}
      size={Math.min(560, window.innerWidth)}
      destroyOnHidden
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError || !unit ? (
        <Result status="warning" subTitle={detail.error?.message} />
      ) : (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            data-testid="unit-detail"
            items={[
              { key: 'name', label: t('unit.name'), children: unit.name },
              { key: 'shortName', label: t('unit.shortName'), children: dash(unit.shortName) },
              { key: 'type', label: t('unit.type'), children: t(`unitType.${unit.type}`) },
              { key: 'parent', label: t('unit.parent'), children: dash(unit.parentName) },
              { key: 'region', label: t('unit.region'), children: dash(unit.regionName) },
              { key: 'headName', label: t('unit.headName'), children: dash(unit.headName) },
              { key: 'headPhone', label: t('unit.headPhone'), children: dash(unit.headPhone) },
              { key: 'liaisonName', label: t('unit.liaisonName'), children: dash(unit.liaisonName) },
              { key: 'liaisonPhone', label: t('unit.liaisonPhone'), children: dash(unit.liaisonPhone) },
              { key: 'people', label: t('unit.peopleCount'), children: unit.peopleCount },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('common.auditedView')}
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
