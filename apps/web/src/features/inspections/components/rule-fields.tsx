// The rule part of a checklist item's form (field `rule`, see rule-form.ts): the kind, its basis,
// the normal threshold and — switched on separately — the 迎检 threshold, with the requirement
// read back in words as it is typed. TryRuleBox lets the office enter a value and a phase and
// see the verdict sentence the phone and the server will give, run locally by the rule engine.
import { useState } from 'react';
import { Card, Col, Flex, Form, InputNumber, Radio, Row, Segmented, Select, Switch, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import {
  DISTANCE_UNITS,
  PHASES,
  RATE_UNITS,
  RATIO_BASES,
  RULE_KINDS,
  describeRule,
  type Phase,
  type RuleKind,
  type RuleSpec,
} from '@cc/common/inspection-rules';
import { useLocale, useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { thresholdFields, type ThresholdValues } from '../api/rule-form';
import { emptyInput, type RuleInput } from '../api/rule-input';
import { RuleValueInput, RuleVerdict } from './rule-value-input';

const FIELD_LABELS: Record<keyof ThresholdValues, MessageKey> = {
  min: 'inspections.rule.min',
  minPercent: 'inspections.rule.minPercent',
  per: 'inspections.rule.per',
  within: 'inspections.rule.within',
};

function ThresholdRow({ kind, phase, unitText }: { kind: RuleKind; phase: 'normal' | 'pre'; unitText: string }) {
  const t = useT();
  const required = phase === 'normal';
  return (
    <Row gutter={12}>
      {thresholdFields(kind).map((field) => {
        const whole = field === 'min' && kind !== 'rate';
        return (
          <Col key={field} xs={24} sm={12}>
            <Form.Item
              name={['rule', phase, field]}
              label={t(FIELD_LABELS[field])}
              rules={[
                { required, message: t('validation.required') },
                {
                  validator: async (_r, v: unknown) => {
                    if (v === null || v === undefined) return;
                    if (typeof v !== 'number' || v <= 0) throw new Error(t('inspections.rule.positive'));
                    if (whole && !Number.isInteger(v)) throw new Error(t('inspections.rule.whole'));
                    if (field === 'minPercent' && v > 100) throw new Error(t('inspections.rule.max100'));
                  },
                },
              ]}
            >
              <InputNumber
                min={0}
                precision={whole ? 0 : undefined}
                suffix={field === 'minPercent' ? '%' : field === 'per' || field === 'within' ? unitText : undefined}
                style={{ width: '100%' }}
                data-testid={`rule-${phase}-${field}`}
              />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}

export function RuleFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const kind = (Form.useWatch(['rule', 'kind'], form) as RuleKind | undefined) ?? 'presence';
  const hasPre = Form.useWatch(['rule', 'hasPre'], form) as boolean | undefined;
  const rateUnit = Form.useWatch(['rule', 'rateUnit'], form) as (typeof RATE_UNITS)[number] | undefined;
  const distanceUnit = Form.useWatch(['rule', 'distanceUnit'], form) as (typeof DISTANCE_UNITS)[number] | undefined;
  const unitText =
    kind === 'rate'
      ? t(`inspections.unit.${rateUnit ?? 'minutes'}`)
      : kind === 'density'
        ? t(`inspections.unit.${distanceUnit ?? 'metres'}`)
        : '';

  return (
    <>
      <Form.Item name={['rule', 'kind']} label={t('inspections.rule.kind')} rules={[{ required: true }]}>
        <Segmented<RuleKind>
          block
          options={RULE_KINDS.map((k) => ({ value: k, label: t(`inspections.ruleKind.${k}`) }))}
          data-testid="rule-kind"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>
        {t(`inspections.ruleKind.${kind}.hint`)}
      </Typography.Paragraph>
      {kind === 'presence' ? (
        <Form.Item name={['rule', 'expect']} label={t('inspections.rule.expect')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'present', label: t('inspections.rule.expect.present') },
              { value: 'absent', label: t('inspections.rule.expect.absent') },
            ]}
          />
        </Form.Item>
      ) : null}
      {kind === 'ratio' ? (
        <Form.Item name={['rule', 'of']} label={t('inspections.rule.of')}>
          <Radio.Group
            optionType="button"
            options={RATIO_BASES.map((b) => ({ value: b, label: t(`inspections.ratioBase.${b}`) }))}
          />
        </Form.Item>
      ) : null}
      {kind === 'rate' ? (
        <Form.Item name={['rule', 'rateUnit']} label={t('inspections.rule.rateUnit')}>
          <Radio.Group
            optionType="button"
            options={RATE_UNITS.map((u) => ({ value: u, label: t(`inspections.unit.${u}`) }))}
          />
        </Form.Item>
      ) : null}
      {kind === 'density' ? (
        <Form.Item name={['rule', 'distanceUnit']} label={t('inspections.rule.distanceUnit')}>
          <Radio.Group
            optionType="button"
            options={DISTANCE_UNITS.map((u) => ({ value: u, label: t(`inspections.unit.${u}`) }))}
          />
        </Form.Item>
      ) : null}
      {kind !== 'presence' ? (
        <>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('inspections.rule.normal')}
          </Typography.Text>
          <ThresholdRow kind={kind} phase="normal" unitText={unitText} />
          <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
            <Form.Item name={['rule', 'hasPre']} valuePropName="checked" noStyle>
              <Switch size="small" data-testid="rule-has-pre" />
            </Form.Item>
            <Typography.Text strong>{t('inspections.rule.pre')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspections.rule.preHint')}
            </Typography.Text>
          </Flex>
          {hasPre ? <ThresholdRow kind={kind} phase="pre" unitText={unitText} /> : null}
        </>
      ) : null}
    </>
  );
}

/** The requirement in words, or why the rule is not complete yet. */
export function RulePreview({ rule, problem }: { rule: RuleSpec | null; problem: string | null }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="rule-preview">
      <Typography.Text type="secondary">{t('inspections.rule.reads')}</Typography.Text>
      {rule ? (
        <Typography.Text strong>{describeRule(rule, locale)}</Typography.Text>
      ) : (
        <Typography.Text type="warning">{problem ?? t('inspections.rule.incomplete')}</Typography.Text>
      )}
    </Typography.Paragraph>
  );
}

/** "试一试": a value and a phase against the rule being edited, scored in the browser. */
export function TryRuleBox({ rule }: { rule: RuleSpec | null }) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>('normal');
  const [input, setInput] = useState<RuleInput>(emptyInput);
  // A new kind asks for other numbers: start over when it changes (state adjusted during render).
  const [kind, setKind] = useState(rule?.kind);
  if (rule && rule.kind !== kind) {
    setKind(rule.kind);
    setInput(emptyInput());
  }
  return (
    <Card
      size="small"
      title={
        <span>
          <ExperimentOutlined /> {t('inspections.try.title')}
        </span>
      }
      extra={
        <Select<Phase>
          size="small"
          value={phase}
          onChange={setPhase}
          style={{ width: 130 }}
          options={PHASES.map((p) => ({ value: p, label: t(`inspections.phase.${p}`) }))}
          data-testid="try-phase"
        />
      }
      data-testid="try-rule"
    >
      {rule ? (
        <Flex vertical gap={10}>
          <RuleValueInput rule={rule} value={input} onChange={setInput} testId="try-input" />
          <RuleVerdict rule={rule} input={input} phase={phase} testId="try-verdict" />
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('inspections.try.needRule')}</Typography.Text>
      )}
    </Card>
  );
}
