// 统计结果: filters (respondent group, region); the four rates with the formulas behind them; the
// rates cross-tabulated by district, street and group; one question across regions or groups;
// each question's distribution as a chart (ECharts, loaded with this tab only) with its rate, and
// the text answers; quota progress; and the Excel exports of the summary and the raw answers.
import { lazy, Suspense, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  List,
  Progress,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { RATE_KINDS, type CrosstabDimension, type RateKind } from '@cc/common/surveys';
import { downloadFile } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { showApiError } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { rateText } from '../api/question-draft';
import { SURVEYS_PATH, useCrosstab, useSurveyResults, useTextAnswers } from '../api/surveys-api';
import type { CrossRow, QuestionResult, SurveyDetail } from '../api/survey-types';

const QuestionChart = lazy(() => import('./question-chart'));

function ExportButtons({
  survey,
  params,
}: {
  survey: SurveyDetail;
  params: { versionId?: number; regionId?: number };
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (kind: 'summary' | 'answers') => {
    setBusy(kind);
    try {
      await downloadFile(
        `${SURVEYS_PATH}/${survey.id}/export/${kind}`,
        kind === 'summary' ? params : { versionId: params.versionId },
        `${survey.title}.xlsx`,
      );
    } catch (error) {
      showApiError(error, message);
    } finally {
      setBusy(null);
    }
  };
  if (!survey.canManage) return null;
  return (
    <Space>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'summary'}
        onClick={() => void run('summary')}
        data-testid="export-summary"
      >
        {t('surveys.results.exportSummary')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'answers'}
        onClick={() => void run('answers')}
        data-testid="export-answers"
      >
        {t('surveys.results.exportAnswers')}
      </Button>
    </Space>
  );
}

function CrossTable({ rows }: { rows: CrossRow[] }) {
  const t = useT();
  return (
    <Table<CrossRow>
      size="small"
      rowKey="key"
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      dataSource={rows}
      scroll={{ x: 640 }}
      columns={[
        { title: t('surveys.results.name'), dataIndex: 'name', ellipsis: true },
        {
          title: t('surveys.field.responses'),
          dataIndex: 'responses',
          width: 90,
          align: 'right',
          sorter: (a, b) => a.responses - b.responses,
        },
        ...RATE_KINDS.map((kind) => ({
          title: t(`surveys.rate.${kind}`),
          key: kind,
          width: 100,
          align: 'right' as const,
          sorter: (a: CrossRow, b: CrossRow) => (a.rates[kind] ?? -1) - (b.rates[kind] ?? -1),
          render: (_v: unknown, r: CrossRow) => rateText(kind, r.rates[kind]),
        })),
      ]}
      data-testid="cross-table"
    />
  );
}

function TextAnswers({ surveyId, question }: { surveyId: number; question: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const query = useTextAnswers(surveyId, question, page);
  return (
    <List
      size="small"
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      locale={{ emptyText: t('surveys.results.noText') }}
      pagination={
        (query.data?.total ?? 0) > 10
          ? { current: page, pageSize: 10, total: query.data?.total, onChange: setPage, size: 'small' }
          : false
      }
      renderItem={(item) => (
        <List.Item>
          {/* Plain text: React escapes it; line breaks kept. */}
          <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.text}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0, marginInlineStart: 12 }}>
            {t(`surveys.group.${item.group}`)} · {item.regionName} · {formatDateTime(item.submittedAt)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

function QuestionCard({ surveyId, index, q }: { surveyId: number; index: number; q: QuestionResult }) {
  const t = useT();
  return (
    <Card
      size="small"
      data-testid="question-result"
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {index + 1}. {q.title} <Tag style={{ fontWeight: 400 }}>{t(`surveys.type.${q.type}`)}</Tag>
        </Typography.Text>
      }
      extra={
        <Space size={8} wrap>
          <Typography.Text type="secondary">{t('surveys.results.answered', { n: q.answered })}</Typography.Text>
          {q.mean !== null ? <Tag>{t('surveys.results.mean', { mean: q.mean.toFixed(2) })}</Tag> : null}
          {q.rate ? (
            <Tag color="red">
              {t('surveys.results.questionRate', {
                kind: t(`surveys.rate.${q.rate.kind}`),
                value: rateText(q.rate.kind, q.rate.value),
              })}
            </Tag>
          ) : null}
        </Space>
      }
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.results.askedOf', { groups: q.groups.map((g) => t(`surveys.group.${g}`)).join('、') })}
      </Typography.Text>
      {q.type === 'text' ? (
        <TextAnswers surveyId={surveyId} question={q.code} />
      ) : q.answered === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.empty')} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
          <QuestionChart question={q} />
        </Suspense>
      )}
    </Card>
  );
}

function QuestionCrosstab({
  survey,
  questions,
  params,
}: {
  survey: SurveyDetail;
  questions: QuestionResult[];
  params: { versionId?: number; regionId?: number };
}) {
  const t = useT();
  const choices = questions.filter((q) => q.type !== 'text');
  const [question, setQuestion] = useState<string | undefined>(choices[0]?.code);
  const [by, setBy] = useState<CrosstabDimension>('district');
  const current = choices.find((q) => q.code === question);
  const query = useCrosstab(survey.id, current ? { question: current.code, by, ...params } : null);
  const data = query.data;
  return (
    <Card size="small" title={t('surveys.results.crosstab')} data-testid="question-crosstab">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select
          style={{ minWidth: 260, flex: 1 }}
          value={question}
          onChange={setQuestion}
          placeholder={t('surveys.results.crosstabQuestion')}
          options={choices.map((q, i) => ({ value: q.code, label: `${i + 1}. ${q.title}` }))}
        />
        <Segmented<CrosstabDimension>
          value={by}
          onChange={setBy}
          options={[
            { value: 'district', label: t('surveys.results.byDistrict') },
            { value: 'street', label: t('surveys.results.byStreet') },
            { value: 'community', label: t('surveys.results.byCommunity') },
            { value: 'group', label: t('surveys.results.byGroup') },
          ]}
        />
      </Flex>
      <Table
        size="small"
        rowKey="key"
        loading={query.isFetching}
        dataSource={data?.rows ?? []}
        pagination={(data?.rows.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 200 + (data?.columns.length ?? 0) * 110 }}
        columns={[
          { title: t('surveys.results.name'), dataIndex: 'name', fixed: 'left', width: 140, ellipsis: true },
          { title: t('surveys.field.responses'), dataIndex: 'answered', width: 80, align: 'right' },
          ...(data?.columns ?? []).map((c, i) => ({
            title: c.label,
            key: c.code,
            width: 110,
            align: 'right' as const,
            render: (_v: unknown, r: NonNullable<typeof data>['rows'][number]) =>
              `${r.counts[i]}（${r.percents[i].toFixed(1)}%）`,
          })),
          ...(current?.rate
            ? [
                {
                  title: t(`surveys.rate.${current.rate.kind}`),
                  key: 'rate',
                  width: 100,
                  align: 'right' as const,
                  render: (_v: unknown, r: NonNullable<typeof data>['rows'][number]) =>
                    rateText(current.rate!.kind, r.rate),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export function ResultsTab({ survey }: { survey: SurveyDetail }) {
  const t = useT();
  const [versionId, setVersionId] = useState<number | undefined>(undefined);
  const [regionId, setRegionId] = useState<number | null>(null);
  const params = { versionId, regionId: regionId ?? undefined };
  const query = useSurveyResults(survey.id, params);
  const [cross, setCross] = useState<'district' | 'street' | 'group'>('district');
  const results = query.data;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="results-tab">
      <Flex gap={8} wrap align="center">
        <Select<number>
          allowClear
          style={{ width: 160 }}
          placeholder={t('surveys.results.filterVersion')}
          value={versionId}
          onChange={(v) => setVersionId(v ?? undefined)}
          options={survey.versions.map((v) => ({ value: v.id, label: t(`surveys.group.${v.group}`) }))}
          data-testid="results-version"
        />
        <RegionTreeSelect
          value={regionId}
          onChange={setRegionId}
          placeholder={t('surveys.results.filterRegion')}
          selectableLevels={['district', 'street', 'community']}
          style={{ width: 220 }}
        />
        <div style={{ flex: 1 }} />
        <ExportButtons survey={survey} params={params} />
      </Flex>
      {!results ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title={t('surveys.results.responses')}
                  value={results.responses}
                  data-testid="results-responses"
                />
              </Card>
            </Col>
            {results.rates.map((r) => (
              <Col xs={12} md={5} key={r.kind}>
                <Card size="small" data-testid={`rate-${r.kind}`}>
                  <Statistic
                    title={t(`surveys.rate.${r.kind}`)}
                    value={r.value === null ? '—' : rateText(r.kind as RateKind, r.value)}
                    valueStyle={{ color: r.value === null ? '#bfbfbf' : '#c0392b' }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.questions > 0
                      ? t('surveys.results.basis', { questions: r.questions, answers: r.answers })
                      : t('surveys.results.noQuestions')}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Collapse
            size="small"
            items={[
              {
                key: 'formulas',
                label: t('surveys.results.formulas'),
                children: (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="rate-formulas">
                    {RATE_KINDS.map((k) => (
                      <li key={k}>{t(`surveys.formula.${k}`)}</li>
                    ))}
                    <li>{t('surveys.formula.overall')}</li>
                  </ul>
                ),
              },
            ]}
          />
          {results.quotas.length > 0 ? (
            <Card size="small" title={t('surveys.results.quotas')}>
              <Row gutter={[16, 8]}>
                {results.quotas.map((q) => (
                  <Col xs={24} md={8} key={q.regionId}>
                    <Typography.Text>{q.regionName}</Typography.Text>
                    <Progress
                      percent={q.quota > 0 ? Math.round((q.counted / q.quota) * 100) : 100}
                      format={() => `${q.counted}/${q.quota}`}
                      size="small"
                    />
                  </Col>
                ))}
              </Row>
            </Card>
          ) : null}
          <Card
            size="small"
            title={t('surveys.results.crossTitle')}
            extra={
              <Segmented
                size="small"
                value={cross}
                onChange={setCross}
                options={[
                  { value: 'district', label: t('surveys.results.byDistrict') },
                  { value: 'street', label: t('surveys.results.byStreet') },
                  { value: 'group', label: t('surveys.results.byGroup') },
                ]}
              />
            }
          >
            <CrossTable
              rows={cross === 'district' ? results.byDistrict : cross === 'street' ? results.byStreet : results.byGroup}
            />
          </Card>
          <QuestionCrosstab survey={survey} questions={results.questions} params={params} />
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('surveys.results.questionsTitle')}
          </Typography.Title>
          {results.questions.map((q, i) => (
            <QuestionCard key={q.code} surveyId={survey.id} index={i} q={q} />
          ))}
        </>
      )}
    </Space>
  );
}
