// One inspection on the phone (/m/inspections/:id): the site (type, address, how far the phone is
// from it, a link that opens the map app), the round or the case a re-inspection checks, and the
// phase whose thresholds apply; then the checklist — per item the requirement, an input that fits
// the rule, the live pass / fail hint, a note and camera photos stamped with time and GPS — and
// 提交 at the thumb's reach. What is entered is kept on the phone on every change and saved to
// the server when online, so a lost connection or a reload loses nothing; the submission carries
// an idempotency key kept with the draft, so a retry after a lost answer cannot score twice.
// Once submitted the page shows the score and the failed items with the cases filed for them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  CloudSyncOutlined,
  EnvironmentOutlined,
  SendOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../app/api';
import { useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { newIdempotencyKey } from '../../../shared/cases/cases-api';
import { browserStorage } from '../../../shared/draft-storage';
import { formatDateTime } from '../../../shared/format';
import type { GeoFix } from '../../../shared/geolocation';
import {
  BackButton,
  RecordBody,
  RefreshButton,
  StickyActionBar,
  SubmitFailureAlert,
  type SubmitFailure,
} from '../../../shared/mobile/page-parts';
import { useOnline } from '../../../shared/mobile/use-online';
import { navigationUrl } from '../../../shared/mobile/navigation-url';
import { routeId } from '../../../shared/url-params';
import { inspectionsKey } from '../api/inspections-api';
import {
  SubmitTimeoutError,
  fetchInspection,
  inspectionQueryKey,
  saveInspectionDraft,
  useInspection,
  useSubmitInspection,
} from '../api/rounds-api';
import {
  createInspectionDraftStore,
  draftValues,
  filledCount,
  initialEntries,
  problemsOf,
  submitArrived,
  submitBodyOf,
  type ItemEntry,
  type ItemProblem,
} from '../api/inspection-draft';
import type { InspectionDetail } from '../api/inspection-types';
import { checkInput } from '../api/rule-input';
import { usePosition, type Position } from '../api/use-position';
import { distanceBetween } from '../api/geo';
import { distanceLabel } from '../api/distance-label';
import { ChecklistItemCard } from '../components/checklist-item-card';
import { InspectionStatusTag, OutcomeTag, PhaseTag, ScoreText } from '../components/inspection-tags';

/** A pause in typing before the draft goes to the server. */
const SYNC_DELAY_MS = 1500;

export default function MobileInspectionPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useInspection(id);

  return (
    <Flex vertical gap={12} data-testid="page-mobile-inspection" data-status={query.data?.status}>
      <BackButton fallback="/m/inspections" />
      <RecordBody
        notFound={id === null || (query.isError && isApiError(query.error) && query.error.status === 404)}
        notFoundTitle={t('inspections.inspection.notFound')}
        pending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
      >
        {() =>
          query.data && (
            <InspectionView
              detail={query.data}
              refreshing={query.isRefetching}
              onRefresh={() => void query.refetch()}
            />
          )
        }
      </RecordBody>
    </Flex>
  );
}

