// One case on a phone: what and where (with a link that opens the map app), the deadline and time
// left, before / after photos, a compact history, and the actions this user may take now (from
// the server's allowedActions) as big buttons at the thumb's reach, each opening a bottom sheet.
// Dispatching and merging need the office's lookups, so they stay on the desktop.
import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { DesktopOutlined, EnvironmentOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import { CASE_WORKING_STATUSES, type CaseAction } from '@cc/common/cases';
import { useT } from '../../../app/i18n/locale-provider';
import { isApiError } from '../../../app/api';
import { formatDateTime } from '../../../shared/format';
import { useCase, type CaseDetail } from '../../../shared/cases/cases-api';
import { RecheckButton } from '../../../shared/inspections/recheck-button';
import { navigationUrl } from '../api/field-format';
import { DeadlineTag, FieldStatusTag } from '../components/field-status-tag';
import { PhotoGrid } from '../../../shared/mobile/photo-grid';
import { CompactTimeline } from '../components/compact-timeline';
import { TransitionSheet } from '../components/transition-sheet';
import { routeId } from '../../../shared/url-params';
import { BackButton, RecordBody, RefreshButton } from '../../../shared/mobile/page-parts';
import { useNow } from '../components/use-now';

/** Office work that needs the desktop (unit search, duplicate comparison). */
const DESKTOP_ONLY: ReadonlySet<CaseAction> = new Set(['dispatch', 'merge']);
/** The action a person most likely came for is the big one. */
const MAIN_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'accept',
  'handle',
  'verify',
  'check',
  'register',
  'close',
  'resume',
  'approve_extension',
]);
const DANGER_ACTIONS: ReadonlySet<CaseAction> = new Set(['return', 'rework', 'void', 'refuse_extension']);

const TAB_BAR_HEIGHT = 56;

export default function FieldCasePage() {
  const t = useT();
  const { id: rawId } = useParams();
  const id = routeId(rawId);
  const query = useCase(id);

  return (
    <Flex vertical gap={12} data-testid="page-field-case">
      <BackButton fallback="/m/cases" />
      <RecordBody
        notFound={id === null || (query.isError && isApiError(query.error) && query.error.status === 404)}
        notFoundTitle={t('field.case.notFound')}
        pending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
      >
        {() =>
          query.data && (
            <CaseView detail={query.data} refreshing={query.isRefetching} onRefresh={() => void query.refetch()} />
          )
        }
      </RecordBody>
    </Flex>
  );
}

