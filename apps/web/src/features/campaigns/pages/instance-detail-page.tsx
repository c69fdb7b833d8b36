// One task instance (one period of a ledger task for one unit), on the desktop: the task's
// content, requirements and evidence rule, the due date and status; for the unit the report form
// (保存草稿 / 报送), with the reason when the office returned it; for the office 审核通过 / 退回;
// the submitted reports with photos, files and review notes; and the history.
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, MobileOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { useInstance } from '../api/ledger-api';
import type { InstanceDetail } from '../api/campaign-types';
import { DueTag, InstanceStatusTag } from '../components/campaign-tags';
import { LedgerTimeline } from '../components/ledger-timeline';
import { InstanceContext, Requirements, ReportHistory, ReturnReason } from '../components/report-parts';
import { ReportForm } from '../components/report-form';
import { routeId } from '../../../shared/url-params';
import { PageLoadFailed, PageLoading, PageNotFound } from '../../../shared/components/page-states';
import { ReviewBar } from '../components/review-bar';

export default function InstanceDetailPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useInstance(id);

  if (id === null || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <PageNotFound
        testId="page-instance"
        title={t('campaigns.instance.notFound')}
        backTo="/campaigns"
        backText={t('campaigns.detail.backToList')}
      />
    );
  }
  if (query.isError && !query.data) {
    return <PageLoadFailed testId="page-instance" message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <PageLoading testId="page-instance" />;
  return <InstanceView detail={query.data} />;
}

function InstanceView({ detail }: { detail: InstanceDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const reporting = detail.allowedActions.includes('submit') || detail.allowedActions.includes('save_draft');

  return (
    <Flex vertical gap={12} data-testid="page-instance" data-instance-id={detail.id} data-status={detail.status}>
      <Card size="small">
        <Flex justify="space-between" gap={8} wrap>
          <Button
            type="link"
            size="small"
            icon={<ArrowLeftOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() =>
              window.history.length > 1 ? void navigate(-1) : void navigate(`/campaign-tasks/${detail.taskId}`)
            }
          >
            {t('common.back')}
          </Button>
          {reporting ? (
            <Button
              type="link"
              size="small"
              icon={<MobileOutlined />}
              onClick={() => void navigate(`/m/tasks/${detail.id}`)}
            >
              {t('campaigns.instance.onPhone')}
            </Button>
          ) : null}
        </Flex>
        <InstanceContext detail={detail} />
        <Typography.Title level={4} style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }} data-testid="instance-content">
          {detail.content}
        </Typography.Title>
        <Space size={8} wrap>
          <InstanceStatusTag status={detail.displayStatus} />
          <DueTag item={detail} />
          <Tag style={{ marginInlineEnd: 0 }}>{detail.label}</Tag>
          <span>{t('campaigns.instance.dueText', { date: detail.dueOn })}</span>
          <Typography.Text type="secondary">{detail.unit.name}</Typography.Text>
          {detail.submittedAt ? (
            <Typography.Text type="secondary">
              {t('campaigns.instance.submittedAtText', { time: formatDateTime(detail.submittedAt) })}
            </Typography.Text>
          ) : null}
          {detail.acceptedAt ? (
            <Typography.Text type="success">
              {t('campaigns.instance.acceptedAtText', { time: formatDateTime(detail.acceptedAt) })}
            </Typography.Text>
          ) : null}
          {detail.escalationCount > 0 ? (
            <Tag color="red">{t('campaigns.instance.escalated', { count: detail.escalationCount })}</Tag>
          ) : null}
        </Space>
        <div style={{ marginTop: 12 }}>
          <ReviewBar detail={detail} />
        </div>
      </Card>

      <ReturnReason detail={detail} />

      <Row gutter={12}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('campaigns.instance.requirements')}>
              <Requirements detail={detail} />
            </Card>
            {reporting ? (
              <Card size="small" title={t('campaigns.report.title')} data-testid="report-form">
                <ReportForm key={`${detail.id}-${detail.status}`} detail={detail} />
              </Card>
            ) : null}
            <Card size="small" title={t('campaigns.report.history', { count: detail.reports.length })}>
              <ReportHistory detail={detail} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('campaigns.log.title')}>
            <div style={{ maxHeight: 720, overflowY: 'auto', paddingTop: 8 }}>
              <LedgerTimeline log={detail.log} />
            </div>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
