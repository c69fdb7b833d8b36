// 案件详情: header (code, status, category, time limit, deadline, unit, escalations), the action
// bar driven by the server's `allowedActions`, the routing suggestion before dispatch, likely
// duplicates before registration, the case facts, photos, location, extension requests and the
// handling record.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { CASE_SOURCES, CASE_WORKING_STATUSES, type CaseAction, type CaseSource } from '@cc/common/cases';
import { isApiError } from '../../../app/api';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { dash, formatDateTime } from '../../../shared/format';
import { PageLoadFailed, PageLoading, PageNotFound } from '../../../shared/components/page-states';
import { CaseStatusTag } from '../../../shared/cases/case-status-tag';
import { CaseTimeline } from '../../../shared/cases/case-timeline';
import { useCase, type CaseDetail } from '../../../shared/cases/cases-api';
import { RecheckButton } from '../../../shared/inspections/recheck-button';
import { CaseLocation } from '../components/case-location';
import { CasePhotoGroups } from '../components/case-photo-groups';
import { DeadlineText } from '../components/deadline-text';
import { DuplicatesPanel } from '../components/duplicates-panel';
import { ExtensionsTable } from '../components/extensions-table';
import { NoticeButton } from '../components/notice-button';
import { PublishControl } from '../components/publish-control';
import { DANGER_ACTIONS, TransitionModal } from '../components/transition-modal';

/** The step that moves the case forward is the primary button. */
const PRIMARY_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'check',
  'register',
  'dispatch',
  'accept',
  'handle',
  'verify',
  'close',
  'approve_extension',
  'resume',
]);

interface Pending {
  action: CaseAction;
  targetCaseId?: number;
}

export default function CaseDetailPage() {
  const t = useT();
  const params = useParams();
  const id = Number(params.id);
  const validId = Number.isInteger(id) && id > 0;
  const query = useCase(validId ? id : null);

  if (!validId || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <PageNotFound
        testId="page-case-detail"
        title={t('cases.detail.notFound')}
        hint={t('cases.detail.notFoundHint')}
        backTo="/cases"
        backText={t('cases.detail.backToList')}
      />
    );
  }
  if (query.isError && !query.data) {
    return (
      <PageLoadFailed testId="page-case-detail" message={query.error.message} onRetry={() => void query.refetch()} />
    );
  }
  if (!query.data) return <PageLoading testId="page-case-detail" />;
  return <CaseDetailView detail={query.data} />;
}

