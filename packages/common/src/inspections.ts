// Vocabulary of the evaluation index (测评体系) and field inspections (实地督查) shared by server and
// web: index levels and methods, the default site types (点位类型), round and inspection statuses,
// material review statuses, and limits.

/** 测评项目 → 指标 → 测评内容 → 测评标准. */
export const INDEX_LEVELS = ['project', 'indicator', 'content', 'standard'] as const;
export type IndexLevel = (typeof INDEX_LEVELS)[number];

export const INDEX_CHILD_LEVEL: Record<IndexLevel, IndexLevel | null> = {
  project: 'indicator',
  indicator: 'content',
  content: 'standard',
  standard: null,
};

/** 材料审核 (online material review), 实地考察 (field inspection), 问卷调查 (questionnaire). */
export const INDEX_METHODS = ['material', 'field', 'survey'] as const;
export type IndexMethod = (typeof INDEX_METHODS)[number];

/** The default site types a new city starts with (editable per city). */
export const DEFAULT_SITE_TYPES: readonly { code: string; zh: string; en: string }[] = [
  { code: 'farmers_market', zh: '农贸市场', en: 'Farmers’ market' },
  { code: 'bus_stop', zh: '公交站点', en: 'Bus stop' },
  { code: 'bus', zh: '公交车', en: 'Bus' },
  { code: 'taxi', zh: '出租车', en: 'Taxi' },
  { code: 'square', zh: '公共广场', en: 'Public square' },
  { code: 'park', zh: '城市公园', en: 'City park' },
  { code: 'main_road', zh: '主次干道', en: 'Main road' },
  { code: 'back_street', zh: '背街小巷', en: 'Back street' },
  { code: 'construction_site', zh: '建筑工地', en: 'Construction site' },
  { code: 'community', zh: '社区', en: 'Community' },
  { code: 'residential_estate', zh: '居民小区', en: 'Residential estate' },
  { code: 'school', zh: '中小学校', en: 'Primary or secondary school' },
  { code: 'kindergarten', zh: '幼儿园', en: 'Kindergarten' },
  { code: 'hospital', zh: '医院', en: 'Hospital' },
  { code: 'service_window', zh: '窗口单位', en: 'Public service window' },
  { code: 'government_hall', zh: '政务服务中心', en: 'Government service hall' },
  { code: 'scenic_spot', zh: '景区景点', en: 'Scenic spot' },
  { code: 'internet_cafe', zh: '网吧', en: 'Internet café' },
  { code: 'culture_venue', zh: '公共文体场所', en: 'Culture and sports venue' },
  { code: 'library', zh: '图书馆', en: 'Library' },
  { code: 'museum', zh: '博物馆、纪念馆', en: 'Museum or memorial' },
  { code: 'station', zh: '车站', en: 'Railway or coach station' },
  { code: 'port', zh: '客运码头', en: 'Passenger port' },
  { code: 'airport', zh: '机场', en: 'Airport' },
  { code: 'mall', zh: '商场超市', en: 'Mall or supermarket' },
  { code: 'restaurant_street', zh: '餐饮街区', en: 'Restaurant street' },
  { code: 'hotel', zh: '宾馆酒店', en: 'Hotel' },
  { code: 'bank', zh: '银行网点', en: 'Bank branch' },
  { code: 'post_office', zh: '邮政网点', en: 'Post office' },
  { code: 'telecom_hall', zh: '通信营业厅', en: 'Telecom service hall' },
  { code: 'public_toilet', zh: '公共厕所', en: 'Public toilet' },
  { code: 'transfer_station', zh: '垃圾中转站', en: 'Waste transfer station' },
  { code: 'urban_village', zh: '城中村', en: 'Urban village' },
  { code: 'urban_fringe', zh: '城乡结合部', en: 'Urban fringe' },
  { code: 'newsstand', zh: '报刊亭、阅报栏', en: 'Newsstand' },
  { code: 'bike_shelter', zh: '非机动车道遮阳棚', en: 'Cycle lane shelter' },
  { code: 'public_bike', zh: '公共自行车站点', en: 'Public bike station' },
  { code: 'intersection', zh: '主要路口', en: 'Major intersection' },
  { code: 'volunteer_station', zh: '志愿服务站', en: 'Volunteer service station' },
  { code: 'moral_lecture_hall', zh: '道德讲堂', en: 'Moral lecture hall' },
  { code: 'youth_palace', zh: '乡村学校少年宫', en: 'Youth activity centre' },
];

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** assigned: on an inspector's list; draft: started (saved on the server); submitted: scored. */
export const INSPECTION_STATUSES = ['assigned', 'draft', 'submitted'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_KINDS = ['round', 'recheck'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const MATERIAL_STATUSES = ['missing', 'submitted', 'accepted', 'returned'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const ROLLUP_DIMENSIONS = ['type', 'district', 'street', 'unit'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

export const INSPECTION_LIMITS = {
  /** A photo taken farther than this from its site is flagged. */
  farPhotoMetres: 300,
  photosPerItem: 6,
  itemsPerChecklist: 60,
  sitesPerRound: 20_000,
  noteMax: 1000,
} as const;
