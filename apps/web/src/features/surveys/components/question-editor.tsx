// One question in the builder: type, title, hint, required; the choices (single, multiple, the
// matrix's columns), the matrix's rows, the rating scale and its end labels, the text limit; and
// the rate it feeds — which options count as positive (or from which value), the options' scores
// for satisfaction, the weight. When the version already has answers (`locked`) only the rate
// settings can change.
import { Button, Card, Checkbox, Flex, Input, InputNumber, Select, Space, Switch, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  QUESTION_TYPES,
  SURVEY_LIMITS,
  type QuestionType,
  type RateKind,
  type SurveyOption,
  type SurveyQuestion,
} from '@cc/common/surveys';
import { useT } from '../../../app/i18n/locale-provider';
import { changeType, defaultRate, newQuestion, nextCode, pruneRate, rateKindsFor } from '../api/question-draft';

export interface QuestionEditorProps {
  index: number;
  question: SurveyQuestion;
  codes: string[];
  locked: boolean;
  isFirst: boolean;
  isLast: boolean;
  onChange: (q: SurveyQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function OptionList({
  items,
  prefix,
  locked,
  addText,
  placeholder,
  onChange,
}: {
  items: SurveyOption[];
  prefix: string;
  locked: boolean;
  addText: string;
  placeholder: (n: number) => string;
  onChange: (items: SurveyOption[]) => void;
}) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {items.map((item, i) => (
        <Flex key={item.code} gap={6} align="center">
          <Typography.Text type="secondary" style={{ width: 28, fontSize: 12 }}>
            {item.code}
          </Typography.Text>
          <Input
            size="small"
            value={item.label}
            maxLength={SURVEY_LIMITS.optionLabel}
            placeholder={placeholder(i + 1)}
            disabled={locked}
            onChange={(e) => onChange(items.map((o, j) => (j === i ? { ...o, label: e.target.value } : o)))}
            data-testid="option-label"
          />
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            disabled={locked || items.length <= 1}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      {!locked ? (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          disabled={items.length >= SURVEY_LIMITS.options}
          onClick={() =>
            onChange([
              ...items,
              {
                code: nextCode(
                  prefix,
                  items.map((o) => o.code),
                ),
                label: placeholder(items.length + 1),
              },
            ])
          }
        >
          {addText}
        </Button>
      ) : null}
    </Space>
  );
}

function RateSettings({ question, onChange }: { question: SurveyQuestion; onChange: (q: SurveyQuestion) => void }) {
  const t = useT();
  const kinds = rateKindsFor(question.type);
  const rate = question.rate ?? null;
  if (kinds.length === 0) return null;
  const options = question.options ?? [];
  const setRate = (patch: Partial<NonNullable<SurveyQuestion['rate']>>) =>
    onChange({ ...question, rate: { ...rate!, ...patch } });
  return (
    <div style={{ background: '#fafafa', padding: 8, borderRadius: 6 }} data-testid="rate-settings">
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('surveys.rateEditor.kind')}</Typography.Text>
        <Select<RateKind | 'none'>
          size="small"
          style={{ width: 140 }}
          value={rate?.kind ?? 'none'}
          onChange={(kind) => onChange({ ...question, rate: kind === 'none' ? null : defaultRate(question, kind) })}
          options={[
            { value: 'none', label: t('surveys.rate.none') },
            ...kinds.map((k) => ({ value: k, label: t(`surveys.rate.${k}`) })),
          ]}
          data-testid="rate-kind"
        />
        {rate ? (
          <>
            <Typography.Text>{t('surveys.rateEditor.weight')}</Typography.Text>
            <InputNumber
              size="small"
              min={0.1}
              max={100}
              step={0.5}
              value={rate.weight ?? 1}
              onChange={(w) => setRate({ weight: w ?? 1 })}
              style={{ width: 70 }}
            />
          </>
        ) : null}
      </Flex>
      {rate && rate.kind !== 'satisfaction' && question.type !== 'rating' ? (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{t('surveys.rateEditor.positive')}</Typography.Text>
          <Checkbox.Group
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 }}
            value={rate.positive ?? []}
            onChange={(values) => setRate({ positive: values as string[] })}
            options={options.map((o) => ({ value: o.code, label: o.label || o.code }))}
          />
        </div>
      ) : null}
      {rate && rate.kind !== 'satisfaction' && question.type === 'rating' ? (
        <Flex gap={8} align="center" style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{t('surveys.rateEditor.positiveMin')}</Typography.Text>
          <InputNumber
            size="small"
            min={question.min ?? 1}
            max={question.max ?? 5}
            value={rate.positiveMin}
            onChange={(v) => setRate({ positiveMin: v ?? undefined })}
          />
        </Flex>
      ) : null}
      {rate?.kind === 'satisfaction' && question.type === 'rating' ? (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {t('surveys.rateEditor.ratingScores')}
        </Typography.Paragraph>
      ) : null}
      {rate?.kind === 'satisfaction' && question.type !== 'rating' ? (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">{t('surveys.rateEditor.scores')}</Typography.Text>
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            {options.map((o) => (
              <Space key={o.code} size={4}>
                <span>{o.label || o.code}</span>
                <InputNumber
                  size="small"
                  min={0}
                  max={100}
                  style={{ width: 64 }}
                  value={rate.scores?.[o.code]}
                  onChange={(v) => {
                    const scores = { ...(rate.scores ?? {}) };
                    if (v === null || v === undefined) delete scores[o.code];
                    else scores[o.code] = v;
                    setRate({ scores });
                  }}
                  data-testid="option-score"
                />
              </Space>
            ))}
          </Flex>
        </div>
      ) : null}
    </div>
  );
}