function InspectionView({
  detail,
  refreshing,
  onRefresh,
}: {
  detail: InspectionDetail;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const t = useT();
  const position = usePosition();
  const distance = distanceBetween(position.fix, detail.site);
  const submitted = detail.status === 'submitted';
  const roundNotOpen = detail.kind === 'round' && detail.roundStatus !== 'open';

  return (
    <>
      <Card size="small">
        <Flex align="center" gap={6} wrap>
          <InspectionStatusTag status={detail.status} />
          <PhaseTag phase={detail.phase} />
          {detail.kind === 'recheck' ? <Tag color="purple">{t('inspections.kind.recheck')}</Tag> : null}
          <span style={{ flex: 1 }} />
          <RefreshButton spinning={refreshing} onClick={onRefresh} />
        </Flex>
        <Typography.Title level={4} style={{ margin: '10px 0 2px', overflowWrap: 'anywhere' }} data-testid="site-name">
          {detail.site.name}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {detail.site.typeName}
          {detail.unitName ? ` · ${detail.unitName}` : ''}
        </Typography.Text>
        {detail.site.address ? (
          <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 15, overflowWrap: 'anywhere' }}>
            <EnvironmentOutlined /> {detail.site.address}
          </Typography.Paragraph>
        ) : null}
        <Typography.Text style={{ display: 'block', marginTop: 6, fontSize: 14 }} data-testid="site-distance">
          {distance !== null
            ? t('inspections.mobile.youAre', { distance: distanceLabel(t, distance) })
            : position.locating
              ? t('inspections.mobile.locating')
              : t('inspections.mobile.noDistance')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 2 }}>
          {detail.kind === 'recheck'
            ? t('inspections.mobile.recheckOf', { id: detail.originCaseId ?? '—' })
            : t('inspections.mobile.roundLine', { round: detail.roundName ?? '—', date: detail.windowEndsOn ?? '—' })}
        </Typography.Text>
        {detail.site.lat !== null && detail.site.lng !== null ? (
          <Button
            block
            size="large"
            icon={<SendOutlined />}
            href={navigationUrl(detail.site.lat, detail.site.lng, detail.site.name, navigator.userAgent)}
            style={{ marginTop: 10, height: 48 }}
          >
            {t('inspections.mobile.navigate')}
          </Button>
        ) : null}
      </Card>

      {submitted ? (
        <ResultView detail={detail} />
      ) : !detail.canPerform ? (
        <Alert type="info" showIcon title={t('inspections.mobile.notYours')} data-testid="not-yours" />
      ) : roundNotOpen ? (
        <Alert
          type="warning"
          showIcon
          title={t(
            detail.roundStatus === 'closed' ? 'inspections.mobile.roundClosed' : 'inspections.mobile.roundNotOpen',
          )}
          data-testid="round-not-open"
        />
      ) : detail.items.length === 0 ? (
        <Alert type="warning" showIcon title={t('inspections.mobile.noChecklist')} />
      ) : (
        <ChecklistForm key={detail.id} detail={detail} position={position} />
      )}
    </>
  );
}

