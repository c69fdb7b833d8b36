// Pieces of the report cycle shared by the desktop and the phone instance pages: the task's
// requirements (standard, source clause, evidence rule, people), the reason of the latest return,
// the list of what a submission still lacks, and the history of submitted reports with their
// photos, files, linked events and the office's review.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useT, type TFunction } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import type { InstanceDetail, TaskReport } from '../api/campaign-types';
import { evidenceParts } from '../api/ledger-format';
import type { MissingEvidence } from '../api/report-draft';
import { FileLinks } from '../../../shared/components/file-list-upload';
import { PhotoThumbs } from './photo-thumbs';

const REPORT_COLORS: Record<TaskReport['status'], string> = {
  draft: 'default',
  submitted: 'gold',
  accepted: 'green',
  returned: 'magenta',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt style={{ color: '#888', whiteSpace: 'nowrap' }}>{label}</dt>
      <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{children}</dd>
    </>
  );
}

/** What the unit must do and bring: standard, source clause, evidence, people. */
export function Requirements({ detail }: { detail: InstanceDetail }) {
  const t = useT();
  const evidence = evidenceParts(t, detail.evidence);
  return (
    <dl
      style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', gap: '6px 12px' }}
      data-testid="instance-requirements"
    >
      {detail.standard ? <Row label={t('campaigns.task.standard')}>{detail.standard}</Row> : null}
      {detail.sourceClause ? <Row label={t('campaigns.task.sourceClause')}>{detail.sourceClause}</Row> : null}
      <Row label={t('campaigns.task.evidence')}>
        {evidence.length > 0 ? evidence.join(' · ') : t('campaigns.task.noEvidence')}
      </Row>
      <Row label={t('campaigns.ledger.unit')}>{detail.unit.name}</Row>
      {detail.responsibleName ? <Row label={t('campaigns.ledger.responsible')}>{detail.responsibleName}</Row> : null}
      {detail.cooperatingUnits.length > 0 ? (
        <Row label={t('campaigns.task.cooperatingUnits')}>{detail.cooperatingUnits.map((u) => u.name).join('、')}</Row>
      ) : null}
      {detail.periodStart !== detail.periodEnd ? (
        <Row label={t('campaigns.instance.period')}>
          {t('campaigns.periodText', { from: detail.periodStart, to: detail.periodEnd })}
        </Row>
      ) : null}
    </dl>
  );
}

/** The latest return, while the instance is returned: the unit must see why. */
export function ReturnReason({ detail }: { detail: InstanceDetail }) {
  const t = useT();
  if (detail.status !== 'returned') return null;
  const returned = detail.reports.find((r) => r.status === 'returned');
  return (
    <Alert
      type="error"
      showIcon
      title={t('campaigns.report.returnedTitle', {
        by: returned?.reviewedByName ?? '—',
        time: formatDateTime(returned?.reviewedAt ?? detail.returnedAt),
      })}
      description={
        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="return-reason">
          {returned?.reviewNote ?? '—'}
        </span>
      }
      data-testid="return-alert"
    />
  );
}

export function missingText(t: TFunction, m: MissingEvidence): string {
  switch (m.kind) {
    case 'text':
      return t('campaigns.report.missing.text');
    case 'photos':
      return t('campaigns.report.missing.photos', { required: m.required, have: m.have });
    case 'files':
      return t('campaigns.report.missing.files', { required: m.required, have: m.have });
    case 'metric':
      return t('campaigns.report.missing.metric', { name: m.name });
  }
}

export function MissingAlert({ missing }: { missing: MissingEvidence[] }) {
  const t = useT();
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('campaigns.report.missing.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {missing.map((m) => (
            <li key={m.kind}>{missingText(t, m)}</li>
          ))}
        </ul>
      }
      data-testid="report-missing"
    />
  );
}

function ReportCard({ report, detail, compact }: { report: TaskReport; detail: InstanceDetail; compact: boolean }) {
  const t = useT();
  const metric = detail.evidence.metricName;
  return (
    <Card
      size="small"
      type="inner"
      data-testid="report-card"
      data-status={report.status}
      title={
        <Space size={6} wrap>
          <Tag color={REPORT_COLORS[report.status]} style={{ marginInlineEnd: 0 }}>
            {t(`campaigns.reportStatus.${report.status}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {[report.createdByName, formatDateTime(report.submittedAt ?? report.updatedAt)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Space>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {report.body ?? '—'}
        </Typography.Paragraph>
        {metric && report.metricValue !== null ? (
          <Typography.Text>
            {t('campaigns.report.metricValue', {
              name: metric,
              value: report.metricValue,
              unit: detail.evidence.metricUnit ?? '',
            })}
          </Typography.Text>
        ) : null}
        {report.photos.length > 0 ? <PhotoThumbs fileIds={report.photos} size={compact ? 72 : 88} /> : null}
        {report.files.length > 0 ? <FileLinks files={report.files} /> : null}
        {report.events.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('campaigns.report.events')}：{report.events.map((e) => e.title).join('、')}
          </Typography.Text>
        ) : null}
        {report.reviewedAt ? (
          <div
            style={{
              borderTop: '1px dashed #f0f0f0',
              paddingTop: 6,
              color: report.status === 'returned' ? '#c41d7f' : '#389e0d',
            }}
            data-testid="report-review"
          >
            {t('campaigns.report.reviewed', {
              by: report.reviewedByName ?? '—',
              time: formatDateTime(report.reviewedAt),
            })}
            {report.reviewNote ? (
              <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{report.reviewNote}</div>
            ) : null}
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}

/** Submitted reports, newest first (the server's order). */
export function ReportHistory({ detail, compact = false }: { detail: InstanceDetail; compact?: boolean }) {
  const t = useT();
  if (detail.reports.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.report.none')} />;
  }
  return (
    <Flex vertical gap={8} data-testid="report-history">
      {detail.reports.map((r) => (
        <ReportCard key={r.id} report={r} detail={detail} compact={compact} />
      ))}
    </Flex>
  );
}

/** Where this instance belongs: campaign and task links. */
export function InstanceContext({ detail }: { detail: InstanceDetail }) {
  return (
    <Space size={6} wrap style={{ fontSize: 13 }}>
      <Link to={`/campaigns/${detail.campaignId}`}>{detail.campaignName}</Link>
      {detail.activityName ? <Tag style={{ marginInlineEnd: 0 }}>{detail.activityName}</Tag> : null}
      <Link to={`/campaign-tasks/${detail.taskId}`}>#{detail.taskId}</Link>
    </Space>
  );
}
