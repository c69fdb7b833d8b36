import { describe, expect, it } from 'vitest';
import { numberedBuildings, cleanBuildings, householdTotal } from './buildings';
import { percentText, rateBand, ratePercent, subtopicsOf, topicLabel, topicNames, topicTree } from './canvass-format';
import { OPINION_LIST_CODEC } from './list-params';

const topics = [
  { code: 'city', parentCode: null, name: '城市建设与管理', sort: 3, active: true },
  { code: 'city.traffic', parentCode: 'city', name: '交通与停车', sort: 2, active: true },
  { code: 'city.roads', parentCode: 'city', name: '道路与设施', sort: 1, active: false },
  { code: 'campaign', parentCode: null, name: '对创建工作的意见建议', sort: 1, active: true },
];

describe('canvass formats', () => {
  it('bands and shows rates', () => {
    expect(ratePercent(null)).toBeNull();
    expect(ratePercent(1.4)).toBe(100);
    expect(ratePercent(0.456)).toBe(46);
    expect([null, 0.1, 0.3, 0.6, 0.95].map(rateBand)).toEqual(['none', 'low', 'mid', 'high', 'done']);
    expect(percentText(0.8734)).toBe('87.3%');
    expect(percentText(null)).toBe('—');
  });

  it('names topics and builds the tree', () => {
    const names = topicNames(topics);
    expect(topicLabel(names, 'city', 'city.traffic')).toBe('城市建设与管理 / 交通与停车');
    expect(topicLabel(names, 'unknown')).toBe('unknown');
    expect(topicLabel(names, null)).toBeNull();
    const tree = topicTree(topics);
    expect(tree.map((t) => t.code)).toEqual(['campaign', 'city']);
    expect(tree[1].children.map((c) => c.code)).toEqual(['city.roads', 'city.traffic']);
    expect(subtopicsOf(topics, 'city').map((t) => t.code)).toEqual(['city.traffic']);
  });

  it('numbers buildings after those in use and cleans the list', () => {
    const made = numberedBuildings([{ name: '1号楼', targetHouseholds: 10 }], 2, 24, '{n}号楼');
    expect(made).toEqual([
      { name: '2号楼', targetHouseholds: 24 },
      { name: '3号楼', targetHouseholds: 24 },
    ]);
    expect(householdTotal(made)).toBe(48);
    expect(
      cleanBuildings([
        { name: ' A ', targetHouseholds: 3.7 },
        { name: 'A', targetHouseholds: 1 },
        { name: '', targetHouseholds: 2 },
      ]),
    ).toEqual([{ name: 'A', targetHouseholds: 3 }]);
  });

  it('keeps the workbench filters in the URL and drops malformed ones', () => {
    const s = OPINION_LIST_CODEC.parse(
      new URLSearchParams('driveId=3&status=routed&topicCode=city.traffic&overdue=true&scope=x&groupId=-1'),
    );
    expect(OPINION_LIST_CODEC.filters(s)).toMatchObject({
      driveId: 3,
      status: 'routed',
      topicCode: 'city.traffic',
      overdue: true,
      scope: undefined,
      groupId: undefined,
    });
  });
});