function ChecklistForm({ detail, position }: { detail: InspectionDetail; position: Position }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const online = useOnline();
  const submit = useSubmitInspection(detail.id);
  const store = useMemo(() => createInspectionDraftStore(browserStorage(), me.id, detail.id), [me.id, detail.id]);
  const [initial] = useState(() => {
    const local = store.load();
    const start = initialEntries(local, detail);
    return { ...start, local, key: local?.idempotencyKey ?? newIdempotencyKey() };
  });
  const [entries, setEntries] = useState<ItemEntry[]>(initial.entries);
  const key = initial.key;
  // Whether a submit went out without an answer (kept with the draft across reloads).
  const pending = useRef(initial.local?.submitPending ?? false);
  const [busyItems, setBusyItems] = useState<ReadonlySet<number>>(new Set());
  const [showProblems, setShowProblems] = useState(false);
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [sending, setSending] = useState(false);
  // Server copy of the draft: dirty after a change (or a newer device draft), saved after a pause.
  const dirty = useRef(initial.from === 'device');
  const [sync, setSync] = useState<{ state: 'idle' | 'saving' | 'saved' | 'failed'; at?: string }>({ state: 'idle' });
  const [syncTick, setSyncTick] = useState(0);
  const syncStopped = useRef(false);

  const phase = detail.phase;
  const problems = useMemo(() => problemsOf(detail.items, entries, phase), [detail.items, entries, phase]);
  const problemOf = useMemo(() => new Map(problems.map((p) => [p.itemId, p.problem])), [problems]);
  const filled = filledCount(detail.items, entries, phase);
  const failing = detail.items.filter((item, i) => {
    const check = checkInput(item.rule, entries[i].input, phase);
    return check.state === 'scored' && check.result.outcome === 'fail';
  }).length;
  const uploading = busyItems.size > 0;

  // The newest entries, updated at once (photo fixes arrive between renders).
  const latest = useRef(entries);

  const update = (itemId: number, mutate: (e: ItemEntry) => ItemEntry) => {
    const next = latest.current.map((e) => (e.itemId === itemId ? mutate(e) : e));
    latest.current = next;
    setEntries(next);
    store.save(next, key, pending.current);
    dirty.current = true;
    setSyncTick((n) => n + 1);
    setServerErrors((m) => {
      if (!m.has(itemId)) return m;
      const copy = new Map(m);
      copy.delete(itemId);
      return copy;
    });
  };

  // Saves the draft on the server after a pause, and again when the connection comes back.
  useEffect(() => {
    if (!dirty.current || !online || syncStopped.current) return;
    const timer = window.setTimeout(() => {
      dirty.current = false;
      setSync({ state: 'saving' });
      saveInspectionDraft(detail.id, draftValues(latest.current)).then(
        (r) => setSync({ state: 'saved', at: r.savedAt }),
        (error: unknown) => {
          // Refused for good (the round closed, the inspection was submitted): stop trying.
          if (isApiError(error) && error.status >= 400 && error.status < 500) syncStopped.current = true;
          else dirty.current = true;
          setSync({ state: 'failed' });
        },
      );
    }, SYNC_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [syncTick, online, detail.id]);

  const setBusy = useCallback((itemId: number, busy: boolean) => {
    setBusyItems((set) => {
      if (busy === set.has(itemId)) return set;
      const next = new Set(set);
      if (busy) next.add(itemId);
      else next.delete(itemId);
      return next;
    });
  }, []);

  const photoFix = (itemId: number) => (fileId: string, fix: GeoFix) => {
    position.setFix(fix);
    update(itemId, (e) => ({
      ...e,
      photos: e.photos.map((p) =>
        p.fileId === fileId ? { ...p, lng: fix.lng, lat: fix.lat, accuracy: fix.accuracy } : p,
      ),
    }));
  };

  const finish = (result: InspectionDetail) => {
    pending.current = false;
    store.clear();
    queryClient.setQueryData(inspectionQueryKey(detail.id), result);
    void queryClient.invalidateQueries({ queryKey: inspectionsKey });
    window.scrollTo(0, 0);
    void message.success(t('inspections.mobile.submitted'));
  };

  const scrollTo = (list: ItemProblem[] | number[]) => {
    const first = list[0];
    const itemId = typeof first === 'number' ? first : first?.itemId;
    if (itemId !== undefined)
      document.getElementById(`item-${itemId}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const send = async () => {
    setFailure(null);
    if (problems.length > 0) {
      setShowProblems(true);
      scrollTo(problems);
      void message.warning(t('inspections.mobile.incomplete', { count: problems.length }));
      return;
    }
    setSending(true);
    try {
      // A submit that may already have arrived is settled first, so it is never sent twice.
      if (pending.current) {
        const now = await fetchInspection(detail.id);
        if (submitArrived(now)) {
          finish(now);
          return;
        }
      }
      pending.current = true;
      store.save(latest.current, key, true);
      const body = submitBodyOf(detail.items, latest.current, phase, key, position.fix);
      const result = await submit.mutateAsync(body);
      finish(result);
    } catch (error) {
      if (error instanceof SubmitTimeoutError) setFailure({ kind: 'timeout' });
      else if (isApiError(error) && error.status === 0) setFailure({ kind: 'offline' });
      else {
        // The server answered: this submission did not go through.
        pending.current = false;
        store.save(latest.current, key, false);
        const text = error instanceof Error ? error.message : String(error);
        if (isApiError(error)) {
          const byItem = new Map<number, string>();
          for (const f of error.details?.fields ?? []) {
            const m = /^\/?(?:body\/)?values\/(\d+)/.exec(f.path);
            // Every item is in the body, in checklist order (problems were cleared before sending).
            const itemId = m ? detail.items[Number(m[1])]?.id : undefined;
            if (itemId !== undefined) byItem.set(itemId, f.message || text);
          }
          setServerErrors(byItem);
          if (byItem.size > 0) scrollTo([...byItem.keys()]);
        }
        setFailure({ kind: 'error', text });
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="checklist-form">
      {!online ? (
        <Alert type="warning" showIcon icon={<WifiOutlined />} title={t('inspections.mobile.offlineNow')} />
      ) : null}
      {initial.from !== 'none' ? (
        <Alert
          type="info"
          showIcon
          title={t(
            initial.from === 'device' ? 'inspections.mobile.restoredDevice' : 'inspections.mobile.restoredServer',
          )}
          data-testid="draft-restored"
        />
      ) : null}
      {detail.phase === 'pre_inspection' ? (
        <Alert type="error" showIcon title={t('inspections.mobile.prePhase')} />
      ) : null}
      {detail.items.map((item, index) => (
        <ChecklistItemCard
          key={item.id}
          index={index}
          item={item}
          entry={entries[index]}
          phase={phase}
          onChange={(next) => update(item.id, () => next)}
          onPhotoFix={photoFix(item.id)}
          site={detail.site}
          lastFix={position.fix}
          onBusyChange={setBusy}
          problem={showProblems ? (problemOf.get(item.id) ?? null) : null}
          serverError={serverErrors.get(item.id) ?? null}
        />
      ))}
      <SubmitFailureAlert
        failure={failure}
        texts={{
          timeout: t('inspections.mobile.timeout'),
          offline: t('inspections.mobile.offline'),
          failed: t('inspections.mobile.failed'),
          retrySafe: t('inspections.mobile.retrySafe'),
        }}
        testId="submit-failure"
      />
      <StickyActionBar padding="8px 12px 10px">
        <Flex align="center" gap={8} style={{ marginBottom: 6 }}>
          <Progress
            percent={detail.items.length > 0 ? Math.round((filled / detail.items.length) * 100) : 0}
            showInfo={false}
            size="small"
            style={{ flex: 1, margin: 0 }}
          />
          <Typography.Text style={{ fontSize: 13, whiteSpace: 'nowrap' }} data-testid="checklist-progress">
            {t('inspections.mobile.progress', { filled, total: detail.items.length })}
            {failing > 0 ? ` · ${t('inspections.mobile.failing', { count: failing })}` : ''}
          </Typography.Text>
        </Flex>
        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          loading={sending}
          disabled={uploading}
          style={{ height: 50, fontSize: 17 }}
          onClick={() => void send()}
          data-testid="inspection-submit"
        >
          {uploading
            ? t('mobileShared.photo.uploading')
            : failure && failure.kind !== 'error'
              ? t('inspections.mobile.retry')
              : t('inspections.mobile.submit')}
        </Button>
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, display: 'block', textAlign: 'center', marginTop: 4 }}
          data-testid="sync-state"
          data-state={sync.state}
        >
          <CloudSyncOutlined />{' '}
          {sync.state === 'saved' && sync.at
            ? t('inspections.mobile.syncedAt', { time: formatDateTime(sync.at) })
            : sync.state === 'saving'
              ? t('inspections.mobile.syncing')
              : sync.state === 'failed'
                ? t('inspections.mobile.syncFailed')
                : t('inspections.mobile.draftHint')}
        </Typography.Text>
      </StickyActionBar>
    </Flex>
  );
}

function ResultView({ detail }: { detail: InspectionDetail }) {
  const t = useT();
  const failed = detail.items.filter((i) => i.result?.outcome === 'fail');
  return (
    <>
      <Card size="small" data-testid="inspection-result">
        <Flex align="center" justify="space-between" gap={12}>
          <div>
            <Typography.Text type="secondary">{t('inspections.inspection.score')}</Typography.Text>
            <div style={{ fontSize: 40, lineHeight: 1.1 }} data-testid="inspection-score">
              <ScoreText score={detail.score} strong />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('inspections.inspection.earnedOf', { earned: detail.earned ?? 0, applicable: detail.applicable ?? 0 })}
            </Typography.Text>
          </div>
          <Flex vertical align="flex-end" gap={4}>
            {failed.length > 0 ? (
              <Tag color="red" icon={<CloseCircleFilled />} style={{ marginInlineEnd: 0, fontSize: 14 }}>
                {t('inspections.mobile.failedCount', { count: failed.length })}
              </Tag>
            ) : (
              <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0, fontSize: 14 }}>
                {t('inspections.mobile.allPassed')}
              </Tag>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(detail.submittedAt)}
            </Typography.Text>
          </Flex>
        </Flex>
      </Card>
      {failed.length > 0 ? (
        <Card size="small" title={t('inspections.mobile.failedItems')}>
          <Flex vertical gap={10}>
            {failed.map((item) => (
              <div
                key={item.id}
                data-testid="failed-item"
                style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
              >
                <Typography.Text strong style={{ display: 'block' }}>
                  {item.title}
                </Typography.Text>
                <Typography.Text style={{ display: 'block', fontSize: 14 }}>{item.result?.text}</Typography.Text>
                {item.result?.caseId ? (
                  <Link
                    to={`/m/cases/${item.result.caseId}`}
                    data-testid="failed-case-link"
                    data-case-id={item.result.caseId}
                  >
                    <Button size="large" block style={{ marginTop: 6, height: 44 }}>
                      {t('inspections.mobile.openCase', { id: item.result.caseId })}
                    </Button>
                  </Link>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('inspections.mobile.caseFiling')}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Flex>
        </Card>
      ) : null}
      <Card size="small" title={t('inspections.mobile.allItems', { count: detail.items.length })}>
        <Flex vertical gap={8}>
          {detail.items.map((item) => (
            <Flex
              key={item.id}
              gap={8}
              align="flex-start"
              data-testid="result-item"
              data-outcome={item.result?.outcome}
            >
              {item.result ? <OutcomeTag outcome={item.result.outcome} /> : null}
              <div style={{ minWidth: 0 }}>
                <Typography.Text style={{ display: 'block' }}>{item.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {item.result?.text ?? item.ruleText}
                </Typography.Text>
              </div>
            </Flex>
          ))}
        </Flex>
      </Card>
    </>
  );
}