function CaseDetailView({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending | null>(null);
  const isManager = can('case.manage');
  const working = CASE_WORKING_STATUSES.includes(detail.status);
  const actions = detail.allowedActions;
  const canDispatch = actions.includes('dispatch');
  const canMerge = actions.includes('merge');
  const pendingExtension = detail.extensions.find((e) => e.status === 'pending');

  const section = (title: ReactNode, body: ReactNode, testId?: string, extra?: ReactNode) => (
    <Card size="small" title={title} extra={extra} style={{ marginTop: 12 }} data-testid={testId}>
      {body}
    </Card>
  );

  const header = (
    <Card size="small">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
          <Button
            type="link"
            size="small"
            icon={<ArrowLeftOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => (window.history.length > 1 ? void navigate(-1) : void navigate('/cases'))}
          >
            {t('common.back')}
          </Button>
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-code">
              {t('cases.detail.title', { code: detail.code })}
            </Typography.Title>
            <CaseStatusTag status={detail.status} overdue={detail.overdue} />
            {detail.escalationCount > 0 ? (
              <Tag color="red" variant="outlined" data-testid="case-escalated">
                {t('case.escalated', { count: detail.escalationCount })}
              </Tag>
            ) : null}
            {detail.extensionPending ? <Tag color="gold">{t('cases.extension.pendingTag')}</Tag> : null}
            {detail.isPublic ? <Tag color="green">{t('cases.publish.publicTag')}</Tag> : null}
            {detail.mergedIntoId ? (
              <Link to={`/cases/${detail.mergedIntoId}`}>
                {t('cases.detail.mergedInto', { id: detail.mergedIntoId })}
              </Link>
            ) : null}
          </Space>
        </Space>
        <Space size={12} wrap>
          <RecheckButton caseId={detail.id} source={detail.source} />
          {isManager ? (
            <>
              {/* a voided or merged case has nothing to show the public, unless it already does */}
              {detail.isPublic || (detail.status !== 'voided' && detail.status !== 'merged') ? (
                <PublishControl detail={detail} />
              ) : null}
              {working && detail.unitId ? <NoticeButton detail={detail} /> : null}
            </>
          ) : null}
        </Space>
      </Flex>

      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3, xl: 4 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'category', label: t('cases.field.category'), children: detail.categoryName },
          {
            key: 'limit',
            label: t('cases.field.limit'),
            children: t('case.limit', {
              amount: detail.limitAmount,
              unit: t(`case.limitUnit.${detail.limitUnit}`),
            }),
          },
          {
            key: 'deadline',
            label: t('cases.field.deadline'),
            children: (
              <Space orientation="vertical" size={0}>
                <DeadlineText deadline={detail.deadlineAt} overdue={detail.overdue} done={!working} />
                {detail.originalDeadlineAt && detail.originalDeadlineAt !== detail.deadlineAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cases.detail.originalDeadline', { time: formatDateTime(detail.originalDeadlineAt) })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { key: 'unit', label: t('cases.field.unit'), children: dash(detail.unitName) },
          {
            key: 'escalations',
            label: t('cases.field.escalations'),
            children: (
              <span style={{ color: detail.escalationCount > 0 ? '#cf1322' : undefined }}>
                {detail.escalationCount}
              </span>
            ),
          },
          { key: 'source', label: t('cases.field.source'), children: t(`case.source.${detail.source}`) },
          { key: 'created', label: t('cases.field.createdAt'), children: formatDateTime(detail.createdAt) },
          ...(detail.closedAt
            ? [
                {
                  key: 'closed',
                  label: t('cases.field.closedAt'),
                  children: (
                    <Space size={6}>
                      {formatDateTime(detail.closedAt)}
                      {detail.closedOnTime === true ? <Tag color="green">{t('cases.detail.onTime')}</Tag> : null}
                      {detail.closedOnTime === false ? <Tag color="red">{t('cases.detail.late')}</Tag> : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />

      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 12 }} data-testid="case-action-bar">
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>
        ) : (
          <Space wrap size={8}>
            {actions.map((action) => (
              <Button
                key={action}
                type={PRIMARY_ACTIONS.has(action) ? 'primary' : 'default'}
                danger={DANGER_ACTIONS.has(action)}
                onClick={() => setPending({ action })}
                data-testid={`action-${action}`}
              >
                {t(`case.action.${action}`)}
              </Button>
            ))}
          </Space>
        )}
      </div>
    </Card>
  );

  return (
    <div data-testid="page-case-detail">
      {header}

      {canDispatch ? (
        <Alert
          style={{ marginTop: 12 }}
          type={detail.routing.unitId ? 'info' : 'warning'}
          showIcon
          data-testid="routing-suggestion"
          title={
            detail.routing.unitId
              ? t('cases.routing.suggest', { unit: detail.routing.unitName ?? `#${detail.routing.unitId}` })
              : t('cases.routing.none')
          }
          description={detail.routing.reason}
        />
      ) : null}

      {pendingExtension && actions.includes('approve_extension') ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('cases.extension.pendingSummary', {
            deadline: formatDateTime(pendingExtension.requestedDeadline),
            by: pendingExtension.requestedByName ?? '—',
          })}
          description={pendingExtension.reason}
        />
      ) : null}

      <Row gutter={12}>
        <Col xs={24} xl={15}>
          {canMerge
            ? section(
                t('cases.duplicates.title'),
                <DuplicatesPanel
                  caseId={detail.id}
                  onMerge={(targetCaseId) => setPending({ action: 'merge', targetCaseId })}
                />,
                'duplicates-card',
              )
            : null}
          {section(t('cases.detail.facts'), <CaseFacts detail={detail} />, 'case-facts')}
          {section(t('cases.detail.photos'), <CasePhotoGroups photos={detail.photos} />)}
          {section(t('cases.detail.location'), <CaseLocation detail={detail} />)}
          {detail.extensions.length > 0
            ? section(t('cases.detail.extensions'), <ExtensionsTable extensions={detail.extensions} />)
            : null}
        </Col>
        <Col xs={24} xl={9}>
          {section(
            t('cases.detail.timeline'),
            <div style={{ maxHeight: 900, overflowY: 'auto', paddingTop: 8 }}>
              <CaseTimeline log={detail.log} />
            </div>,
            'timeline-card',
          )}
        </Col>
      </Row>

      {pending ? (
        <TransitionModal
          key={`${pending.action}-${pending.targetCaseId ?? ''}`}
          detail={detail}
          action={pending.action}
          targetCaseId={pending.targetCaseId}
          onClose={() => setPending(null)}
        />
      ) : null}
    </div>
  );
}

function CaseFacts({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const counts = [
    ['cases.count.returns', detail.returnCount],
    ['cases.count.extensions', detail.extensionCount],
    ['cases.count.reworks', detail.reworkCount],
    ['cases.count.reopens', detail.reopenCount],
  ] as const;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'description',
          label: t('cases.field.description'),
          span: 'filled',
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {detail.description}
            </Typography.Paragraph>
          ),
        },
        { key: 'site', label: t('cases.field.siteName'), children: dash(detail.siteName) },
        { key: 'owner', label: t('cases.field.ownerUnit'), children: dash(detail.ownerUnitName) },
        { key: 'dispatchedAt', label: t('cases.field.dispatchedAt'), children: formatDateTime(detail.dispatchedAt) },
        { key: 'handledAt', label: t('cases.field.handledAt'), children: formatDateTime(detail.handledAt) },
        { key: 'verifiedAt', label: t('cases.field.verifiedAt'), children: formatDateTime(detail.verifiedAt) },
        {
          key: 'verifyDeadline',
          label: t('cases.field.verifyDeadline'),
          children: formatDateTime(detail.verifyDeadlineAt),
        },
        {
          key: 'counts',
          label: t('cases.field.counts'),
          span: 'filled',
          children: (
            <Space size={16} wrap>
              {counts.map(([key, n]) => (
                <span key={key} style={{ color: n > 0 ? '#d46b08' : undefined }}>
                  {t(key, { n })}
                </span>
              ))}
            </Space>
          ),
        },
        {
          key: 'reporters',
          label: t('cases.field.reporters'),
          span: 'filled',
          children:
            detail.reporters.length === 0 ? (
              '—'
            ) : (
              <Space orientation="vertical" size={2} data-testid="case-reporters">
                {detail.reporters.map((r, i) => (
                  <span key={`${r.reportedAt}-${i}`}>
                    {r.name ?? t('cases.detail.anonymous')}
                    {r.phone ? <Typography.Text type="secondary"> {r.phone}</Typography.Text> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                      {isSource(r.source) ? t(`case.source.${r.source}`) : r.source} · {formatDateTime(r.reportedAt)}
                      {r.mergedFromId ? (
                        <>
                          {' · '}
                          <Link to={`/cases/${r.mergedFromId}`}>
                            {t('cases.detail.mergedFrom', { id: r.mergedFromId })}
                          </Link>
                        </>
                      ) : null}
                    </Typography.Text>
                  </span>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}

function isSource(value: string): value is CaseSource {
  return (CASE_SOURCES as readonly string[]).includes(value);
}
