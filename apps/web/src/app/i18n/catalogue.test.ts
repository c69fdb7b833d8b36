import { describe, it, expect } from 'vitest';
import { ROLES } from '@cc/common/permissions';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATUSES, LIMIT_UNITS, OWNER_RULES } from '@cc/common/cases';
import { GROUP_KINDS, PAIRING_TARGETS, PERSON_KINDS, REGION_LEVELS, UNIT_TYPES } from '@cc/common/org';
import {
  CAMPAIGN_PHASES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TITLES,
  EVENT_KINDS,
  RECURRENCE_KINDS,
  TASK_ACTIONS,
  TASK_DISPLAY_STATUSES,
  TASK_SOURCES,
} from '@cc/common/campaigns';
import {
  INDEX_LEVELS,
  INDEX_METHODS,
  INSPECTION_STATUSES,
  MATERIAL_STATUSES,
  ROLLUP_DIMENSIONS,
  ROUND_STATUSES,
} from '@cc/common/inspections';
import { DISTANCE_UNITS, PHASES, RATE_UNITS, RATIO_BASES, RULE_KINDS } from '@cc/common/inspection-rules';
import { catalogues, translate } from './catalogues';

describe('UI catalogues', () => {
  const zh = catalogues['zh-CN'];
  const en = catalogues['en-US'];

  it('zh-CN and en-US have exactly the same keys', () => {
    const zhKeys = Object.keys(zh).sort();
    const enKeys = Object.keys(en).sort();
    expect(zhKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in zh))).toEqual([]);
    expect(enKeys).toEqual(zhKeys);
  });

  it('has no empty message', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(names(en[key]), key).toEqual(names(zh[key]));
    }
  });

  it('covers every shared vocabulary value', () => {
    const required = [
      ...ROLES.map((r) => `role.${r}`),
      ...REGION_LEVELS.map((l) => `regionLevel.${l}`),
      ...UNIT_TYPES.map((u) => `unitType.${u}`),
      ...PERSON_KINDS.map((k) => `personKind.${k}`),
      ...PAIRING_TARGETS.map((p) => `pairingTarget.${p}`),
      ...GROUP_KINDS.map((g) => `groupKind.${g}`),
      ...CASE_STATUSES.map((s) => `case.status.${s}`),
      ...CASE_ACTIONS.map((a) => `case.action.${a}`),
      ...CASE_SOURCES.map((s) => `case.source.${s}`),
      ...LIMIT_UNITS.map((u) => `case.limitUnit.${u}`),
      ...OWNER_RULES.map((r) => `case.ownerRule.${r}`),
      ...CAMPAIGN_TITLES.map((v) => `campaigns.title.${v}`),
      ...CAMPAIGN_PHASES.map((v) => `campaigns.phase.${v}`),
      ...CAMPAIGN_STATUSES.map((v) => `campaigns.status.${v}`),
      ...RECURRENCE_KINDS.map((v) => `campaigns.recurrenceKind.${v}`),
      ...TASK_DISPLAY_STATUSES.map((v) => `campaigns.taskStatus.${v}`),
      ...TASK_ACTIONS.map((v) => `campaigns.action.${v}`),
      ...TASK_SOURCES.map((v) => `campaigns.taskSource.${v}`),
      ...EVENT_KINDS.map((v) => `campaigns.eventKind.${v}`),
      ...INDEX_LEVELS.map((v) => `inspections.level.${v}`),
      ...INDEX_METHODS.map((v) => `inspections.method.${v}`),
      ...ROUND_STATUSES.map((v) => `inspections.roundStatus.${v}`),
      ...INSPECTION_STATUSES.map((v) => `inspections.status.${v}`),
      ...MATERIAL_STATUSES.map((v) => `inspections.materialStatus.${v}`),
      ...ROLLUP_DIMENSIONS.map((v) => `inspections.results.by.${v}`),
      ...RULE_KINDS.map((v) => `inspections.ruleKind.${v}`),
      ...PHASES.map((v) => `inspections.phase.${v}`),
      ...RATIO_BASES.map((v) => `inspections.ratioBase.${v}`),
      ...[...RATE_UNITS, ...DISTANCE_UNITS].map((v) => `inspections.unit.${v}`),
    ];
    for (const key of required) {
      expect(zh, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'list.total', { total: 3 })).toContain('3');
    expect(translate('en-US', 'list.total', { total: 3 })).toContain('3');
  });
});
