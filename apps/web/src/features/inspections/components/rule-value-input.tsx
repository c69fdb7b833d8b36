// Entering what was seen for one rule, in the form that fits its kind: 有 / 没有 for presence; a
// stepper for a count; a percent or part / whole for a ratio; the count and the minutes or stops
// observed for a rate; the count and the metres or steps walked for a density; and "不适用" for an
// item that does not apply here. `large` gives phone-sized touch targets. RuleVerdict shows the
// rule engine's answer for what was typed, as the sentence the server will record.
import type { ReactNode } from 'react';
import { Alert, Button, Flex, InputNumber, Radio, Segmented, Space, Switch, Typography } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  MinusCircleFilled,
  MinusOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { describeResult, type Phase, type RuleSpec } from '@cc/common/inspection-rules';
import { useLocale, useT } from '../../../app/i18n/locale-provider';
import { checkInput, type RatioMode, type RuleInput } from '../api/rule-input';

export interface RuleValueInputProps {
  rule: RuleSpec;
  value: RuleInput;
  onChange: (next: RuleInput) => void;
  large?: boolean;
  /** Hides the "不适用" switch (the office's try box shows it too, as a value to try). */
  allowNa?: boolean;
  testId?: string;
}

function Stepper({
  value,
  onChange,
  large,
  suffix,
  testId,
  step = 1,
}: {
  value: number | null;
  onChange: (v: number | null) => void;
  large?: boolean;
  suffix?: string;
  testId: string;
  step?: number;
}) {
  const t = useT();
  const height = large ? 48 : 32;
  const current = value ?? 0;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Button
        icon={<MinusOutlined />}
        style={{ height, width: height + 8, flex: 'none' }}
        disabled={current <= 0}
        onClick={() => onChange(Math.max(0, current - step))}
        aria-label={t('inspections.input.decrease')}
        data-testid={`${testId}-minus`}
      />
      <InputNumber<number>
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        controls={false}
        inputMode="decimal"
        suffix={suffix}
        size={large ? 'large' : 'middle'}
        style={{ flex: 1, minWidth: 0, textAlign: 'center', fontSize: large ? 18 : undefined }}
        data-testid={testId}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ height, width: height + 8, flex: 'none' }}
        onClick={() => onChange(current + step)}
        aria-label={t('inspections.input.increase')}
        data-testid={`${testId}-plus`}
      />
    </Space.Compact>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

