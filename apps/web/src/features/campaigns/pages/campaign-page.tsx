// One campaign (创建活动): the header (name, phase, titles, period) and its tabs — 概览, 活动,
// 主题与日历, 工作台帐, 活动记录, 基本信息. The tab is a path segment (/campaigns/12/ledger), so
// each tab's own filters can live in the search params and survive a reload.
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { useCampaign } from '../api/campaigns-api';
import type { CampaignDetail } from '../api/campaign-types';
import { PhaseTag, TitleTags } from '../components/campaign-tags';
import { OverviewTab } from '../components/overview-tab';
import { ActivitiesTab } from '../components/activities-tab';
import { ThemesCalendarTab } from '../components/themes-calendar-tab';
import { LedgerTab } from '../components/ledger-tab';
import { EventsTab } from '../components/events-tab';
import { InfoTab } from '../components/info-tab';
import { routeId } from '../../../shared/url-params';
import { PageLoadFailed, PageLoading, PageNotFound } from '../../../shared/components/page-states';

export const CAMPAIGN_TABS = ['overview', 'activities', 'themes', 'ledger', 'events', 'info'] as const;
export type CampaignTab = (typeof CAMPAIGN_TABS)[number];

export default function CampaignPage() {
  const t = useT();
  const params = useParams();
  const id = routeId(params.id);
  const query = useCampaign(id);

  if (id === null || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <PageNotFound
        testId="page-campaign"
        title={t('campaigns.detail.notFound')}
        backTo="/campaigns"
        backText={t('campaigns.detail.backToList')}
      />
    );
  }
  if (query.isError && !query.data) {
    return <PageLoadFailed testId="page-campaign" message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <PageLoading testId="page-campaign" />;
  return <CampaignView campaign={query.data} />;
}

function CampaignView({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const params = useParams();
  const tab: CampaignTab = (CAMPAIGN_TABS as readonly string[]).includes(params.tab ?? '')
    ? (params.tab as CampaignTab)
    : 'overview';

  const panes: Record<CampaignTab, React.ReactNode> = {
    overview: <OverviewTab campaign={campaign} />,
    activities: <ActivitiesTab campaign={campaign} />,
    themes: <ThemesCalendarTab campaign={campaign} />,
    ledger: <LedgerTab campaign={campaign} />,
    events: <EventsTab campaign={campaign} />,
    info: <InfoTab campaign={campaign} />,
  };

  return (
    <div data-testid="page-campaign" data-campaign-id={campaign.id}>
      <Card size="small" styles={{ body: { paddingBottom: 0 } }}>
        <Button
          type="link"
          size="small"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void navigate('/campaigns')}
        >
          {t('campaigns.detail.backToList')}
        </Button>
        <Flex align="center" gap={8} wrap style={{ marginTop: 4 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="campaign-name">
            {campaign.name}
          </Typography.Title>
          {campaign.status === 'closed' ? (
            <Tag>{t('campaigns.status.closed')}</Tag>
          ) : (
            <PhaseTag phase={campaign.phase} />
          )}
          <TitleTags titles={campaign.titles} />
        </Flex>
        <Space size={16} wrap style={{ marginTop: 4, color: '#595959' }}>
          <span>{t('campaigns.periodText', { from: campaign.startsOn, to: campaign.endsOn })}</span>
          <span>{campaign.regionName}</span>
          {campaign.leadingGroup ? <span>{campaign.leadingGroup.name}</span> : null}
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(key) => void navigate(`/campaigns/${campaign.id}/${key}`)}
          style={{ marginTop: 8, marginBottom: 0 }}
          items={CAMPAIGN_TABS.map((key) => ({
            key,
            label: <span data-testid={`tab-${key}`}>{t(`campaigns.tab.${key}`)}</span>,
          }))}
        />
      </Card>
      <div style={{ marginTop: 12 }}>{panes[tab]}</div>
    </div>
  );
}
