// The default category tree a city starts from: the problem areas of the evaluation practice and
// the seeds (公共环境, 公共秩序, 公共设施, 公益宣传, 市容环境, 街面秩序, 施工管理, 农贸市场, 居民小区),
// with an owner rule (facilities go to their owner first, events to the area first) and time
// limits typical of digital urban management. An editable sample, not an official standard.

import type { LimitUnitName, OwnerRule } from '@cc/common/cases';

export interface DefaultCategory {
  code: string;
  parentCode: string | null;
  name: string;
  ownerRule: OwnerRule;
  limitUnit: LimitUnitName;
  limitAmount: number;
  verifyUnit: LimitUnitName | null;
  verifyAmount: number | null;
  sort: number;
}

type Child = [code: string, name: string, unit: LimitUnitName, amount: number];

const TREE: { code: string; name: string; ownerRule: OwnerRule; children: Child[] }[] = [
  {
    code: 'ENV',
    name: '公共环境',
    ownerRule: 'area',
    children: [
      ['ENV.GARBAGE', '垃圾堆积、卫生死角', 'working_days', 1],
      ['ENV.BIN', '垃圾桶破损、满溢', 'working_hours', 8],
      ['ENV.ADS', '乱贴乱画、小广告', 'working_days', 2],
      ['ENV.WATER', '污水外溢、积水', 'urgent_hours', 12],
      ['ENV.TOILET', '公厕卫生不达标', 'working_hours', 8],
      ['ENV.SORTING', '垃圾分类不规范', 'working_days', 3],
    ],
  },
  {
    code: 'ORDER',
    name: '公共秩序',
    ownerRule: 'area',
    children: [
      ['ORDER.QUEUE', '不文明排队、插队', 'working_days', 3],
      ['ORDER.NOISE', '噪声扰民', 'working_days', 2],
      ['ORDER.BEGGING', '流浪乞讨、强讨强卖', 'urgent_hours', 4],
      ['ORDER.UNCIVIL', '随地吐痰、乱扔杂物等不文明行为', 'working_days', 3],
    ],
  },
  {
    code: 'FAC',
    name: '公共设施',
    ownerRule: 'owner',
    children: [
      ['FAC.MANHOLE', '井盖缺失、破损', 'urgent_hours', 4],
      ['FAC.ROAD', '道路、人行道破损', 'working_days', 5],
      ['FAC.LIGHT', '路灯不亮、损坏', 'working_days', 3],
      ['FAC.FITNESS', '健身器材损坏', 'working_days', 5],
      ['FAC.BARRIER_FREE', '无障碍设施缺损、被占', 'working_days', 10],
      ['FAC.SIGN', '交通标志、护栏损坏', 'working_days', 3],
    ],
  },
  {
    code: 'PSA',
    name: '公益宣传',
    ownerRule: 'owner',
    children: [
      ['PSA.MISSING', '公益广告数量不足、缺失', 'working_days', 5],
      ['PSA.DAMAGED', '公益广告破损、褪色', 'working_days', 3],
      ['PSA.OUTDATED', '宣传栏内容陈旧过期', 'working_days', 5],
      ['PSA.VALUES', '社会主义核心价值观宣传不到位', 'working_days', 5],
    ],
  },
  {
    code: 'CITY',
    name: '市容环境',
    ownerRule: 'area',
    children: [
      ['CITY.SIGNBOARD', '店招店牌破损、不规范', 'working_days', 5],
      ['CITY.OUTDOOR_AD', '违规户外广告', 'working_days', 5],
      ['CITY.FACADE', '建筑立面破损、脏污', 'natural_days', 15],
      ['CITY.GREEN', '绿化带损毁、黄土裸露', 'working_days', 5],
      ['CITY.DRYING', '沿街晾晒、乱拉乱挂', 'working_days', 1],
    ],
  },
  {
    code: 'STREET',
    name: '街面秩序',
    ownerRule: 'area',
    children: [
      ['STREET.OCCUPY', '占道经营、出店经营', 'working_hours', 4],
      ['STREET.VENDOR', '流动摊贩', 'working_hours', 4],
      ['STREET.BIKE', '非机动车乱停乱放', 'working_hours', 4],
      ['STREET.CAR', '机动车违停', 'working_hours', 2],
      ['STREET.BUILD', '私搭乱建', 'working_days', 10],
    ],
  },
  {
    code: 'SITE',
    name: '施工管理',
    ownerRule: 'owner',
    children: [
      ['SITE.HOARDING', '工地围挡缺损、不规范', 'working_days', 2],
      ['SITE.DUST', '工地扬尘、未覆盖', 'working_hours', 8],
      ['SITE.SPILL', '渣土车撒漏', 'urgent_hours', 4],
      ['SITE.PSA', '围挡公益广告不达标', 'working_days', 5],
    ],
  },
  {
    code: 'MARKET',
    name: '农贸市场',
    ownerRule: 'owner',
    children: [
      ['MARKET.HYGIENE', '市场内外环境卫生差', 'working_days', 1],
      ['MARKET.ZONING', '未划行归市、占道摆卖', 'working_days', 3],
      ['MARKET.FACILITY', '市场设施破损', 'working_days', 5],
    ],
  },
  {
    code: 'ESTATE',
    name: '居民小区',
    ownerRule: 'area',
    children: [
      ['ESTATE.CORRIDOR', '楼道堆物、占用消防通道', 'working_days', 3],
      ['ESTATE.PARKING', '小区车辆乱停', 'working_days', 3],
      ['ESTATE.GREEN', '毁绿种菜', 'working_days', 5],
      ['ESTATE.PROPERTY', '物业管理缺位', 'working_days', 10],
    ],
  },
];

export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = TREE.flatMap((parent, pi) => [
  {
    code: parent.code,
    parentCode: null,
    name: parent.name,
    ownerRule: parent.ownerRule,
    limitUnit: 'working_days' as const,
    limitAmount: 5,
    verifyUnit: 'working_days' as const,
    verifyAmount: 2,
    sort: pi,
  },
  ...parent.children.map(([code, name, unit, amount], ci) => ({
    code,
    parentCode: parent.code,
    name,
    ownerRule: parent.ownerRule,
    limitUnit: unit,
    limitAmount: amount,
    verifyUnit: 'working_days' as const,
    verifyAmount: unit === 'urgent_hours' ? 1 : 2,
    sort: ci,
  })),
]);

/** Defaults of the duplicate and escalation settings (the migration's column defaults). */
export const DEFAULT_SETTINGS = {
  duplicateRadiusM: 100,
  duplicateDays: 7,
  duplicateMinSimilarity: 0.35,
  remindBeforeRatio: 0.2,
  escalateEveryMinutes: 1440,
};

/** '示范市' → '示范创城办' (document number prefix), and the issuing office's full name. */
export function defaultNoticeNames(cityName: string): { issuer: string; prefix: string } {
  const short = cityName.replace(/(市|县|区)$/, '');
  return { issuer: `${cityName}创建全国文明城市工作指挥部办公室`, prefix: `${short}创城办` };
}
