// 入户征询登记 on the phone (/m/canvass/visit): the 群众意见建议征询表 as one form — where (the
// assignment, building and door), who (the name only when the resident agrees, an optional phone),
// the materials handed out, one or more opinions (each ≤ 500 characters, optionally 共性 / 个性), an
// optional photo and a note. Everything is kept on the phone on every change together with the
// visit's idempotency key, so a reload or a lost connection keeps the form and a retry (after a
// timeout) cannot record the household twice. After saving: the receipt and "record next
// household" (same assignment and building).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Result,
  Segmented,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined, WifiOutlined } from '@ant-design/icons';
import { TEXT_LIMITS, type OpinionScope } from '@cc/common/canvass';
import { isApiError } from '../../../app/api';
import { useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { newIdempotencyKey } from '../../../shared/cases/cases-api';
import { browserStorage } from '../../../shared/draft-storage';
import { CameraCapture } from '../../../shared/mobile/camera-capture';
import {
  BackButton,
  LoadErrorAlert,
  StickyActionBar,
  SubmitFailureAlert,
  type SubmitFailure,
} from '../../../shared/mobile/page-parts';
import { useOnline } from '../../../shared/mobile/use-online';
import { positiveIntParam } from '../../../shared/url-params';
import { SubmitTimeoutError, useMyAssignments, useSubmitVisit } from '../api/canvass-api';
import type { MyAssignment, VisitReceipt } from '../api/canvass-types';
import {
  createVisitDraftStore,
  emptyOpinion,
  emptyVisitDraft,
  hasVisitContent,
  visitBodyOf,
  visitProblems,
  type VisitDraft,
  type VisitProblem,
  type VisitValues,
} from '../api/visit-draft';

const SCOPE_NONE = 'none';
type ScopeChoice = OpinionScope | typeof SCOPE_NONE;

export default function MobileVisitPage() {
  const t = useT();
  const me = useMe();
  const [search] = useSearchParams();
  const assignments = useMyAssignments();
  const store = useMemo(() => createVisitDraftStore(browserStorage(), me.id), [me.id]);
  const [start] = useState(() => {
    const stored = store.load();
    const asked = positiveIntParam(search.get('assignment')) ?? null;
    // A draft for another assignment is kept only when it holds something typed.
    if (stored && (hasVisitContent(stored.values) || !asked || stored.values.assignmentId === asked)) {
      return { draft: stored, restored: hasVisitContent(stored.values) };
    }
    return { draft: emptyVisitDraft(newIdempotencyKey(), { assignmentId: asked }), restored: false };
  });
  const [draft, setDraft] = useState<VisitDraft>(start.draft);
  const [restored, setRestored] = useState(start.restored);
  const [receipt, setReceipt] = useState<VisitReceipt | null>(null);

  const next = (keep: boolean) => {
    const values = draft.values;
    const fresh = emptyVisitDraft(
      newIdempotencyKey(),
      keep ? { assignmentId: values.assignmentId, buildingId: values.buildingId } : {},
    );
    store.clear();
    setDraft(fresh);
    setRestored(false);
    setReceipt(null);
    window.scrollTo(0, 0);
  };

  return (
    <Flex vertical gap={12} data-testid="page-mobile-visit">
      <BackButton fallback="/m/canvass" />
      {assignments.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : assignments.isError && !assignments.data ? (
        <LoadErrorAlert message={assignments.error.message} onRetry={() => void assignments.refetch()} />
      ) : receipt ? (
        <VisitDone receipt={receipt} onNext={() => next(true)} />
      ) : (assignments.data ?? []).length === 0 ? (
        <Result status="info" title={t('canvass.mobile.empty')} />
      ) : (
        <VisitForm
          key={draft.idempotencyKey}
          draft={draft}
          restored={restored}
          assignments={assignments.data ?? []}
          onChange={(d) => setDraft(store.save(d))}
          onDiscard={() => next(false)}
          onSaved={(r) => {
            store.clear();
            setReceipt(r);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </Flex>
  );
}

interface VisitFormProps {
  draft: VisitDraft;
  restored: boolean;
  assignments: MyAssignment[];
  onChange: (draft: VisitDraft) => void;
  onDiscard: () => void;
  onSaved: (receipt: VisitReceipt) => void;
}

function problemText(t: ReturnType<typeof useT>, p: VisitProblem): string {
  switch (p.code) {
    case 'required':
      return t('canvass.visit.assignmentMissing');
    case 'noConsent':
      return t('canvass.visit.nameNoConsent');
    case 'invalid':
      return t('validation.phone');
    case 'tooMany':
      return t('canvass.visit.tooManyOpinions', { max: TEXT_LIMITS.opinionsPerVisit });
    case 'tooLong':
      return t('validation.maxLength', {
        max:
          p.field === 'intervieweeName'
            ? TEXT_LIMITS.name
            : p.field === 'household'
              ? TEXT_LIMITS.household
              : TEXT_LIMITS.opinion,
      });
  }
}

function VisitForm({ draft, restored, assignments, onChange, onDiscard, onSaved }: VisitFormProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const online = useOnline();
  const submit = useSubmitVisit();
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [phoneTouched, setPhoneTouched] = useState(false);
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  const values = draft.values;
  const assignment = assignments.find((a) => a.id === values.assignmentId) ?? null;
  const problems = visitProblems(values);
  const problemOf = (field: VisitProblem['field'], index?: number) => {
    const p = problems.find((x) => x.field === field && (index === undefined || ('index' in x && x.index === index)));
    return p ? problemText(t, p) : null;
  };

  const set = (patch: Partial<VisitValues>) => {
    const next = { ...latest.current, values: { ...latest.current.values, ...patch } };
    latest.current = next;
    onChange(next);
  };

  // The only assignment is picked at once; a stale one (drive closed) is dropped.
  useEffect(() => {
    if (values.assignmentId !== null && !assignment) set({ assignmentId: null, buildingId: null, materials: [] });
    else if (values.assignmentId === null && assignments.length === 1) set({ assignmentId: assignments[0].id });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assignments, values.assignmentId, assignment]);

  const setOpinion = (index: number, patch: Partial<VisitValues['opinions'][number]>) =>
    set({ opinions: latest.current.values.opinions.map((o, i) => (i === index ? { ...o, ...patch } : o)) });

  const send = async () => {
    setFailure(null);
    if (problems.length > 0) {
      setShowProblems(true);
      setPhoneTouched(true);
      void message.warning(problemText(t, problems[0]));
      return;
    }
    if (uploading) {
      void message.warning(t('mobileShared.photo.waitUpload'));
      return;
    }
    // The first attempt lets the server stamp the time (a phone's clock may be off); a retry after
    // a lost connection says when the household was really visited: at the first attempt.
    const retry = latest.current.sentAt !== null;
    const sentAt = latest.current.sentAt ?? new Date().toISOString();
    if (!retry) {
      const next = { ...latest.current, sentAt };
      latest.current = next;
      onChange(next);
    }
    try {
      const body = visitBodyOf(latest.current.values, latest.current.idempotencyKey, retry ? sentAt : null);
      const result = await submit.mutateAsync(body);
      onSaved(result);
    } catch (error) {
      if (error instanceof SubmitTimeoutError) setFailure({ kind: 'timeout' });
      else if (isApiError(error) && error.status === 0) setFailure({ kind: 'offline' });
      else {
        const text = error instanceof Error ? error.message : String(error);
        const fields = isApiError(error) ? (error.details?.fields ?? []) : [];
        const detail = fields.map((f) => f.message).filter(Boolean);
        setFailure({ kind: 'error', text: detail.length > 0 ? `${text}（${detail.join('；')}）` : text });
      }
    }
  };

  const confirmDiscard = () => {
    void modal.confirm({
      title: t('canvass.visit.discardConfirm'),
      okText: t('canvass.visit.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: onDiscard,
    });
  };

  const big = { fontSize: 16 } as const;
  const filledOpinions = values.opinions.filter((o) => o.text.trim() !== '').length;

  return (
    <Flex vertical gap={12} data-testid="visit-form">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('canvass.visit.title')}
      </Typography.Title>
      {!online ? <Alert type="warning" showIcon icon={<WifiOutlined />} title={t('canvass.visit.offlineNow')} /> : null}
      {restored ? (
        <Alert
          type="info"
          showIcon
          title={t('canvass.visit.restored')}
          action={
            <Button size="small" onClick={confirmDiscard} data-testid="visit-discard">
              {t('canvass.visit.discard')}
            </Button>
          }
          data-testid="visit-restored"
        />
      ) : null}

      <Card size="small" title={t('canvass.visit.where')}>
        <Flex vertical gap={10}>
          <div>
            <FieldLabel text={t('canvass.visit.assignment')} />
            <Select<number>
              size="large"
              style={{ width: '100%' }}
              value={values.assignmentId ?? undefined}
              placeholder={t('canvass.visit.assignmentPlaceholder')}
              onChange={(id) => set({ assignmentId: id, buildingId: null, materials: [] })}
              options={assignments.map((a) => ({
                value: a.id,
                label: `${a.community.name} · ${a.drive.name}`,
              }))}
              status={showProblems && problemOf('assignmentId') ? 'error' : undefined}
              data-testid="visit-assignment"
            />
            <FieldError text={showProblems ? problemOf('assignmentId') : null} />
            {assignment ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[assignment.community.street, assignment.unit.name].filter(Boolean).join(' · ')}
              </Typography.Text>
            ) : null}
          </div>
          {assignment && assignment.buildings.length > 0 ? (
            <div>
              <FieldLabel text={t('canvass.visit.building')} />
              <Select<number>
                size="large"
                allowClear
                style={{ width: '100%' }}
                value={values.buildingId ?? undefined}
                placeholder={t('canvass.visit.buildingPlaceholder')}
                onChange={(id) => set({ buildingId: id ?? null })}
                options={assignment.buildings.map((b) => ({
                  value: b.id,
                  label: `${b.name}（${b.visitedHouseholds}/${b.targetHouseholds}）`,
                }))}
                data-testid="visit-building"
              />
            </div>
          ) : null}
          <div>
            <FieldLabel text={t('canvass.visit.household')} />
            <Input
              size="large"
              style={big}
              value={values.household}
              maxLength={TEXT_LIMITS.household}
              placeholder={t('canvass.visit.householdPlaceholder')}
              onChange={(e) => set({ household: e.target.value })}
              data-testid="visit-household"
            />
          </div>
        </Flex>
      </Card>

      <Card size="small" title={t('canvass.visit.who')}>
        <Flex vertical gap={10}>
          <Flex align="center" justify="space-between" gap={8}>
            <Typography.Text style={{ fontSize: 15 }}>{t('canvass.visit.consent')}</Typography.Text>
            <Switch
              checked={values.nameConsent}
              onChange={(on) => set(on ? { nameConsent: true } : { nameConsent: false, intervieweeName: '' })}
              data-testid="visit-consent"
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: -6 }}>
            {t('canvass.visit.consentHint')}
          </Typography.Text>
          <div>
            <FieldLabel text={t('canvass.visit.name')} />
            <Input
              size="large"
              style={big}
              disabled={!values.nameConsent}
              value={values.intervieweeName}
              maxLength={TEXT_LIMITS.name}
              placeholder={values.nameConsent ? t('canvass.visit.namePlaceholder') : t('canvass.visit.nameDisabled')}
              onChange={(e) => set({ intervieweeName: e.target.value })}
              data-testid="visit-name"
            />
            <FieldError text={problemOf('intervieweeName')} />
          </div>
          <div>
            <FieldLabel text={t('canvass.visit.phone')} />
            <Input
              size="large"
              style={big}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={values.phone}
              maxLength={20}
              placeholder={t('canvass.visit.phonePlaceholder')}
              status={phoneTouched && problemOf('phone') ? 'error' : undefined}
              onBlur={() => setPhoneTouched(true)}
              onChange={(e) => set({ phone: e.target.value })}
              data-testid="visit-phone"
            />
            <FieldError text={phoneTouched ? problemOf('phone') : null} />
          </div>
        </Flex>
      </Card>

      {assignment && assignment.drive.materials.length > 0 ? (
        <Card size="small" title={t('canvass.visit.materials')}>
          <Checkbox.Group
            value={values.materials}
            onChange={(list) => set({ materials: list })}
            style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
            data-testid="visit-materials"
          >
            {assignment.drive.materials.map((m) => (
              <Checkbox key={m} value={m} style={{ fontSize: 15 }}>
                {m}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Card>
      ) : null}

      <Card size="small" title={t('canvass.visit.opinions', { count: filledOpinions })} data-testid="visit-opinions">
        <Flex vertical gap={12}>
          {values.opinions.map((o, index) => (
            <div
              key={index}
              data-testid="visit-opinion"
              style={{ borderBottom: '1px dashed #e8e8e8', paddingBottom: 10 }}
            >
              <Flex align="center" justify="space-between" style={{ marginBottom: 4 }}>
                <Typography.Text strong>{t('canvass.visit.opinionN', { n: index + 1 })}</Typography.Text>
                {values.opinions.length > 1 ? (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => set({ opinions: latest.current.values.opinions.filter((_, i) => i !== index) })}
                    data-testid="visit-opinion-remove"
                  />
                ) : null}
              </Flex>
              <Input.TextArea
                rows={3}
                style={big}
                value={o.text}
                maxLength={TEXT_LIMITS.opinion}
                showCount
                placeholder={t('canvass.visit.opinionPlaceholder')}
                onChange={(e) => setOpinion(index, { text: e.target.value })}
                data-testid="visit-opinion-text"
              />
              <FieldError text={problemOf('opinions', index)} />
              <Segmented<ScopeChoice>
                block
                style={{ marginTop: 24 }}
                value={o.scope ?? SCOPE_NONE}
                onChange={(v) => setOpinion(index, { scope: v === SCOPE_NONE ? null : v })}
                options={[
                  { value: SCOPE_NONE, label: t('canvass.visit.scopeUnsure') },
                  { value: 'common', label: t('canvass.scope.common') },
                  { value: 'individual', label: t('canvass.scope.individual') },
                ]}
                data-testid="visit-opinion-scope"
              />
            </div>
          ))}
          {values.opinions.length < TEXT_LIMITS.opinionsPerVisit ? (
            <Button
              size="large"
              block
              icon={<PlusOutlined />}
              onClick={() => set({ opinions: [...latest.current.values.opinions, emptyOpinion()] })}
              data-testid="visit-opinion-add"
            >
              {t('canvass.visit.addOpinion')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('canvass.visit.opinionsHint')}
          </Typography.Text>
        </Flex>
      </Card>

      <Card size="small" title={t('canvass.visit.photos')}>
        <CameraCapture
          value={values.photos}
          onChange={(photos) => set({ photos })}
          max={6}
          onBusyChange={setUploading}
          inputTestId="visit-photo-input"
        />
      </Card>

      <Card size="small" title={t('canvass.visit.note')}>
        <Input.TextArea
          rows={2}
          style={big}
          value={values.note}
          maxLength={TEXT_LIMITS.note}
          placeholder={t('canvass.visit.notePlaceholder')}
          onChange={(e) => set({ note: e.target.value })}
          data-testid="visit-note"
        />
      </Card>

      <SubmitFailureAlert
        failure={failure}
        texts={{
          timeout: t('canvass.visit.timeout'),
          offline: t('canvass.visit.offline'),
          failed: t('canvass.visit.failed'),
          retrySafe: t('canvass.visit.retrySafe'),
        }}
        testId="visit-failure"
      />
      <StickyActionBar>
        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          loading={submit.isPending}
          disabled={uploading}
          style={{ height: 50, fontSize: 17 }}
          onClick={() => void send()}
          data-testid="visit-submit"
        >
          {uploading
            ? t('mobileShared.photo.uploading')
            : failure && failure.kind !== 'error'
              ? t('canvass.visit.retry')
              : t('canvass.visit.submit')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', textAlign: 'center', marginTop: 4 }}>
          {t('canvass.visit.draftHint')}
        </Typography.Text>
      </StickyActionBar>
    </Flex>
  );
}

function FieldLabel({ text }: { text: string }) {
  return <div style={{ fontSize: 14, color: '#595959', marginBottom: 4 }}>{text}</div>;
}

function FieldError({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }} role="alert" data-testid="field-error">
      {text}
    </div>
  );
}

function VisitDone({ receipt, onNext }: { receipt: VisitReceipt; onNext: () => void }) {
  const t = useT();
  return (
    <Card data-testid="visit-done" data-visit-id={receipt.id}>
      <Result
        status="success"
        title={t('canvass.visit.saved')}
        subTitle={[receipt.community.name, receipt.building?.name, receipt.household].filter(Boolean).join(' · ')}
        style={{ padding: '16px 0' }}
      />
      <Flex vertical gap={12}>
        {receipt.replayed ? <Alert type="info" showIcon title={t('canvass.visit.replayed')} /> : null}
        <Typography.Text data-testid="visit-done-opinions">
          {t('canvass.visit.savedOpinions', { count: receipt.opinions.length })}
        </Typography.Text>
        {receipt.opinions.map((o) => (
          <Typography.Paragraph key={o.id} type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 14 }}>
            {o.seq}. {o.text}
          </Typography.Paragraph>
        ))}
        <Button type="primary" size="large" block style={{ height: 50 }} onClick={onNext} data-testid="visit-next">
          {t('canvass.visit.next')}
        </Button>
        <Link to="/m/canvass">
          <Button size="large" block style={{ height: 48 }}>
            {t('canvass.visit.backToList')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
