// Where the problem is, without a map (no tiles offline): address, community / grid, site, and
// the coordinates with a copy button for pasting into any map app.
import { Descriptions, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { dash } from '../../../shared/format';
import type { CaseDetail } from '../../../shared/cases/cases-api';

export function CaseLocation({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const hasPoint = detail.lng !== null && detail.lat !== null;
  const coords = hasPoint ? `${detail.lng!.toFixed(6)}, ${detail.lat!.toFixed(6)}` : null;
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="case-location"
      items={[
        { key: 'address', label: t('cases.field.address'), children: dash(detail.address) },
        {
          key: 'area',
          label: t('cases.field.communityGrid'),
          // the region is often the grid or the community itself: show each name once
          children:
            [...new Set([detail.regionName, detail.communityName, detail.gridName].filter(Boolean))].join(' / ') || '—',
        },
        {
          key: 'coords',
          label: t('cases.field.coords'),
          children: coords ? (
            <Typography.Text copyable={{ text: coords }} data-testid="case-coords">
              {t('cases.location.lngLat', { lng: detail.lng!.toFixed(6), lat: detail.lat!.toFixed(6) })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('cases.location.noCoords')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}
