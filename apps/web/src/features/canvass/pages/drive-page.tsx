// One canvass drive (/canvass/drives/:id/:tab): the header (name, status, period, region,
// coverage) with 编辑 / 开始征询 / 结束 for the office, and its tabs — 概览 (figures, opinion counts,
// milestones, late units), 包联分派 (units × communities × buildings, kick-off), 进度 (by unit,
// community — with the map — or building), 走访记录 (the visits) and 意见建议 (counts that open the
// workbench filtered to the drive). The tab is a path segment so it survives a reload.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Popconfirm, Space } from 'antd';
import { EditOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { TabbedRecordHeader } from '../../../shared/components/tabbed-record-header';
import { RecordPage } from '../../../shared/components/page-states';
import { showApiError } from '../../../shared/form-errors';
import { routeId } from '../../../shared/url-params';
import { useDrive, useDriveStatus } from '../api/canvass-api';
import type { DriveDetail } from '../api/canvass-types';
import { AssignmentsTab } from '../components/assignments-tab';
import { CoverageBar, DriveStatusTag } from '../components/canvass-tags';
import { DriveFormDrawer } from '../components/drive-form-drawer';
import { DriveOpinionsTab, OverviewTab } from '../components/overview-tab';
import { ProgressTab } from '../components/progress-tab';
import { VisitsTab } from '../components/visits-tab';

export const DRIVE_TABS = ['overview', 'assignments', 'progress', 'visits', 'opinions'] as const;
export type DriveTab = (typeof DRIVE_TABS)[number];

export default function DrivePage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useDrive(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-canvass-drive"
      notFoundTitle={t('canvass.drive.notFound')}
      backTo="/canvass/drives"
      backText={t('canvass.drive.backToList')}
    >
      {(drive) => <DriveView drive={drive} />}
    </RecordPage>
  );
}

function DriveView({ drive }: { drive: DriveDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const params = useParams();
  const { message } = App.useApp();
  const setStatus = useDriveStatus(drive.id);
  const [editing, setEditing] = useState(false);
  const tab: DriveTab = (DRIVE_TABS as readonly string[]).includes(params.tab ?? '')
    ? (params.tab as DriveTab)
    : 'overview';

  const step = (status: 'open' | 'closed') =>
    setStatus.mutate(status, {
      onSuccess: () => void message.success(t(status === 'open' ? 'canvass.drive.opened' : 'canvass.drive.closed')),
      onError: (error) => showApiError(error, message),
    });

  const panes: Record<DriveTab, React.ReactNode> = {
    overview: <OverviewTab drive={drive} />,
    assignments: <AssignmentsTab drive={drive} />,
    progress: <ProgressTab drive={drive} />,
    visits: <VisitsTab drive={drive} />,
    opinions: <DriveOpinionsTab drive={drive} />,
  };

  return (
    <div data-testid="page-canvass-drive" data-drive-id={drive.id} data-status={drive.status}>
      <TabbedRecordHeader
        backText={t('canvass.drive.backToList')}
        onBack={() => void navigate('/canvass/drives')}
        title={drive.name}
        titleTestId="drive-name"
        status={<DriveStatusTag status={drive.status} />}
        facts={
          <>
            <span>{t('canvass.drive.periodText', { from: drive.startsOn, to: drive.endsOn })}</span>
            <span>{drive.region.name}</span>
            {drive.campaign ? <span>{drive.campaign.name}</span> : null}
          </>
        }
        actions={
          <>
            <Space wrap>
              <div data-testid="drive-coverage">
                <CoverageBar progress={drive.progress} width={200} />
              </div>
              {drive.canManage ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="drive-edit">
                  {t('common.edit')}
                </Button>
              ) : null}
              {drive.canManage && drive.status !== 'open' ? (
                <Popconfirm
                  title={t(drive.status === 'draft' ? 'canvass.drive.openConfirm' : 'canvass.drive.reopenConfirm')}
                  onConfirm={() => step('open')}
                >
                  <Button
                    type="primary"
                    icon={<PlayCircleOutlined />}
                    loading={setStatus.isPending}
                    data-testid="drive-open"
                  >
                    {t(drive.status === 'draft' ? 'canvass.drive.open' : 'canvass.drive.reopen')}
                  </Button>
                </Popconfirm>
              ) : null}
              {drive.canManage && drive.status === 'open' ? (
                <Popconfirm title={t('canvass.drive.closeConfirm')} onConfirm={() => step('closed')}>
                  <Button danger icon={<StopOutlined />} loading={setStatus.isPending} data-testid="drive-close">
                    {t('canvass.drive.close')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          </>
        }
        tabs={DRIVE_TABS}
        activeTab={tab}
        onTab={(key) => void navigate(`/canvass/drives/${drive.id}/${key}`)}
        tabLabel={(key) => t(`canvass.drive.tab.${key}`)}
      />
      <div style={{ marginTop: 12 }}>{panes[tab]}</div>
      {editing ? <DriveFormDrawer drive={drive} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
