// The sample index and checklists hold together: every rule applies, every item points at a field
// standard of the index that lists its site type, the tree follows the levels with unique codes,
// every carrier of the Zhoushan notice has a checklist, and failed items file under case
// categories a city really gets (read from a city seeded with the case defaults).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_TYPES, INDEX_CHILD_LEVEL, INDEX_METHODS } from '@cc/common/inspections';
import { describeRule, evaluateRule, validateRule, type RuleSpec } from '@cc/common/inspection-rules';
import { createCity, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { seedDefaultCategories } from '../cases/index.js';
import { DEFAULT_CHECKLISTS, DEFAULT_INDEX, type DefaultIndexNode } from './inspections.defaults.js';

const nodes: { node: DefaultIndexNode; parent: DefaultIndexNode | null }[] = [];
(function walk(list: readonly DefaultIndexNode[], parent: DefaultIndexNode | null) {
  for (const node of list) {
    nodes.push({ node, parent });
    walk(node.children ?? [], node);
  }
})(DEFAULT_INDEX, null);
const byCode = new Map(nodes.map(({ node }) => [node.code, node]));
const siteTypes = new Set(DEFAULT_SITE_TYPES.map((t) => t.code));

/** The carriers of the Zhoushan publicity notice, as site types. */
const ZHOUSHAN_CARRIERS = [
  'bus_stop',
  'bus',
  'taxi',
  'square',
  'park',
  'main_road',
  'bike_shelter',
  'public_bike',
  'construction_site',
  'internet_cafe',
  'culture_venue',
  'service_window',
  'government_hall',
  'hospital',
  'scenic_spot',
  'school',
  'newsstand',
  'station',
];

describe('default index', () => {
  it('is a tree of unique codes that follows the levels, with scoring on standards only', () => {
    expect(new Set(nodes.map((n) => n.node.code)).size).toBe(nodes.length);
    for (const { node, parent } of nodes) {
      if (parent === null) expect(node.level, node.code).toBe('project');
      else {
        expect(node.level, node.code).toBe(INDEX_CHILD_LEVEL[parent.level]);
        expect(node.code.startsWith(`${parent.code}.`), node.code).toBe(true);
      }
      expect(node.code, node.code).toMatch(/^I\d{2}(\.\d{2}){0,3}$/);
      expect(node.code.split('.').length, node.code).toBe(
        ['project', 'indicator', 'content', 'standard'].indexOf(node.level) + 1,
      );
      if (node.level === 'standard') {
        expect(node.children ?? [], node.code).toHaveLength(0);
        expect(node.methods?.length, node.code).toBeGreaterThan(0);
        for (const m of node.methods!) expect(INDEX_METHODS, node.code).toContain(m);
        expect(node.points, node.code).toBeGreaterThanOrEqual(0.5);
        expect(node.points, node.code).toBeLessThanOrEqual(3);
        for (const t of node.siteTypes ?? []) expect(siteTypes.has(t), `${node.code}: ${t}`).toBe(true);
        // Field standards name the sites they are checked at; documents and surveys have none.
        expect((node.siteTypes ?? []).length > 0, node.code).toBe(node.methods!.includes('field'));
      } else {
        expect(node.children?.length, node.code).toBeGreaterThan(0);
        expect(node.methods ?? [], node.code).toHaveLength(0);
        expect(node.points, node.code).toBeUndefined();
      }
    }
  });

  it('covers the areas of the seeds with all three methods', () => {
    const projects = DEFAULT_INDEX.map((p) => p.name);
    for (const name of [
      '公益广告宣传',
      '公共环境',
      '公共秩序',
      '志愿服务',
      '未成年人思想道德建设',
      '诚信建设与窗口服务',
    ]) {
      expect(projects).toContain(name);
    }
    const standards = nodes.map((n) => n.node).filter((n) => n.level === 'standard');
    for (const method of INDEX_METHODS) {
      expect(standards.filter((s) => s.methods?.includes(method)).length, method).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('default checklists', () => {
  let env: TestEnv;
  let categoryCodes: Set<string>;
  beforeAll(async () => {
    env = await createTestEnv();
    const city = await createCity(env.db);
    await seedDefaultCategories(env.db, city.cityId, new Date());
    const rows = await env.db.selectFrom('case_categories').select('code').where('city_id', '=', city.cityId).execute();
    categoryCodes = new Set(rows.map((r) => r.code));
  });
  afterAll(() => env.close());

  it('has rules that validate, on field standards listing the item’s site type', () => {
    for (const item of DEFAULT_CHECKLISTS) {
      const label = `${item.typeCode}: ${item.title}`;
      expect(() => validateRule(item.rule), label).not.toThrow();
      expect(describeRule(item.rule, 'zh-CN'), label).not.toBe('');
      expect(siteTypes.has(item.typeCode), label).toBe(true);
      const standard = byCode.get(item.standardCode);
      expect(standard, label).toBeDefined();
      expect(standard!.level, label).toBe('standard');
      expect(standard!.methods, label).toContain('field');
      expect(standard!.siteTypes, label).toContain(item.typeCode);
      expect(item.points, label).toBeGreaterThan(0);
      expect(item.points, label).toBeLessThanOrEqual(3);
      expect(item.title.length, label).toBeGreaterThanOrEqual(2);
      expect(item.title.length, label).toBeLessThanOrEqual(200);
    }
  });

  it('files failed items under case categories a city has', () => {
    expect(categoryCodes.size).toBeGreaterThan(30);
    for (const item of DEFAULT_CHECKLISTS) {
      expect(item.caseCategoryCode, item.title).toBeDefined();
      expect(categoryCodes.has(item.caseCategoryCode!), `${item.typeCode}: ${item.caseCategoryCode}`).toBe(true);
      // A leaf, not a top-level group.
      expect(item.caseCategoryCode, item.title).toContain('.');
    }
  });

  it('gives every Zhoushan carrier a checklist of 3–10 unique items', () => {
    const perType = new Map<string, string[]>();
    for (const item of DEFAULT_CHECKLISTS)
      perType.set(item.typeCode, [...(perType.get(item.typeCode) ?? []), item.title]);
    for (const type of ZHOUSHAN_CARRIERS) expect(perType.has(type), type).toBe(true);
    for (const extra of ['farmers_market', 'residential_estate', 'back_street', 'community']) {
      expect(perType.has(extra), extra).toBe(true);
    }
    for (const [type, titles] of perType) {
      expect(titles.length, type).toBeGreaterThanOrEqual(3);
      expect(titles.length, type).toBeLessThanOrEqual(10);
      expect(new Set(titles).size, type).toBe(titles.length);
      expect(
        DEFAULT_CHECKLISTS.some((i) => i.typeCode === type && i.photoRequired),
        type,
      ).toBe(true);
    }
  });

  it('states the Zhoushan figures with the right rule kinds and pre-inspection thresholds', () => {
    const rule = (type: string, kind: RuleSpec['kind']) => {
      const found = DEFAULT_CHECKLISTS.filter((i) => i.typeCode === type && i.rule.kind === kind);
      expect(found.length, `${type} ${kind}`).toBeGreaterThan(0);
      return found[0].rule;
    };
    expect(rule('bus_stop', 'rate')).toEqual({
      kind: 'rate',
      unit: 'minutes',
      thresholds: { normal: { min: 2, per: 10 } },
    });
    expect(rule('bus', 'rate')).toEqual({ kind: 'rate', unit: 'stops', thresholds: { normal: { min: 2, per: 5 } } });
    expect(rule('main_road', 'density')).toMatchObject({ thresholds: { normal: { min: 5, within: 500 } } });
    expect(rule('scenic_spot', 'density')).toMatchObject({ thresholds: { normal: { min: 1, within: 100 } } });
    expect(rule('square', 'count')).toMatchObject({ thresholds: { normal: { min: 10 } } });
    expect(rule('park', 'count')).toMatchObject({ thresholds: { normal: { min: 10 } } });
    expect(rule('construction_site', 'ratio')).toEqual({
      kind: 'ratio',
      of: 'area',
      thresholds: { normal: { minPercent: 30 }, pre_inspection: { minPercent: 50 } },
    });
    const ratios: [string, number, number | undefined][] = [
      ['bike_shelter', 20, 100],
      ['public_bike', 50, 100],
      ['culture_venue', 20, 50],
      ['newsstand', 20, 100],
      ['hospital', 30, undefined],
      ['bus', 30, undefined],
    ];
    for (const [type, normal, pre] of ratios) {
      expect(rule(type, 'ratio'), type).toMatchObject({ thresholds: { normal: { minPercent: normal } } });
      const r = rule(type, 'ratio') as Extract<RuleSpec, { kind: 'ratio' }>;
      expect(r.thresholds.pre_inspection?.minPercent, type).toBe(pre);
    }
    // The pre-inspection threshold is never below the normal one, and it bites: a value that passes
    // in the normal phase can fail before the inspection.
    for (const item of DEFAULT_CHECKLISTS) {
      if (item.rule.kind !== 'ratio' || !item.rule.thresholds.pre_inspection) continue;
      const { normal, pre_inspection } = item.rule.thresholds;
      expect(pre_inspection.minPercent, item.title).toBeGreaterThan(normal.minPercent);
      const value = { percent: normal.minPercent };
      expect(evaluateRule(item.rule, value, 'normal').outcome, item.title).toBe('pass');
      expect(evaluateRule(item.rule, value, 'pre_inspection').outcome, item.title).toBe('fail');
    }
    expect(
      DEFAULT_CHECKLISTS.some(
        (i) => i.typeCode === 'internet_cafe' && i.title.includes('未成年人禁入') && i.rule.kind === 'presence',
      ),
    ).toBe(true);
  });
});