export function RuleValueInput({
  rule,
  value,
  onChange,
  large,
  allowNa = true,
  testId = 'rule-input',
}: RuleValueInputProps) {
  const t = useT();
  const set = (patch: Partial<RuleInput>) => onChange({ ...value, ...patch });
  const size = large ? 'large' : 'middle';
  const number = (v: number | null, onSet: (n: number | null) => void, suffix: string, id: string) => (
    <InputNumber<number>
      value={v}
      onChange={(n) => onSet(typeof n === 'number' ? n : null)}
      inputMode="decimal"
      size={size}
      suffix={suffix}
      style={{ width: '100%' }}
      data-testid={`${testId}-${id}`}
    />
  );

  let body: ReactNode = null;
  switch (rule.kind) {
    case 'presence':
      body = (
        <Radio.Group
          value={value.present === null ? undefined : value.present ? 'yes' : 'no'}
          onChange={(e) => set({ present: e.target.value === 'yes' })}
          optionType="button"
          buttonStyle="solid"
          size={size}
          style={{ display: 'flex', width: '100%' }}
          data-testid={`${testId}-presence`}
        >
          {/* test ids on the labels' text: the radio inputs themselves are hidden */}
          <Radio.Button value="yes" style={{ flex: 1, textAlign: 'center' }}>
            <span data-testid={`${testId}-present`}>{t('inspections.input.present')}</span>
          </Radio.Button>
          <Radio.Button value="no" style={{ flex: 1, textAlign: 'center' }}>
            <span data-testid={`${testId}-absent`}>{t('inspections.input.absent')}</span>
          </Radio.Button>
        </Radio.Group>
      );
      break;
    case 'count':
      body = (
        <Labelled label={t('inspections.input.count')}>
          <Stepper value={value.count} onChange={(count) => set({ count })} large={large} testId={`${testId}-count`} />
        </Labelled>
      );
      break;
    case 'ratio':
      body = (
        <Flex vertical gap={8}>
          <Segmented<RatioMode>
            block
            size={size}
            value={value.ratioMode}
            onChange={(ratioMode) => set({ ratioMode })}
            options={[
              { value: 'percent', label: t('inspections.input.ratioPercent') },
              { value: 'parts', label: t('inspections.input.ratioParts') },
            ]}
            data-testid={`${testId}-ratio-mode`}
          />
          {value.ratioMode === 'percent' ? (
            <Labelled label={t(`inspections.input.share.${rule.of}`)}>
              {number(value.percent, (percent) => set({ percent }), '%', 'percent')}
            </Labelled>
          ) : (
            <Flex gap={8}>
              <Labelled label={t(`inspections.input.part.${rule.of}`)}>
                {number(value.part, (part) => set({ part }), '', 'part')}
              </Labelled>
              <Labelled label={t(`inspections.input.whole.${rule.of}`)}>
                {number(value.whole, (whole) => set({ whole }), '', 'whole')}
              </Labelled>
            </Flex>
          )}
        </Flex>
      );
      break;
    case 'rate':
    case 'density': {
      // A count and how much was observed: minutes or stops watched, metres or steps walked.
      const field = rule.kind === 'rate' ? 'observed' : 'distance';
      body = (
        <Flex gap={8} wrap>
          <Labelled label={t(rule.kind === 'rate' ? 'inspections.input.rateCount' : 'inspections.input.count')}>
            <Stepper
              value={value.count}
              onChange={(count) => set({ count })}
              large={large}
              testId={`${testId}-count`}
            />
          </Labelled>
          <Labelled
            label={t(
              rule.kind === 'rate'
                ? `inspections.input.observed.${rule.unit}`
                : `inspections.input.walked.${rule.unit}`,
            )}
          >
            {number(value[field], (n) => set({ [field]: n }), t(`inspections.unit.${rule.unit}`), field)}
          </Labelled>
        </Flex>
      );
      break;
    }
  }

  return (
    <Flex vertical gap={8} data-testid={testId}>
      {value.na ? <Typography.Text type="secondary">{t('inspections.input.naHint')}</Typography.Text> : body}
      {allowNa ? (
        <Flex align="center" gap={8}>
          <Switch
            checked={value.na}
            onChange={(na) => set({ na })}
            size={large ? 'default' : 'small'}
            data-testid={`${testId}-na`}
          />
          <Typography.Text style={{ fontSize: large ? 15 : 13 }}>{t('inspections.input.na')}</Typography.Text>
        </Flex>
      ) : null}
    </Flex>
  );
}

const VERDICT_ICONS = {
  pass: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  fail: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  na: <MinusCircleFilled style={{ color: '#8c8c8c' }} />,
};

/** The engine's verdict on what was typed: nothing yet, why the value cannot be, or the sentence. */
export function RuleVerdict({
  rule,
  input,
  phase,
  testId = 'rule-verdict',
}: {
  rule: RuleSpec;
  input: RuleInput;
  phase: Phase;
  testId?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const check = checkInput(rule, input, phase);
  if (check.state === 'empty') {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={testId} data-outcome="">
        {t('inspections.input.waiting')}
      </Typography.Text>
    );
  }
  if (check.state === 'invalid') {
    return (
      <Alert
        type="error"
        showIcon
        title={t(`inspections.input.error.${check.reason}`)}
        data-testid={testId}
        data-outcome="invalid"
        style={{ padding: '4px 10px' }}
      />
    );
  }
  const outcome = check.result.outcome;
  return (
    <Flex
      align="flex-start"
      gap={6}
      data-testid={testId}
      data-outcome={outcome}
      style={{
        padding: '6px 10px',
        borderRadius: 6,
        background: outcome === 'pass' ? '#f6ffed' : outcome === 'fail' ? '#fff1f0' : '#fafafa',
        border: `1px solid ${outcome === 'pass' ? '#b7eb8f' : outcome === 'fail' ? '#ffa39e' : '#f0f0f0'}`,
      }}
    >
      <span style={{ lineHeight: '22px' }}>{VERDICT_ICONS[outcome]}</span>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        {describeResult(rule, check.result, locale)}
      </Typography.Text>
    </Flex>
  );
}
