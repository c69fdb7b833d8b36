// 待答复意见 (/canvass/inbox): the opinions routed to the user's unit and not yet delivered to the
// resident — reply (solved, scheduled, cannot) and record the delivery.
import { Typography } from 'antd';
import { useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { OpinionWorkbench } from '../components/opinion-workbench';

export default function InboxPage() {
  const t = useT();
  const me = useMe();
  return (
    <OpinionWorkbench
      inbox
      title={
        <span>
          {t('canvass.menu.inbox')}
          {me.unitName ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
              {me.unitName}
            </Typography.Text>
          ) : null}
        </span>
      }
    />
  );
}
