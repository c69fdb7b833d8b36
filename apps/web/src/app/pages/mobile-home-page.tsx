// Mobile home tab: greeting, quick actions (report a problem, my reports, cases to work on with
// their counts, the unit's ledger tasks with what is open and overdue, field inspections still to
// do), the user's unit / region and roles, language switch and logout.
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { Avatar, Badge, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import {
  AimOutlined,
  CameraOutlined,
  CarryOutOutlined,
  DesktopOutlined,
  FileTextOutlined,
  HeartOutlined,
  LogoutOutlined,
  ProfileOutlined,
  RightOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { CASE_WORKING_STATUSES } from '@cc/common/cases';
import { useT } from '../i18n/locale-provider';
import type { MessageKey } from '../i18n/catalogues';
import { useMe } from '../auth/use-me';
import { useLogout } from '../auth/auth-actions';
import { LangSwitch } from '../layout/lang-switch';
import { visibleMenuEntries } from '../layout/menu-config';
import { useCaseCounts } from '../../shared/cases/cases-api';
import { useOpenTaskCounts } from '../../shared/ledger-counts';
import { useOpenInspectionCount } from '../../shared/inspections/open-count';

function greetingKey(hour: number): MessageKey {
  if (hour < 5) return 'mobile.greeting.night';
  if (hour < 11) return 'mobile.greeting.morning';
  if (hour < 13) return 'mobile.greeting.noon';
  if (hour < 18) return 'mobile.greeting.afternoon';
  return 'mobile.greeting.evening';
}

function QuickAction({
  to,
  icon,
  label,
  extra,
  testId,
}: {
  to: string;
  icon: ReactNode;
  label: string;
  extra?: ReactNode;
  testId: string;
}) {
  return (
    <Link
      to={to}
      data-testid={testId}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        minHeight: 56,
        padding: '8px 4px',
        color: 'inherit',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <span style={{ fontSize: 24, color: '#c0392b', width: 32, textAlign: 'center' }}>{icon}</span>
      <span style={{ flex: 1, minWidth: 0, fontSize: 16 }}>{label}</span>
      {extra}
      <RightOutlined style={{ color: '#bbb' }} />
    </Link>
  );
}

/** Open cases waiting for this user: the unit's working cases and / or handled cases to verify. */
function PendingCount({ unitId, handle, verify }: { unitId: number | null; handle: boolean; verify: boolean }) {
  const t = useT();
  const counts = useCaseCounts(handle && unitId ? { unitId } : {});
  if (!counts.data) return null;
  const byStatus = counts.data.byStatus;
  const working = handle ? CASE_WORKING_STATUSES.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0) : 0;
  const toVerify = verify ? (byStatus.handled ?? 0) : 0;
  const overdue = handle ? counts.data.overdue : 0;
  return (
    <Flex gap={4} align="center" data-testid="home-case-counts">
      {overdue > 0 ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('field.home.overdue', { count: overdue })}
        </Tag>
      ) : null}
      <Badge
        count={working + toVerify}
        showZero
        overflowCount={999}
        color={working + toVerify > 0 ? '#c0392b' : '#bbb'}
      />
    </Flex>
  );
}

/** The unit's ledger instances still to report, and how many of them are overdue. */
function TaskCount() {
  const t = useT();
  const counts = useOpenTaskCounts();
  if (!counts.data) return null;
  const { open, overdue } = counts.data;
  return (
    <Flex gap={4} align="center" data-testid="home-task-counts">
      {overdue > 0 ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('campaigns.mobile.homeOverdue', { count: overdue })}
        </Tag>
      ) : null}
      <Badge count={open} showZero overflowCount={999} color={open > 0 ? '#c0392b' : '#bbb'} />
    </Flex>
  );
}

/** Inspections still to do on the user's list (round sites and re-inspections). */
function InspectionCount() {
  const count = useOpenInspectionCount();
  if (count.data === undefined) return null;
  return (
    <span data-testid="home-inspection-count">
      <Badge count={count.data} showZero overflowCount={999} color={count.data > 0 ? '#c0392b' : '#bbb'} />
    </span>
  );
}

export function MobileHomePage() {
  const t = useT();
  const me = useMe();
  const logout = useLogout();
  const desktopEntry = visibleMenuEntries(me.permissions).find((e) => e.key !== 'profile');
  const canReport = me.permissions.includes('case.report');
  const canHandle = me.permissions.includes('case.handle');
  const canVerify = me.permissions.includes('case.verify');
  const canReportTasks = me.permissions.includes('campaign.report');
  const canInspect = me.permissions.includes('inspection.perform');
  const canCanvass = me.permissions.includes('canvass.record');
  const canVolunteer = me.permissions.includes('volunteer.join');

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
      {canReport || canHandle || canVerify || canReportTasks || canInspect || canCanvass || canVolunteer ? (
        <Card size="small" title={t('field.home.title')} styles={{ body: { paddingBlock: 0 } }}>
          {canReportTasks ? (
            <QuickAction
              to="/m/tasks"
              icon={<CarryOutOutlined />}
              label={t('campaigns.mobile.homeTile')}
              extra={<TaskCount />}
              testId="home-tasks"
            />
          ) : null}
          {canInspect ? (
            <QuickAction
              to="/m/inspections"
              icon={<AimOutlined />}
              label={t('inspectionShared.homeTile')}
              extra={<InspectionCount />}
              testId="home-inspections"
            />
          ) : null}
          {canCanvass ? (
            <QuickAction
              to="/m/canvass"
              icon={<SolutionOutlined />}
              label={t('canvass.homeTile')}
              testId="home-canvass"
            />
          ) : null}
          {canVolunteer ? (
            <QuickAction
              to="/m/volunteer"
              icon={<HeartOutlined />}
              label={t('volunteers.homeTile')}
              testId="home-volunteer"
            />
          ) : null}
          {canReport ? (
            <QuickAction to="/m/report" icon={<CameraOutlined />} label={t('field.home.report')} testId="home-report" />
          ) : null}
          {canReport ? (
            <QuickAction
              to="/m/reports"
              icon={<FileTextOutlined />}
              label={t('field.home.myReports')}
              testId="home-my-reports"
            />
          ) : null}
          {canHandle || canVerify ? (
            <QuickAction
              to="/m/cases"
              icon={<ProfileOutlined />}
              label={t('field.home.cases')}
              extra={<PendingCount unitId={me.unitId} handle={canHandle} verify={canVerify} />}
              testId="home-cases"
            />
          ) : null}
        </Card>
      ) : null}
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
