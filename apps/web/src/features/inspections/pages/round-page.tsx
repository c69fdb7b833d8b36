// One inspection round (测评轮次): the header (name, status, window, campaign, region, progress)
// with 开始督查 / 结束 for the office and the Excel export of results by site, and its tabs — 抽样与
// 分派 (the draw by type and its seed, reuse of the seed, inspectors with assigned / done, assigning
// the unassigned sites), 督查任务 (the inspections with filters in the URL, assigning chosen
// ones) and 结果 (rollups with trends against the previous round). The tab is a path segment
// (/inspection-rounds/12/results) so each tab's own state survives a reload.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Popconfirm, Progress, Space } from 'antd';
import { PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { TabbedRecordHeader } from '../../../shared/components/tabbed-record-header';
import { ExportButton } from '../../../shared/components/export-button';
import { RecordPage } from '../../../shared/components/page-states';
import { showApiError } from '../../../shared/form-errors';
import { routeId } from '../../../shared/url-params';
import { ROUNDS_PATH, useRound, useRoundStep } from '../api/rounds-api';
import type { RoundDetail } from '../api/inspection-types';
import { RoundStatusTag, ScoreText } from '../components/inspection-tags';
import { RoundPlanTab } from '../components/round-plan-tab';
import { RoundInspectionsTab } from '../components/round-inspections-tab';
import { RoundResultsTab } from '../components/round-results-tab';

export const ROUND_TABS = ['plan', 'inspections', 'results'] as const;
export type RoundTab = (typeof ROUND_TABS)[number];

export default function RoundPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useRound(id);
  return (
    <RecordPage
      id={id}
      query={query}
      testId="page-round"
      notFoundTitle={t('inspections.round.notFound')}
      backTo="/inspection-rounds"
      backText={t('inspections.round.backToList')}
    >
      {(round) => <RoundView round={round} />}
    </RecordPage>
  );
}

function RoundView({ round }: { round: RoundDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const params = useParams();
  const { message } = App.useApp();
  const step = useRoundStep(round.id);
  const tab: RoundTab = (ROUND_TABS as readonly string[]).includes(params.tab ?? '')
    ? (params.tab as RoundTab)
    : 'plan';
  const [stepping, setStepping] = useState<'open' | 'close' | null>(null);

  const run = (next: 'open' | 'close') => {
    setStepping(next);
    step.mutate(next, {
      onSuccess: () =>
        void message.success(t(next === 'open' ? 'inspections.round.opened' : 'inspections.round.closed')),
      onError: (error) => showApiError(error, message),
      onSettled: () => setStepping(null),
    });
  };

  const panes: Record<RoundTab, React.ReactNode> = {
    plan: <RoundPlanTab round={round} />,
    inspections: <RoundInspectionsTab round={round} />,
    results: <RoundResultsTab round={round} />,
  };

  return (
    <div data-testid="page-round" data-round-id={round.id} data-status={round.status}>
      <TabbedRecordHeader
        backText={t('inspections.round.backToList')}
        onBack={() => void navigate('/inspection-rounds')}
        title={round.name}
        titleTestId="round-name"
        status={<RoundStatusTag status={round.status} />}
        facts={
          <>
            <span>{t('inspections.round.windowText', { from: round.startsOn, to: round.endsOn })}</span>
            <span>{round.regionName}</span>
            {round.campaignName ? <span>{round.campaignName}</span> : null}
            <span>
              {t('inspections.round.averageScore')}: <ScoreText score={round.averageScore} strong />
            </span>
          </>
        }
        actions={
          <>
            <Space wrap>
              <div style={{ width: 180 }}>
                <Progress
                  size="small"
                  percent={round.total > 0 ? Math.round((round.submitted / round.total) * 100) : 0}
                  format={() => t('inspections.round.doneOf', { done: round.submitted, total: round.total })}
                  data-testid="round-progress"
                />
              </div>
              <ExportButton path={`${ROUNDS_PATH}/${round.id}`} params={{}} fileName={round.name} />
              {round.canManage && round.status === 'draft' ? (
                <Popconfirm
                  title={t('inspections.round.openConfirm')}
                  description={
                    round.unassigned > 0
                      ? t('inspections.round.openUnassigned', { count: round.unassigned })
                      : undefined
                  }
                  onConfirm={() => run('open')}
                >
                  <Button
                    type="primary"
                    icon={<PlayCircleOutlined />}
                    loading={stepping === 'open'}
                    data-testid="round-open"
                  >
                    {t('inspections.round.open')}
                  </Button>
                </Popconfirm>
              ) : null}
              {round.canManage && round.status === 'open' ? (
                <Popconfirm
                  title={t('inspections.round.closeConfirm')}
                  description={
                    round.submitted < round.total
                      ? t('inspections.round.closeUnfinished', { count: round.total - round.submitted })
                      : undefined
                  }
                  onConfirm={() => run('close')}
                >
                  <Button danger icon={<StopOutlined />} loading={stepping === 'close'} data-testid="round-close">
                    {t('inspections.round.close')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          </>
        }
        tabs={ROUND_TABS}
        activeTab={tab}
        onTab={(key) => void navigate(`/inspection-rounds/${round.id}/${key}`)}
        tabLabel={(key) => t(`inspections.round.tab.${key}`)}
      />
      <div style={{ marginTop: 12 }}>{panes[tab]}</div>
    </div>
  );
}
