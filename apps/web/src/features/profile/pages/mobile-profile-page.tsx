// Mobile profile tab: display name, language and password change, stacked for a phone screen.
import { Card, Flex } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useMe } from '../../../app/auth/use-me';
import { LangSwitch } from '../../../app/layout/lang-switch';
import { ChangePasswordForm } from '../../../app/auth/change-password-form';
import { DisplayNameForm } from '../components/display-name-form';

export default function MobileProfilePage() {
  const t = useT();
  const me = useMe();
  return (
    <Flex vertical gap={12} data-testid="page-mobile-profile">
      <Card size="small" title={t('profile.basic')}>
        <DisplayNameForm block />
      </Card>
      <Card size="small" title={t('profile.language')}>
        <LangSwitch size="middle" />
      </Card>
      <Card size="small" title={t('password.title')}>
        <ChangePasswordForm username={me.username} />
      </Card>
    </Flex>
  );
}
