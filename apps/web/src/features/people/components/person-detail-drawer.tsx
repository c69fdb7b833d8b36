// One person with the unmasked phone (the server audits this view).
import { Descriptions, Drawer, Result, Skeleton, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { dash } from '../../../shared/format';
import { usePerson } from '../api/people-api';

export function PersonDetailDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const detail = usePerson(id);
  const person = detail.data;
  return (
    <Drawer
      open
      title={person?.name ?? t('person.detail')}
      onClose={onClose}
      size={Math.min(520, window.innerWidth)}
      destroyOnHidden
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError || !person ? (
        <Result status="warning" subTitle={detail.error?.message} />
      ) : (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            data-testid="person-detail"
            items={[
              { key: 'name', label: t('person.name'), children: person.name },
              { key: 'kind', label: t('person.kind'), children: t(`personKind.${person.kind}`) },
              {
                key: 'gender',
                label: t('person.gender'),
                children: person.gender ? t(`gender.${person.gender}`) : '—',
              },
              {
                key: 'phone',
                label: t('person.phone'),
                children: <span data-testid="person-phone">{dash(person.phone)}</span>,
              },
              { key: 'unit', label: t('person.unit'), children: dash(person.unitName) },
              { key: 'community', label: t('person.community'), children: dash(person.communityName) },
              { key: 'partyOrg', label: t('person.partyOrg'), children: dash(person.partyOrg) },
              { key: 'position', label: t('person.position'), children: dash(person.position) },
              {
                key: 'account',
                label: t('person.account'),
                children: person.hasAccount ? <Tag color="green">{person.username}</Tag> : t('person.noAccount'),
              },
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