export function QuestionEditor({
  index,
  question: q,
  codes,
  locked,
  isFirst,
  isLast,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const t = useT();
  const labels = {
    option: (n: number) => t('surveys.question.option', { n }),
    row: (n: number) => t('surveys.question.row', { n }),
  };
  // Keep the rate consistent with the question's options after any structural edit.
  const update = (next: SurveyQuestion) => onChange({ ...next, rate: pruneRate(next) });
  const isChoice = q.type === 'single' || q.type === 'multiple' || q.type === 'matrix';

  return (
    <Card
      size="small"
      data-testid="question-card"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('surveys.question.number', { n: index + 1 })}</span>
          <Select<QuestionType>
            size="small"
            style={{ width: 110 }}
            value={q.type}
            disabled={locked}
            onChange={(type) =>
              update(
                changeType(
                  q,
                  type,
                  newQuestion(
                    type,
                    codes.filter((c) => c !== q.code),
                    labels,
                  ),
                ),
              )
            }
            options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.type.${type}`) }))}
            data-testid="question-type"
          />
          <Space size={4}>
            <Switch
              size="small"
              checked={q.required}
              disabled={locked}
              onChange={(required) => update({ ...q, required })}
            />
            <Typography.Text style={{ fontWeight: 400 }}>{t('surveys.question.required')}</Typography.Text>
          </Space>
        </Flex>
      }
      extra={
        <Space size={0}>
          <Tooltip title={t('surveys.question.moveUp')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={locked || isFirst}
              onClick={() => onMove(-1)}
            />
          </Tooltip>
          <Tooltip title={t('surveys.question.moveDown')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={locked || isLast}
              onClick={() => onMove(1)}
            />
          </Tooltip>
          <Tooltip title={t('surveys.question.remove')}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={locked} onClick={onRemove} />
          </Tooltip>
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={q.title}
          maxLength={SURVEY_LIMITS.questionTitle}
          placeholder={t('surveys.question.titlePlaceholder')}
          disabled={locked}
          onChange={(e) => update({ ...q, title: e.target.value })}
          data-testid="question-title"
        />
        <Input
          size="small"
          value={q.help ?? ''}
          maxLength={SURVEY_LIMITS.help}
          placeholder={t('surveys.question.help')}
          disabled={locked}
          onChange={(e) => update({ ...q, help: e.target.value || undefined })}
        />
        {q.type === 'matrix' ? (
          <div>
            <Typography.Text type="secondary">{t('surveys.question.rows')}</Typography.Text>
            <OptionList
              items={q.rows ?? []}
              prefix="r"
              locked={locked}
              addText={t('surveys.question.addRow')}
              placeholder={labels.row}
              onChange={(rows) => update({ ...q, rows })}
            />
          </div>
        ) : null}
        {isChoice ? (
          <div>
            <Typography.Text type="secondary">
              {q.type === 'matrix' ? t('surveys.question.columns') : t('surveys.question.options')}
            </Typography.Text>
            <OptionList
              items={q.options ?? []}
              prefix="o"
              locked={locked}
              addText={t('surveys.question.addOption')}
              placeholder={labels.option}
              onChange={(options) => update({ ...q, options })}
            />
          </div>
        ) : null}
        {q.type === 'multiple' ? (
          <Space>
            <Typography.Text type="secondary">{t('surveys.question.maxChoices')}</Typography.Text>
            <InputNumber
              size="small"
              min={1}
              max={q.options?.length ?? 1}
              value={q.maxChoices}
              placeholder={t('surveys.question.maxChoicesAny')}
              disabled={locked}
              onChange={(v) => update({ ...q, maxChoices: v ?? undefined })}
            />
          </Space>
        ) : null}
        {q.type === 'rating' ? (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('surveys.question.scale')}</Typography.Text>
            <InputNumber
              size="small"
              min={SURVEY_LIMITS.ratingMin}
              max={SURVEY_LIMITS.ratingMax - 1}
              value={q.min ?? 1}
              disabled={locked}
              onChange={(v) => update({ ...q, min: v ?? 1 })}
              style={{ width: 60 }}
            />
            <span>–</span>
            <InputNumber
              size="small"
              min={(q.min ?? 1) + 1}
              max={SURVEY_LIMITS.ratingMax}
              value={q.max ?? 5}
              disabled={locked}
              onChange={(v) => update({ ...q, max: v ?? 5 })}
              style={{ width: 60 }}
            />
            <Input
              size="small"
              style={{ width: 120 }}
              maxLength={50}
              placeholder={t('surveys.question.minLabel')}
              value={q.minLabel ?? ''}
              disabled={locked}
              onChange={(e) => update({ ...q, minLabel: e.target.value || undefined })}
            />
            <Input
              size="small"
              style={{ width: 120 }}
              maxLength={50}
              placeholder={t('surveys.question.maxLabel')}
              value={q.maxLabel ?? ''}
              disabled={locked}
              onChange={(e) => update({ ...q, maxLabel: e.target.value || undefined })}
            />
          </Flex>
        ) : null}
        {q.type === 'text' ? (
          <Space>
            <Typography.Text type="secondary">{t('surveys.question.maxLength')}</Typography.Text>
            <InputNumber
              size="small"
              min={1}
              max={SURVEY_LIMITS.textMax}
              value={q.maxLength ?? SURVEY_LIMITS.textDefault}
              disabled={locked}
              onChange={(v) => update({ ...q, maxLength: v ?? SURVEY_LIMITS.textDefault })}
            />
          </Space>
        ) : null}
        <RateSettings question={q} onChange={onChange} />
      </Space>
    </Card>
  );
}
