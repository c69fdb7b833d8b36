// How to reach the resident of a visit: the name (only when they agreed to give it) and the phone,
// masked; "show number" — for those who may see it (canvass.phone) — fetches the full number, an
// audited view, and offers it as a tel: link.
import { useState } from 'react';
import { App, Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { fetchVisitPhone, useVisit } from '../api/canvass-api';
import type { Visit } from '../api/canvass-types';

export function PhoneWithReveal({ visit }: { visit: Pick<Visit, 'id' | 'phoneMasked'> }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!visit.phoneMasked) return <Typography.Text type="secondary">{t('canvass.visit.noPhone')}</Typography.Text>;
  const reveal = () => {
    setLoading(true);
    fetchVisitPhone(visit.id)
      .then((r) => setFull(r.phone))
      .catch((error: unknown) => showApiError(error, message))
      .finally(() => setLoading(false));
  };
  return (
    <Flex align="center" gap={8} wrap>
      {full ? (
        <a href={`tel:${full}`} data-testid="visit-phone-full">
          <PhoneOutlined /> {full}
        </a>
      ) : (
        <span data-testid="visit-phone-masked">{visit.phoneMasked}</span>
      )}
      {!full && can('canvass.phone') ? (
        <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={reveal} data-testid="visit-phone-show">
          {t('canvass.visit.showPhone')}
        </Button>
      ) : null}
      {full ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.auditedView')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The resident's name and phone of an opinion's visit (the deliver dialog, the opinion drawer). */
export function VisitContact({ visitId }: { visitId: number }) {
  const t = useT();
  const visit = useVisit(visitId);
  if (visit.isPending) return <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  if (!visit.data) return null;
  const v = visit.data;
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginBottom: 12 }}
      data-testid="visit-contact"
      items={[
        {
          key: 'who',
          label: t('canvass.visit.interviewee'),
          children: v.intervieweeName ?? t('canvass.visit.anonymous'),
        },
        {
          key: 'where',
          label: t('canvass.visit.address'),
          children: [v.community.name, v.building?.name, v.household].filter(Boolean).join(' · '),
        },
        { key: 'phone', label: t('canvass.visit.phone'), children: <PhoneWithReveal visit={v} /> },
      ]}
    />
  );
}
