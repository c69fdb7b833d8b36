// The public answering page (no sign-in, phone first: 375 px without sideways scrolling). The
// respondent says who they are (the version for their group) and picks their community — either
// may be fixed by the link (?v= version, ?r= a community, or a street or district to pick within)
// — then answers; a refused answer names the question (scrolled to), a closed questionnaire, a
// full quota or a reached limit is said in the respondent's language; a thank-you with the
// receipt ends it. The device keeps a random id (localStorage) for the per-device limit; each
// sheet carries an idempotency key, so a retry after a lost answer is not counted twice.
import { useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Cascader, Checkbox, Form, Input, Radio, Result, Skeleton, Space, Typography } from 'antd';
import type { SurveyQuestion } from '@cc/common/surveys';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { LangSwitch } from '../../../app/layout/lang-switch';
import { positiveIntParam } from '../../../shared/url-params';
import { deviceId, newIdempotencyKey } from '../api/question-draft';
import { usePublicSurvey, useSubmitSurvey } from '../api/surveys-api';
import type { PublicRegion, PublicSurvey } from '../api/survey-types';

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;

type Answer = string | number | string[] | Record<string, string> | undefined;

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <div data-testid="page-public-survey" style={{ minHeight: '100vh', background: '#f5f5f5', overflowX: 'hidden' }}>
      <header style={{ position: 'sticky', top: 0, zIndex: 10, background: '#c0392b', color: '#fff' }}>
        <div
          style={{
            maxWidth: 640,
            margin: '0 auto',
            height: 48,
            padding: '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          <div
            style={{
              flex: 1,
              minWidth: 0,
              fontSize: 17,
              fontWeight: 600,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {title || t('surveys.public.title')}
          </div>
          <LangSwitch />
        </div>
      </header>
      <main style={{ maxWidth: 640, margin: '0 auto', padding: 12, paddingBottom: 32, boxSizing: 'border-box' }}>
        {children}
      </main>
    </div>
  );
}

interface CascaderOption {
  value: number;
  label: string;
  children?: CascaderOption[];
}

/** The communities under `rootId` as district → street → community options. */
function regionOptions(regions: PublicRegion[], rootId: number) {
  const byParent = new Map<number | null, PublicRegion[]>();
  for (const r of regions) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (parent: number): CascaderOption[] =>
    (byParent.get(parent) ?? []).flatMap((r) => {
      if (r.level === 'community') return [{ value: r.id, label: r.name }];
      const children = build(r.id);
      return children.length > 0 ? [{ value: r.id, label: r.name, children }] : [];
    });
  return { options: build(rootId) };
}

function QuestionInput({ q, value, onChange }: { q: SurveyQuestion; value: Answer; onChange: (v: Answer) => void }) {
  const t = useT();
  const options = q.options ?? [];
  const big = { fontSize: 16, padding: '6px 0' };
  switch (q.type) {
    case 'single':
      return (
        <Radio.Group
          value={value}
          onChange={(e) => onChange(e.target.value as string)}
          style={{ display: 'flex', flexDirection: 'column' }}
        >
          {options.map((o) => (
            <Radio key={o.code} value={o.code} style={big}>
              {o.label}
            </Radio>
          ))}
        </Radio.Group>
      );
    case 'multiple': {
      const chosen = (value as string[] | undefined) ?? [];
      const max = q.maxChoices ?? options.length;
      return (
        <Checkbox.Group
          value={chosen}
          onChange={(v) => onChange(v as string[])}
          style={{ display: 'flex', flexDirection: 'column' }}
        >
          {options.map((o) => (
            <Checkbox
              key={o.code}
              value={o.code}
              style={big}
              disabled={!chosen.includes(o.code) && chosen.length >= max}
            >
              {o.label}
            </Checkbox>
          ))}
        </Checkbox.Group>
      );
    }
    case 'rating': {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      return (
        <div>
          <Radio.Group
            value={value}
            onChange={(e) => onChange(Number(e.target.value))}
            buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
          >
            {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((v) => (
              <Radio.Button key={v} value={v} style={{ minWidth: 40, textAlign: 'center', borderRadius: 4 }}>
                {v}
              </Radio.Button>
            ))}
          </Radio.Group>
          {q.minLabel || q.maxLabel ? (
            <div
              style={{ display: 'flex', justifyContent: 'space-between', color: '#8c8c8c', fontSize: 12, marginTop: 4 }}
            >
              <span>
                {min} {q.minLabel}
              </span>
              <span>
                {max} {q.maxLabel}
              </span>
            </div>
          ) : null}
        </div>
      );
    }
    case 'text':
      return (
        <Input.TextArea
          rows={3}
          maxLength={q.maxLength ?? 500}
          showCount
          value={(value as string | undefined) ?? ''}
          placeholder={t('surveys.public.textPlaceholder', { max: q.maxLength ?? 500 })}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'matrix': {
      const cells = (value as Record<string, string> | undefined) ?? {};
      return (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          {(q.rows ?? []).map((row) => (
            <div key={row.code}>
              <Typography.Text strong>{row.label}</Typography.Text>
              <Radio.Group
                value={cells[row.code]}
                onChange={(e) => onChange({ ...cells, [row.code]: e.target.value as string })}
                style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px', marginTop: 4 }}
              >
                {options.map((o) => (
                  <Radio key={o.code} value={o.code}>
                    {o.label}
                  </Radio>
                ))}
              </Radio.Group>
            </div>
          ))}
        </Space>
      );
    }
  }
}

function isAnswered(q: SurveyQuestion, v: Answer): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object')
    return q.type === 'matrix' ? (q.rows ?? []).every((r) => (v as Record<string, string>)[r.code]) : true;
  return true;
}

function AnswerSheet({ survey, token }: { survey: PublicSurvey; token: string }) {
  const t = useT();
  const [search] = useSearchParams();
  const fixedVersion = survey.versions.find((v) => v.id === positiveIntParam(search.get('v')));
  const fixedRegion = positiveIntParam(search.get('r'));
  const root = survey.regions.some((r) => r.id === fixedRegion) ? fixedRegion! : survey.rootRegionId;
  const fixedCommunity = survey.regions.find((r) => r.id === root && r.level === 'community');
  const { options } = useMemo(() => regionOptions(survey.regions, root), [survey.regions, root]);
  const [versionId, setVersionId] = useState<number | undefined>(
    fixedVersion?.id ?? (survey.versions.length === 1 ? survey.versions[0].id : undefined),
  );
  const [communityPath, setCommunityPath] = useState<number[] | undefined>(undefined);
  const communityId = fixedCommunity?.id ?? communityPath?.at(-1);
  const [started, setStarted] = useState(false);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const submit = useSubmitSurvey(token);
  const cards = useRef<Record<string, HTMLDivElement | null>>({});
  const version = survey.versions.find((v) => v.id === versionId);

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('surveys.public.thanks')}
        subTitle={t('surveys.public.receipt', { receipt })}
        data-testid="survey-thanks"
      />
    );
  }

  if (!started || !version || !communityId) {
    return (
      <Card size="small">
        <Form layout="vertical" size="large">
          {!fixedVersion && survey.versions.length > 1 ? (
            <Form.Item label={t('surveys.public.who')} required>
              <Radio.Group
                value={versionId}
                onChange={(e) => setVersionId(e.target.value as number)}
                style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
                data-testid="survey-who"
              >
                {survey.versions.map((v) => (
                  <Radio.Button key={v.id} value={v.id}>
                    {t(`surveys.group.${v.group}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          ) : null}
          {!fixedCommunity ? (
            <Form.Item label={t('surveys.public.where')} required>
              <Cascader
                options={options}
                value={communityPath}
                onChange={(value) => setCommunityPath(value as number[] | undefined)}
                placeholder={t('surveys.public.wherePlaceholder')}
                showSearch
                style={{ width: '100%' }}
                data-testid="survey-where"
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('surveys.public.where')}>
              <Typography.Text strong>{fixedCommunity.name}</Typography.Text>
            </Form.Item>
          )}
          <Button
            type="primary"
            block
            disabled={!version || !communityId}
            onClick={() => setStarted(true)}
            data-testid="survey-start"
          >
            {t('surveys.public.start')}
          </Button>
        </Form>
      </Card>
    );
  }

  const send = () => {
    setRefusal(null);
    const missing = version.questions.findIndex((q) => q.required && !isAnswered(q, answers[q.code]));
    if (missing >= 0) {
      const q = version.questions[missing];
      setErrors({ [q.code]: t('surveys.public.missing', { n: missing + 1 }) });
      cards.current[q.code]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setErrors({});
    const sheet = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== ''));
    submit.mutate(
      {
        versionId: version.id,
        regionId: communityId,
        deviceId: deviceId(),
        idempotencyKey: key.current,
        answers: sheet,
      },
      {
        onSuccess: (r) => {
          key.current = newIdempotencyKey();
          setReceipt(r.receipt);
        },
        onError: (error) => {
          const field = isApiError(error) ? error.details?.fields?.[0]?.path : undefined;
          const code = field?.startsWith('body/answers/') ? field.slice('body/answers/'.length) : null;
          if (code && isApiError(error)) {
            setErrors({ [code]: error.message });
            cards.current[code]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
          } else setRefusal(error.message);
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setStarted(false)}>
        {t('surveys.public.back')}
      </Button>
      {version.questions.map((q, i) => (
        <div key={q.code} ref={(el) => void (cards.current[q.code] = el)}>
          <Card
            size="small"
            data-testid="survey-question"
            data-code={q.code}
            style={errors[q.code] ? { borderColor: '#ff4d4f' } : undefined}
          >
            <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }}>
              {i + 1}. {q.title}
              {q.required ? <span style={{ color: '#ff4d4f' }}> *</span> : null}
              {q.type === 'multiple' && q.maxChoices ? (
                <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                  {' '}
                  {t('surveys.public.chooseUpTo', { max: q.maxChoices })}
                </Typography.Text>
              ) : null}
            </Typography.Paragraph>
            {q.help ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 6 }}>
                {q.help}
              </Typography.Paragraph>
            ) : null}
            <QuestionInput
              q={q}
              value={answers[q.code]}
              onChange={(v) => {
                setAnswers((a) => ({ ...a, [q.code]: v }));
                setErrors((e) => {
                  const { [q.code]: _done, ...rest } = e;
                  return rest;
                });
              }}
            />
            {errors[q.code] ? (
              <Typography.Text type="danger" data-testid="question-error">
                {errors[q.code]}
              </Typography.Text>
            ) : null}
          </Card>
        </div>
      ))}
      {refusal ? <Alert type="warning" showIcon title={refusal} data-testid="survey-refusal" /> : null}
      <Button type="primary" size="large" block loading={submit.isPending} onClick={send} data-testid="survey-submit">
        {t('surveys.public.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
        {t('surveys.public.anonymous')}
      </Typography.Paragraph>
    </Space>
  );
}

export default function PublicSurveyPage() {
  const t = useT();
  const { token = '' } = useParams();
  const valid = TOKEN_RE.test(token);
  const query = usePublicSurvey(token, valid);
  const survey = query.data;
  let content: React.ReactNode;
  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    content = <Result status="404" title={t('surveys.public.notFound')} subTitle={t('surveys.public.notFoundHint')} />;
  } else if (query.isError) {
    content = (
      <Result
        status="warning"
        title={query.error.message}
        extra={
          <Button type="primary" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!survey) {
    content = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    content = (
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Card size="small">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {survey.title}
          </Typography.Title>
          {survey.intro ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {survey.intro}
            </Typography.Paragraph>
          ) : null}
        </Card>
        {survey.isOpen ? (
          <AnswerSheet survey={survey} token={token} />
        ) : (
          <Result status="info" title={survey.closedMessage} data-testid="survey-closed" />
        )}
      </Space>
    );
  }
  return <Shell title={survey?.cityName ?? ''}>{content}</Shell>;
}
