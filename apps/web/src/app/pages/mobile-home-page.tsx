// Mobile home tab: greeting, the user's unit / region and roles, language switch and logout.
import { Link } from 'react-router';
import { Avatar, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { DesktopOutlined, LogoutOutlined } from '@ant-design/icons';
import { useT } from '../i18n/locale-provider';
import type { MessageKey } from '../i18n/catalogues';
import { useMe } from '../auth/use-me';
import { useLogout } from '../auth/auth-actions';
import { LangSwitch } from '../layout/lang-switch';
import { visibleMenuEntries } from '../layout/menu-config';

function greetingKey(hour: number): MessageKey {
  if (hour < 5) return 'mobile.greeting.night';
  if (hour < 11) return 'mobile.greeting.morning';
  if (hour < 13) return 'mobile.greeting.noon';
  if (hour < 18) return 'mobile.greeting.afternoon';
  return 'mobile.greeting.evening';
}

export function MobileHomePage() {
  const t = useT();
  const me = useMe();
  const logout = useLogout();
  const desktopEntry = visibleMenuEntries(me.permissions).find((e) => e.key !== 'profile');

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex align="center" gap={12}>
          <Avatar size={48} style={{ background: '#c0392b', flex: 'none' }}>
            {me.displayName.slice(0, 1)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="mobile-greeting">
              {t(greetingKey(new Date().getHours()), { name: me.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
              {[me.cityName, me.regionName !== me.cityName ? me.regionName : null, me.unitName]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        </Flex>
      </Card>
      <Card size="small" title={t('profile.summary')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'username', label: t('profile.username'), children: me.username },
            { key: 'displayName', label: t('profile.displayName'), children: me.displayName },
            {
              key: 'roles',
              label: t('profile.roles'),
              children: (
                <Flex wrap gap={4}>
                  {me.roles.map((role) => (
                    <Tag key={role} color="blue">
                      {t(`role.${role}`)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            { key: 'city', label: t('profile.city'), children: me.cityName },
            { key: 'region', label: t('profile.region'), children: me.regionName ?? t('common.none') },
            { key: 'unit', label: t('profile.unit'), children: me.unitName ?? t('common.none') },
          ]}
        />
      </Card>
      <Card size="small">
        <Flex justify="space-between" align="center">
          <Typography.Text>{t('profile.language')}</Typography.Text>
          <LangSwitch size="middle" />
        </Flex>
      </Card>
      {desktopEntry ? (
        <Link to={desktopEntry.path}>
          <Button block icon={<DesktopOutlined />}>
            {t('mobile.desktopView')}
          </Button>
        </Link>
      ) : null}
      <Button block danger icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout-button">
        {t('auth.logout')}
      </Button>
    </Flex>
  );
}
