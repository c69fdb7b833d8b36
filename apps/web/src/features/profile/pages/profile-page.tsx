// 个人中心: account facts, display name, language, and password change.
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useMe } from '../../../app/auth/use-me';
import { LangSwitch } from '../../../app/layout/lang-switch';
import { ChangePasswordForm } from '../../../app/auth/change-password-form';
import { DisplayNameForm } from '../components/display-name-form';

export default function ProfilePage() {
  const t = useT();
  const me = useMe();
  return (
    <Row gutter={[16, 16]} data-testid="page-profile">
      <Col xs={24} lg={12}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('profile.account')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('profile.username'), children: me.username },
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
                {
                  key: 'idle',
                  label: t('profile.idleTimeout'),
                  children: t('profile.minutes', { minutes: me.idleTimeoutMinutes }),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('profile.basic')}>
            <DisplayNameForm />
          </Card>
          <Card size="small" title={t('profile.language')}>
            <Flex align="center" gap={12}>
              <LangSwitch size="middle" />
              <Typography.Text type="secondary">{t('profile.languageHint')}</Typography.Text>
            </Flex>
          </Card>
        </Flex>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('password.title')}>
          <div style={{ maxWidth: 420 }}>
            <ChangePasswordForm username={me.username} />
          </div>
        </Card>
      </Col>
    </Row>
  );
}
