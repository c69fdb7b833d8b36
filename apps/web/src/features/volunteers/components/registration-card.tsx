// The member's registration with the residential community on the phone: not linked to a member
// record, not registered (register), pending / confirmed (with the volunteer number, withdraw), or
// rejected / withdrawn (the reason, register again).
import { Link } from 'react-router';
import { App, Button, Card, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { LoadErrorAlert } from '../../../shared/mobile/page-parts';
import { useMyRegistration, useWithdrawRegistration } from '../api/volunteers-api';
import { RegistrationStatusTag } from './volunteer-tags';

export function RegistrationCard() {
  const t = useT();
  const { message } = App.useApp();
  const query = useMyRegistration();
  const withdraw = useWithdrawRegistration();
  const current = query.data?.current ?? null;
  const active = current && (current.status === 'pending' || current.status === 'confirmed');

  return (
    <Card size="small" title={t('volunteers.mobile.registration')} data-testid="my-registration">
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.isError ? (
        <LoadErrorAlert message={query.error.message} onRetry={() => void query.refetch()} />
      ) : !query.data.personLinked ? (
        <Typography.Text type="secondary" data-testid="registration-not-linked">
          {t('volunteers.mobile.notLinked')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {current ? (
            <div>
              <Flex align="center" gap={8} wrap>
                <Typography.Text strong style={{ fontSize: 16, overflowWrap: 'anywhere' }}>
                  {current.community.name}
                </Typography.Text>
                {current.community.street ? (
                  <Typography.Text type="secondary">{current.community.street}</Typography.Text>
                ) : null}
                <RegistrationStatusTag status={current.status} />
              </Flex>
              {current.volunteerNo ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t('volunteers.mobile.volunteerNo', { no: current.volunteerNo })}
                </Typography.Text>
              ) : null}
              {current.status === 'pending' ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t('volunteers.mobile.pendingHint')}
                </Typography.Text>
              ) : null}
              {current.status === 'rejected' && current.rejectReason ? (
                <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }}>
                  {t('volunteers.mobile.rejectReason', { reason: current.rejectReason })}
                </Typography.Text>
              ) : null}
            </div>
          ) : (
            <Typography.Text type="secondary">{t('volunteers.mobile.notRegistered')}</Typography.Text>
          )}
          {active ? (
            <Popconfirm
              title={t('volunteers.mobile.withdrawConfirm')}
              onConfirm={() =>
                withdraw.mutate(current.id, {
                  onSuccess: () => void message.success(t('volunteers.mobile.withdrawn')),
                  onError: (e) => showApiError(e, message),
                })
              }
            >
              <Button block loading={withdraw.isPending} data-testid="registration-withdraw">
                {t('volunteers.mobile.withdraw')}
              </Button>
            </Popconfirm>
          ) : (
            <Link to="/m/volunteer/register">
              <Button type="primary" size="large" block style={{ height: 48 }} data-testid="registration-register">
                {current ? t('volunteers.mobile.registerAgain') : t('volunteers.mobile.register')}
              </Button>
            </Link>
          )}
        </Flex>
      )}
    </Card>
  );
}
