// Door-to-door canvassing (访千楼万家) shared by server and web: the vocabulary of drives, visits and
// opinions, the default opinion topics (the four areas of the Zaoqiang seed's 征询内容), the limits
// of free text, and the phone rules (validated, stored, shown masked unless the viewer may see it).

export const DRIVE_STATUSES = ['draft', 'open', 'closed'] as const;
export type DriveStatus = (typeof DRIVE_STATUSES)[number];

/** Materials the seed has canvassers hand out; a drive lists its own, these are the suggestions. */
export const DEFAULT_MATERIALS = ['明白纸', '致全体市民倡议书', '文明市民手册', '调查问卷'] as const;

export const VISIT_SOURCES = ['mobile', 'batch'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];

/** 共性 (shared by many households) or 个性 (one household's own problem). */
export const OPINION_SCOPES = ['common', 'individual'] as const;
export type OpinionScope = (typeof OPINION_SCOPES)[number];

/**
 * new: recorded, not yet routed; routed: a unit must answer; answered: the unit's reply is recorded;
 * delivered: the reply has reached the resident (phone, visit or SMS).
 */
export const OPINION_STATUSES = ['new', 'routed', 'answered', 'delivered'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** case: the opinion is also filed as a case for rectification; reply: answered directly. */
export const ROUTE_KINDS = ['case', 'reply'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** solved; will be solved by a promised date; cannot be solved now (with the explanation). */
export const REPLY_KINDS = ['solved', 'scheduled', 'cannot'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export const DELIVERY_CHANNELS = ['phone', 'visit', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** The seed's four areas of opinions (征询内容), the top level of the topic tree. */
export const TOP_TOPICS = ['campaign', 'livelihood', 'city', 'hotspot'] as const;
export type TopTopic = (typeof TOP_TOPICS)[number];

export interface TopicSeed {
  code: string;
  parent: TopTopic | null;
  name: string;
}

/** Default topics a city starts with; sub-topics are `<top>.<name>` and are editable. */
export const DEFAULT_TOPICS: readonly TopicSeed[] = [
  { code: 'campaign', parent: null, name: '对创建工作的意见建议' },
  { code: 'campaign.publicity', parent: 'campaign', name: '宣传发动' },
  { code: 'campaign.participation', parent: 'campaign', name: '群众参与' },
  { code: 'campaign.style', parent: 'campaign', name: '工作作风' },
  { code: 'livelihood', parent: null, name: '群众自身困难（衣食住行、生产生活）' },
  { code: 'livelihood.housing', parent: 'livelihood', name: '住房与物业' },
  { code: 'livelihood.utilities', parent: 'livelihood', name: '水电气暖' },
  { code: 'livelihood.welfare', parent: 'livelihood', name: '就业与社会保障' },
  { code: 'livelihood.elderly', parent: 'livelihood', name: '养老助残' },
  { code: 'city', parent: null, name: '城市建设与管理' },
  { code: 'city.sanitation', parent: 'city', name: '环境卫生' },
  { code: 'city.roads', parent: 'city', name: '道路与设施' },
  { code: 'city.traffic', parent: 'city', name: '交通与停车' },
  { code: 'city.greening', parent: 'city', name: '绿化与亮化' },
  { code: 'city.order', parent: 'city', name: '市容秩序' },
  { code: 'hotspot', parent: null, name: '社会发展热点' },
  { code: 'hotspot.education', parent: 'hotspot', name: '教育' },
  { code: 'hotspot.health', parent: 'hotspot', name: '医疗卫生' },
  { code: 'hotspot.safety', parent: 'hotspot', name: '治安与食品安全' },
  { code: 'hotspot.culture', parent: 'hotspot', name: '文化体育' },
];

/** The top-level topic of a topic or sub-topic code ('city.traffic' → 'city'). */
export function topTopicOf(code: string): string {
  const dot = code.indexOf('.');
  return dot === -1 ? code : code.slice(0, dot);
}

export const TEXT_LIMITS = {
  opinion: 500,
  reply: 1000,
  note: 500,
  name: 20,
  household: 40,
  batch: 200,
  opinionsPerVisit: 10,
} as const;

/** Mainland mobile (1 + 10 digits) or a landline with area code (0 + 9–11 digits, dash allowed). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** The phone in its stored form (spaces and a +86 prefix removed), or null when it is not valid. */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s()（）]/g, '').replace(/^(\+?86)(?=1)/, '');
  if (MOBILE.test(compact) || LANDLINE.test(compact)) return compact;
  return null;
}

/** 138****5678: the first three and last four digits (a landline keeps its area code and last 2). */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const digits = phone.replace('-', '');
  const area = phone.includes('-') ? phone.slice(0, phone.indexOf('-')) : digits.slice(0, digits.length > 11 ? 4 : 3);
  return `${area}-****${digits.slice(-2)}`;
}