function CaseView({
  detail,
  refreshing,
  onRefresh,
}: {
  detail: CaseDetail;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const t = useT();
  const now = useNow();
  const [action, setAction] = useState<CaseAction | null>(null);
  const working = CASE_WORKING_STATUSES.includes(detail.status);
  const phoneActions = detail.allowedActions.filter((a) => !DESKTOP_ONLY.has(a));
  const desktopActions = detail.allowedActions.filter((a) => DESKTOP_ONLY.has(a));
  const main = phoneActions.find((a) => MAIN_ACTIONS.has(a)) ?? null;
  const others = phoneActions.filter((a) => a !== main);
  const before = detail.photos.filter((p) => p.kind === 'before').map((p) => p.fileId);
  const after = detail.photos.filter((p) => p.kind === 'after').map((p) => p.fileId);
  const verify = detail.photos.filter((p) => p.kind === 'verify').map((p) => p.fileId);
  const pendingExtension = detail.extensions.find((e) => e.status === 'pending');
  const hasPoint = detail.lat !== null && detail.lng !== null;
  // The case's region is its grid or community: name each place once, community first.
  const place = [...new Set([detail.communityName, detail.gridName, detail.regionName].filter(Boolean))].join(' · ');

  return (
    <>
      <Card size="small">
        <Flex align="center" gap={6} wrap>
          <FieldStatusTag status={detail.status} />
          {working ? <DeadlineTag deadlineAt={detail.deadlineAt} overdue={detail.overdue} now={now} /> : null}
          {!working && detail.overdue ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('case.overdue')}
            </Tag>
          ) : null}
          {detail.escalationCount > 0 ? (
            <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
              {t('case.escalated', { count: detail.escalationCount })}
            </Tag>
          ) : null}
          <span style={{ flex: 1 }} />
          <RefreshButton spinning={refreshing} onClick={onRefresh} />
        </Flex>
        <Typography.Title level={4} style={{ margin: '10px 0 2px' }} data-testid="case-category">
          {detail.categoryName}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="case-code">
          {detail.code} · {t(`case.source.${detail.source}`)}
        </Typography.Text>
        <Typography.Paragraph
          style={{ margin: '10px 0 0', fontSize: 16, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="case-description"
        >
          {detail.description}
        </Typography.Paragraph>
        <dl
          style={{ margin: '12px 0 0', display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', gap: '6px 12px' }}
        >
          {detail.deadlineAt ? (
            <>
              <dt style={{ color: '#888' }}>{t('field.case.deadline')}</dt>
              <dd style={{ margin: 0 }} data-testid="case-deadline-at">
                {formatDateTime(detail.deadlineAt)}
                {detail.originalDeadlineAt && detail.originalDeadlineAt !== detail.deadlineAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {t('field.case.originalDeadline', { time: formatDateTime(detail.originalDeadlineAt) })}
                  </Typography.Text>
                ) : null}
              </dd>
            </>
          ) : null}
          {detail.unitName ? (
            <>
              <dt style={{ color: '#888' }}>{t('field.case.unit')}</dt>
              <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{detail.unitName}</dd>
            </>
          ) : null}
          <dt style={{ color: '#888' }}>{t('field.case.reportedAt')}</dt>
          <dd style={{ margin: 0 }}>{formatDateTime(detail.createdAt)}</dd>
          {detail.closedAt ? (
            <>
              <dt style={{ color: '#888' }}>{t('field.case.closedAt')}</dt>
              <dd style={{ margin: 0 }}>{formatDateTime(detail.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        {pendingExtension ? (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t('field.case.extensionRequested', {
              time: formatDateTime(pendingExtension.requestedDeadline),
            })}
            description={pendingExtension.reason}
          />
        ) : null}
        {detail.duplicateOfId ? (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('field.case.possibleDuplicate')} />
        ) : null}
      </Card>

      <Card size="small" title={t('field.case.location')}>
        <Typography.Paragraph style={{ margin: 0, fontSize: 16, overflowWrap: 'anywhere' }} data-testid="case-address">
          <EnvironmentOutlined /> {detail.address || detail.siteName || t('field.case.noAddress')}
        </Typography.Paragraph>
        {place ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {place}
          </Typography.Text>
        ) : null}
        {hasPoint ? (
          <Button
            block
            size="large"
            icon={<SendOutlined />}
            href={navigationUrl(
              detail.lat as number,
              detail.lng as number,
              detail.address ?? detail.categoryName,
              navigator.userAgent,
            )}
            style={{ marginTop: 10, height: 48 }}
            data-testid="case-navigate"
          >
            {t('field.case.navigate')}
          </Button>
        ) : null}
      </Card>

      <Card size="small" title={t('field.case.beforePhotos', { count: before.length })}>
        {before.length > 0 ? (
          <PhotoGrid fileIds={before} testId="photos-before" />
        ) : (
          <Typography.Text type="secondary">{t('field.case.noPhotos')}</Typography.Text>
        )}
      </Card>
      {after.length > 0 ? (
        <Card size="small" title={t('field.case.afterPhotos', { count: after.length })}>
          <PhotoGrid fileIds={after} testId="photos-after" />
        </Card>
      ) : null}
      {verify.length > 0 ? (
        <Card size="small" title={t('field.case.verifyPhotos', { count: verify.length })}>
          <PhotoGrid fileIds={verify} testId="photos-verify" />
        </Card>
      ) : null}

      <RecheckButton caseId={detail.id} source={detail.source} large />

      <Card size="small" title={t('field.case.history')}>
        <CompactTimeline log={detail.log} />
      </Card>

      {desktopActions.length > 0 ? (
        <Alert
          type="info"
          showIcon
          icon={<DesktopOutlined />}
          title={t('field.case.desktopOnly', {
            actions: desktopActions.map((a) => t(`case.action.${a}`)).join('、'),
          })}
          data-testid="desktop-hint"
        />
      ) : null}

      {phoneActions.length > 0 ? (
        <div
          style={{
            position: 'sticky',
            bottom: `calc(${TAB_BAR_HEIGHT}px + env(safe-area-inset-bottom))`,
            zIndex: 5,
            marginInline: -12,
            padding: '10px 12px',
            background: '#fff',
            boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
          }}
          data-testid="case-actions"
        >
          <Flex vertical gap={8}>
            {main ? (
              <Button
                type="primary"
                size="large"
                block
                style={{ height: 50, fontSize: 17 }}
                onClick={() => setAction(main)}
                data-testid={`action-${main}`}
              >
                {t(`case.action.${main}`)}
              </Button>
            ) : null}
            {others.length > 0 ? (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
                {others.map((a) => (
                  <Button
                    key={a}
                    size="large"
                    danger={DANGER_ACTIONS.has(a)}
                    style={{ height: 46, whiteSpace: 'normal', lineHeight: 1.2, paddingInline: 6 }}
                    onClick={() => setAction(a)}
                    data-testid={`action-${a}`}
                  >
                    {t(`case.action.${a}`)}
                  </Button>
                ))}
              </div>
            ) : null}
          </Flex>
        </div>
      ) : null}

      <TransitionSheet detail={detail} action={action} onClose={() => setAction(null)} />
    </>
  );
}
