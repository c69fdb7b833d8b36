// The evaluation index (测评体系) and the site checklists a city starts with. An EDITABLE SAMPLE,
// transcribed and paraphrased from the campaign notices in the seed documents — the Zhoushan
// publicity plan (舟联创办〔2017〕2号, ~22 public-service-advertising carriers with their figures),
// the county education plan, the Datong and Wanping summaries and notices, the Jiaozuo 五个一
// notice — not the official national index text (全国文明城市测评体系), which each city keys in or
// imports itself. Codes follow the tree: 'I01' 测评项目 → 'I01.02' 指标 → 'I01.02.03' 测评内容 →
// 'I01.02.03.01' 测评标准; only standards carry methods, points and the site types they apply to.
// Checklist items turn a field standard into machine-checkable rules per site type (rule kinds in
// @cc/common/inspection-rules), with the pre-inspection (迎检) threshold wherever the seed gives
// one, and the case category a failed item is filed under (codes of cases.defaults.ts).
// Figures the seeds do not give are marked "示例值" in the guidance, so the office knows to set them.

import type { IndexLevel, IndexMethod } from '@cc/common/inspections';
import type { RatioBase, RuleSpec } from '@cc/common/inspection-rules';

export interface DefaultIndexNode {
  code: string;
  level: IndexLevel;
  name: string;
  methods?: IndexMethod[];
  points?: number;
  siteTypes?: string[];
  children?: DefaultIndexNode[];
}

export interface DefaultChecklistItem {
  typeCode: string;
  standardCode: string;
  title: string;
  guidance?: string;
  rule: RuleSpec;
  points: number;
  photoRequired?: boolean;
  caseCategoryCode?: string;
}

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

type StandardSpec = [code: string, name: string, methods: IndexMethod[], points: number, siteTypes?: string[]];

const project = (code: string, name: string, children: DefaultIndexNode[]): DefaultIndexNode => ({
  code,
  level: 'project',
  name,
  children,
});
const indicator = (code: string, name: string, children: DefaultIndexNode[]): DefaultIndexNode => ({
  code,
  level: 'indicator',
  name,
  children,
});
const content = (code: string, name: string, standards: StandardSpec[]): DefaultIndexNode => ({
  code,
  level: 'content',
  name,
  children: standards.map(([c, n, methods, points, siteTypes]) => ({
    code: c,
    level: 'standard',
    name: n,
    methods,
    points,
    siteTypes: siteTypes ?? [],
  })),
});

const WINDOWS = ['service_window', 'bank', 'post_office', 'telecom_hall', 'hotel', 'mall'];

export const DEFAULT_INDEX: readonly DefaultIndexNode[] = [
  project('I01', '公益广告宣传', [
    indicator('I01.01', '社会面公益广告刊播', [
      content('I01.01.01', '公共交通载体', [
        [
          'I01.01.01.01',
          '公交站点（牌）：电子显示屏每处10分钟内播出公益广告2条（含）以上，平面类公益广告至少2条，其中至少1条为社会主义核心价值观公益广告；迎检阶段公益广告数量达到100%；运用多种形式宣传文明旅游',
          ['field'],
          2,
          ['bus_stop'],
        ],
        [
          'I01.01.01.02',
          '公交车、出租车：每辆公交车张贴公益广告2条以上（其中1条为社会主义核心价值观），车载电视每5站播出公益广告2条（含）以上；没有LED的出租车每车至少1条；迎检阶段加大投放比重',
          ['field'],
          2,
          ['bus', 'taxi'],
        ],
        [
          'I01.01.01.03',
          '公交车身及车内：车前部或车后部张贴“讲文明树新风”宣传标语，车内乘客拉手30%以上有“讲文明树新风”公益广告内容',
          ['field'],
          1,
          ['bus'],
        ],
        [
          'I01.01.01.04',
          '车站、码头、机场：刊播文明旅游、文明城市创建等主题公益广告，运用多种形式（展示、宣传册等）进行文明旅游宣传，在显著位置展示行业规范',
          ['field'],
          1.5,
          ['station', 'port', 'airport'],
        ],
        [
          'I01.01.01.05',
          '非机动车道遮阳棚：全年公益广告数量达到广告发布总量的20%以上，迎检阶段达到100%',
          ['field'],
          1,
          ['bike_shelter'],
        ],
        [
          'I01.01.01.06',
          '公共自行车租赁站点雨棚：全年公益广告数量达到广告发布总量的50%以上，迎检阶段达到100%',
          ['field'],
          1,
          ['public_bike'],
        ],
      ]),
      content('I01.01.02', '公共场所与街面', [
        [
          'I01.01.02.01',
          '公共广场：刊播“讲文明树新风”“图说我们的价值观”“中国梦”等主题公益广告，有道德模范事迹专题展览；站在广场中心向四周环顾，能看到不少于10处平面类公益广告（含电子显示屏）',
          ['field'],
          2,
          ['square'],
        ],
        [
          'I01.01.02.02',
          '城市公园：每个公园有10处以上公益广告；宣传栏定期刊登文明城市创建内容，至少两处；运用多种形式开展文明旅游提示',
          ['field'],
          2,
          ['park'],
        ],
        [
          'I01.01.02.03',
          '城区主次干道：步行500米能看到“讲文明树新风”公益广告宣传展示不少于5处；主要路口醒目位置设有“文明交通”“遵德守礼”等提示牌',
          ['field'],
          2,
          ['main_road', 'intersection'],
        ],
        [
          'I01.01.02.04',
          '建筑工地围墙、围挡：公益广告不低于封闭围挡墙体面积的30%，迎检阶段达到50%以上，且不得留空白；有本地自行创作的公益广告作品',
          ['field'],
          2,
          ['construction_site'],
        ],
        [
          'I01.01.02.05',
          '报刊亭、阅报栏、电话亭及其他固定式广告牌：全年公益广告保持在广告发布总量的20%以上，迎检阶段达到100%，且有社会主义核心价值观内容',
          ['field'],
          1,
          ['newsstand'],
        ],
        [
          'I01.01.02.06',
          '背街小巷、居民小区、社区和农贸市场：醒目位置有公益广告和文明创建宣传栏，内容定期更新',
          ['field'],
          1.5,
          ['back_street', 'residential_estate', 'community', 'farmers_market', 'urban_village', 'public_toilet'],
        ],
      ]),
      content('I01.01.03', '窗口单位与公共服务场所', [
        [
          'I01.01.03.01',
          '窗口单位：显著位置设置公益广告不少于2条，有“讲文明树新风”“图说我们的价值观”等内容；设有明显禁烟标识',
          ['field'],
          2,
          [...WINDOWS, 'government_hall', 'station'],
        ],
        [
          'I01.01.03.02',
          '医院：利用多种形式宣传普及公共卫生知识，倡导健康文明生活方式，公益广告占比大于30%',
          ['field'],
          1.5,
          ['hospital'],
        ],
        [
          'I01.01.03.03',
          '公共文体活动场所：公益广告占比达到20%，迎检阶段达到50%以上，且有社会主义核心价值观、“中国梦”、“未成年人”等主题',
          ['field'],
          1.5,
          ['culture_venue', 'library', 'museum'],
        ],
        [
          'I01.01.03.04',
          '景区景点：从大门往里走100米能看到公益广告；刊播社会主义核心价值观等主题公益广告和文明旅游规范；售票窗口、游客中心等处摆放文明旅游提示牌、海报和宣传资料',
          ['field'],
          2,
          ['scenic_spot'],
        ],
        [
          'I01.01.03.05',
          '网吧：在墙面、LED屏等张贴、播放“讲文明树新风”和“图说我们的价值观”等公益广告',
          ['field'],
          1,
          ['internet_cafe'],
        ],
        [
          'I01.01.03.06',
          '中小学校：利用板报、橱窗、校报、广播站、网站等阵地经常性刊播“讲文明树新风”公益广告，校园内有文明创建公益广告',
          ['field'],
          1,
          ['school'],
        ],
      ]),
    ]),
    indicator('I01.02', '媒体与阵地宣传', [
      content('I01.02.01', '新闻媒体专栏', [
        [
          'I01.02.01.01',
          '市级报纸、电台、电视和新闻网站开设创建全国文明城市主打栏目，常年报道创建活动',
          ['material'],
          1,
        ],
        [
          'I01.02.01.02',
          '开设“曝光台”“点评台”等舆论监督栏目，对不文明现象和职责落实不到位情况进行曝光并跟踪报道督办情况',
          ['material'],
          1,
        ],
      ]),
      content('I01.02.02', '宣传阵地与资料', [
        [
          'I01.02.02.01',
          '编写文明城市创建读本等宣传资料，免费发放到干部、职工、中小学生和社区居民手中',
          ['material'],
          0.5,
        ],
        [
          'I01.02.02.02',
          '“公民素质讲习所”“文化礼堂”“道德讲堂”等宣传阵地建设规范、活动经常',
          ['material', 'field'],
          1,
          ['moral_lecture_hall', 'community'],
        ],
      ]),
    ]),
    indicator('I01.03', '创建知晓率', [
      content('I01.03.01', '市民知晓与支持', [
        ['I01.03.01.01', '市民对创建全国文明城市的知晓率', ['survey'], 2],
        ['I01.03.01.02', '市民对创建工作的支持率和满意度', ['survey'], 2],
      ]),
    ]),
  ]),

  project('I02', '公共环境', [
    indicator('I02.01', '市容环境卫生', [
      content('I02.01.01', '街面环境', [
        [
          'I02.01.01.01',
          '主次干道、背街小巷和公共场所路面干净，无垃圾堆积、暴露垃圾和卫生死角',
          ['field'],
          2,
          ['main_road', 'back_street', 'square', 'park', 'scenic_spot', 'urban_village', 'urban_fringe'],
        ],
        [
          'I02.01.01.02',
          '无乱贴乱画、“牛皮癣”小广告',
          ['field'],
          1.5,
          ['main_road', 'back_street', 'bus_stop', 'newsstand', 'bike_shelter', 'residential_estate', 'urban_village'],
        ],
        [
          'I02.01.01.03',
          '无沿街晾晒、乱拉乱挂，无私搭乱建',
          ['field'],
          1,
          ['back_street', 'urban_village', 'residential_estate'],
        ],
      ]),
      content('I02.01.02', '农贸市场', [
        ['I02.01.02.01', '划行归市，摊位整齐，市场内外无占道摆卖', ['field'], 2, ['farmers_market']],
        ['I02.01.02.02', '市场内外环境卫生整洁，无垃圾堆积、污水横流', ['field'], 2, ['farmers_market']],
        ['I02.01.02.03', '公平秤、信息公示牌等设施齐全完好', ['field'], 1, ['farmers_market']],
      ]),
      content('I02.01.03', '居民小区', [
        ['I02.01.03.01', '楼道无堆物，消防通道畅通', ['field'], 1.5, ['residential_estate']],
        ['I02.01.03.02', '垃圾分类投放点设置规范，无混投、满溢', ['field'], 1, ['residential_estate', 'community']],
        ['I02.01.03.03', '绿地无毁绿种菜，车辆有序停放', ['field'], 1, ['residential_estate']],
      ]),
      content('I02.01.04', '环卫与公共设施', [
        [
          'I02.01.04.01',
          '公共厕所干净无异味，洗手、照明等设施完好',
          ['field'],
          1,
          ['public_toilet', 'park', 'scenic_spot'],
        ],
        ['I02.01.04.02', '公园、广场的健身器材、路灯等公共设施完好', ['field'], 1, ['park', 'square', 'back_street']],
      ]),
    ]),
    indicator('I02.02', '建筑工地管理', [
      content('I02.02.01', '施工现场', [
        [
          'I02.02.01.01',
          '围挡连续完好，裸土和物料覆盖，出入口车辆冲洗，无扬尘和带泥上路',
          ['field'],
          2,
          ['construction_site'],
        ],
        ['I02.02.01.02', '对建筑工地外来务工人员开展“新市民”教育，有计划、有记录', ['material'], 0.5],
      ]),
    ]),
    indicator('I02.03', '环境卫生长效机制', [
      content('I02.03.01', '管理制度', [
        ['I02.03.01.01', '“门前五包”责任制落实到沿街单位和商户，有检查台帐', ['material'], 1],
        ['I02.03.01.02', '城市清洁日和环境专项整治有方案、有记录、有照片', ['material'], 1],
      ]),
    ]),
  ]),

  project('I03', '公共秩序', [
    indicator('I03.01', '交通秩序', [
      content('I03.01.01', '路口与路段', [
        [
          'I03.01.01.01',
          '机动车礼让行人，行人、非机动车遵守交通信号，无闯红灯、翻越护栏；交通标志和护栏完好',
          ['field'],
          2,
          ['intersection', 'main_road'],
        ],
        ['I03.01.01.02', '主要路口设文明交通劝导岗，高峰时段有志愿者劝导', ['field'], 1, ['intersection']],
      ]),
      content('I03.01.02', '停放秩序', [
        [
          'I03.01.02.01',
          '机动车、非机动车有序停放，不占用盲道和人行道',
          ['field'],
          1.5,
          ['main_road', 'back_street', 'public_bike', 'station'],
        ],
      ]),
    ]),
    indicator('I03.02', '街面经营秩序', [
      content('I03.02.01', '占道经营', [
        [
          'I03.02.01.01',
          '无占道经营、出店经营和流动摊贩',
          ['field'],
          2,
          ['main_road', 'back_street', 'square', 'restaurant_street'],
        ],
      ]),
    ]),
    indicator('I03.03', '公共场所秩序', [
      content('I03.03.01', '窗口与场馆秩序', [
        [
          'I03.03.01.01',
          '排队有序，设有一米线或排队引导',
          ['field'],
          1,
          [...WINDOWS, 'government_hall', 'hospital', 'station'],
        ],
        [
          'I03.03.01.02',
          '公共场所设有明显禁烟标识，无吸烟现象',
          ['field'],
          1,
          [...WINDOWS, 'government_hall', 'hospital', 'station', 'culture_venue', 'library', 'museum', 'internet_cafe'],
        ],
        ['I03.03.01.03', '景区设立“遵德守礼”提示牌，开展文明告知、文明提醒、文明规劝', ['field'], 1, ['scenic_spot']],
      ]),
    ]),
  ]),

  project('I04', '志愿服务', [
    indicator('I04.01', '志愿服务阵地', [
      content('I04.01.01', '站点设置', [
        [
          'I04.01.01.01',
          '景区、车站、政务大厅和社区设立监督岗和志愿者咨询服务站（点），标识清晰、有人值守',
          ['field'],
          1.5,
          ['volunteer_station', 'scenic_spot', 'station', 'government_hall', 'community'],
        ],
      ]),
    ]),
    indicator('I04.02', '志愿服务活动', [
      content('I04.02.01', '社区报到与“五个一”', [
        ['I04.02.01.01', '机关党员干部“单位下班，社区报到”，每周开展“五个一”活动，有工作台帐', ['material'], 2],
        ['I04.02.01.02', '社区公示报到党员名单和志愿服务项目', ['field'], 1, ['community']],
      ]),
      content('I04.02.02', '学雷锋志愿服务', [
        ['I04.02.02.01', '经常性开展学雷锋志愿服务和文明劝导活动，有记录、有照片', ['material'], 1],
      ]),
    ]),
    indicator('I04.03', '志愿服务参与', [
      content('I04.03.01', '市民参与', [['I04.03.01.01', '市民对志愿服务的知晓率和参与率', ['survey'], 1.5]]),
    ]),
  ]),

  project('I05', '未成年人思想道德建设', [
    indicator('I05.01', '学校教育', [
      content('I05.01.01', '校园文化', [
        ['I05.01.01.01', '每个教室有社会主义核心价值观展示，校园、教室显著位置展示学生守则', ['field'], 2, ['school']],
        ['I05.01.01.02', '学校食堂显著位置有“节俭养德”“文明餐桌”等温馨提示', ['field'], 1, ['school']],
        ['I05.01.01.03', '学生会背诵社会主义核心价值观12个主题词', ['survey'], 1],
      ]),
      content('I05.01.02', '文明校园创建', [
        ['I05.01.02.01', '开展十星级文明学校创建，80%以上学校达到十星级', ['material'], 1.5],
        ['I05.01.02.02', '开设健康教育和生态环保课程，学生覆盖面达到100%', ['material'], 1],
      ]),
    ]),
    indicator('I05.02', '社会环境', [
      content('I05.02.01', '网吧与校园周边', [
        ['I05.02.01.01', '网吧显著位置设置“未成年人禁入”标志，不接纳未成年人', ['field'], 2, ['internet_cafe']],
        ['I05.02.01.02', '校园周边秩序良好，无流动摊贩和占道经营', ['field'], 1, ['school']],
      ]),
      content('I05.02.02', '校外活动阵地', [
        ['I05.02.02.01', '乡村学校少年宫、青少年宫正常开放，活动有记录', ['material', 'field'], 1, ['youth_palace']],
      ]),
    ]),
    indicator('I05.03', '工作机制', [
      content('I05.03.01', '三结合教育网络', [
        ['I05.03.01.01', '学校、家庭、社会“三结合”教育网络健全，开展“我们的节日”等主题实践活动', ['material'], 1],
      ]),
    ]),
  ]),

  project('I06', '诚信建设与窗口服务', [
    indicator('I06.01', '诚信宣传', [
      content('I06.01.01', '政务诚信', [
        [
          'I06.01.01.01',
          '政务大厅（行政服务中心）运用两种或两种以上方式（展示、宣传册等）进行诚信宣传',
          ['field'],
          1,
          ['government_hall'],
        ],
      ]),
      content('I06.01.02', '商务诚信', [
        [
          'I06.01.02.01',
          '经营户诚信经营、明码标价，市场设诚信经营公示',
          ['field'],
          1,
          ['farmers_market', 'mall', 'restaurant_street'],
        ],
        ['I06.01.02.02', '对工商企业和个体经营户开展诚信经营、守法经营和文明经营教育', ['material'], 0.5],
      ]),
    ]),
    indicator('I06.02', '窗口服务', [
      content('I06.02.01', '规范服务', [
        [
          'I06.02.01.01',
          '显著位置展示行业规范和服务承诺，从业人员文明用语、礼貌待人、规范服务',
          ['field'],
          1.5,
          [...WINDOWS, 'government_hall', 'hospital', 'station'],
        ],
        ['I06.02.01.02', '市民对窗口服务的满意度', ['survey'], 1],
      ]),
    ]),
    indicator('I06.03', '行业文明教育', [
      content('I06.03.01', '从业人员教育', [
        ['I06.03.01.01', '公交车、出租车驾驶员安全出行、文明行车，车内禁烟', ['field', 'material'], 1, ['bus', 'taxi']],
        ['I06.03.01.02', '对旅游从业人员开展培训，提高从业人员素质', ['material'], 0.5],
      ]),
    ]),
  ]),

  project('I07', '创建工作机制', [
    indicator('I07.01', '组织领导', [
      content('I07.01.01', '工作方案与责任', [
        ['I07.01.01.01', '成立创建工作领导小组和工作专班，“一把手”为第一责任人', ['material'], 1],
        ['I07.01.01.02', '制定年度创建工作方案和宣传方案，任务分解到责任单位', ['material'], 1],
        ['I07.01.01.03', '建立创建工作台帐，按时间节点推进并留存佐证材料', ['material'], 1],
      ]),
    ]),
    indicator('I07.02', '督查考核', [
      content('I07.02.01', '督查通报', [
        ['I07.02.01.01', '定期开展督查，制发督查通报，问题限期整改、跟踪督办', ['material'], 1],
        ['I07.02.01.02', '创建工作纳入单位年度目标考核，与评先表模挂钩', ['material'], 1],
      ]),
    ]),
  ]),
];

// ---------------------------------------------------------------------------------------------
// Checklists
// ---------------------------------------------------------------------------------------------

const present: RuleSpec = { kind: 'presence', expect: 'present' };
const absent: RuleSpec = { kind: 'presence', expect: 'absent' };

/** At least `min` (and `pre` in the pre-inspection phase, when the seed says). */
function atLeast(min: number, pre?: number): RuleSpec {
  return { kind: 'count', thresholds: { normal: { min }, ...(pre ? { pre_inspection: { min: pre } } : {}) } };
}

function share(of: RatioBase, minPercent: number, pre?: number): RuleSpec {
  return {
    kind: 'ratio',
    of,
    thresholds: { normal: { minPercent }, ...(pre ? { pre_inspection: { minPercent: pre } } : {}) },
  };
}

function perWindow(unit: 'minutes' | 'stops', min: number, per: number): RuleSpec {
  return { kind: 'rate', unit, thresholds: { normal: { min, per } } };
}

function withinDistance(min: number, within: number): RuleSpec {
  return { kind: 'density', unit: 'metres', thresholds: { normal: { min, within } } };
}

type ItemSpec = Omit<DefaultChecklistItem, 'typeCode'>;

/** The same items for several site types (windows, venues): one list, one place to edit. */
const forTypes = (types: string[], items: ItemSpec[]): DefaultChecklistItem[] =>
  types.flatMap((typeCode) => items.map((item) => ({ typeCode, ...item })));

const WINDOW_ITEMS: ItemSpec[] = [
  {
    standardCode: 'I01.01.03.01',
    title: '显著位置设置公益广告',
    guidance: '计服务大厅内显著位置的公益广告条数（含电子屏滚动播放的不同内容）',
    rule: atLeast(2),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    standardCode: 'I01.01.03.01',
    title: '有“讲文明树新风”“图说我们的价值观”等内容',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    standardCode: 'I01.01.03.01',
    title: '设有明显禁烟标识',
    rule: present,
    points: 1,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    standardCode: 'I06.02.01.01',
    title: '显著位置展示行业规范和服务承诺',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    standardCode: 'I03.03.01.01',
    title: '排队有序，设有一米线或排队引导',
    rule: present,
    points: 1,
    caseCategoryCode: 'ORDER.QUEUE',
  },
  {
    standardCode: 'I03.03.01.02',
    title: '大厅内有人吸烟',
    guidance: '检查期间看到有人吸烟即为不达标',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },
];

const VENUE_ITEMS: ItemSpec[] = [
  {
    standardCode: 'I01.01.03.03',
    title: '公益广告占广告发布总量的比例',
    guidance: '计场馆内外广告位（含电子屏、展板）总数和其中公益广告的数量',
    rule: share('total', 20, 50),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    standardCode: 'I01.01.03.03',
    title: '有社会主义核心价值观、“中国梦”、“未成年人”等主题公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    standardCode: 'I03.03.01.02',
    title: '设有明显禁烟标识',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    standardCode: 'I03.03.01.02',
    title: '场馆内有人吸烟',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },
];

const ONE_PER_TYPE: DefaultChecklistItem[] = [
  // 公交站点（牌）
  {
    typeCode: 'bus_stop',
    standardCode: 'I01.01.01.01',
    title: '电子显示屏播出公益广告',
    guidance: '在站台连续观察10分钟以上，记录播出的公益广告条数和观察分钟数；站点没有电子屏的记为不适用',
    rule: perWindow('minutes', 2, 10),
    points: 2,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus_stop',
    standardCode: 'I01.01.01.01',
    title: '平面类公益广告',
    rule: atLeast(2),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus_stop',
    standardCode: 'I01.01.01.01',
    title: '有社会主义核心价值观公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    typeCode: 'bus_stop',
    standardCode: 'I01.01.01.01',
    title: '公益广告占站点广告位的比例',
    guidance: '迎检阶段须达到100%（通知原文）；常态20%为示例值，通知未规定常态比例',
    rule: share('total', 20, 100),
    points: 1.5,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus_stop',
    standardCode: 'I01.01.01.01',
    title: '有文明旅游宣传展示',
    rule: present,
    points: 0.5,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus_stop',
    standardCode: 'I02.01.01.02',
    title: '站牌、候车亭有小广告或乱贴乱画',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.ADS',
  },

  // 公交车
  {
    typeCode: 'bus',
    standardCode: 'I01.01.01.02',
    title: '车内张贴公益广告',
    guidance: '迎检阶段须加大投放比重（通知未给出数值，可按需设迎检阈值）',
    rule: atLeast(2),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus',
    standardCode: 'I01.01.01.02',
    title: '有社会主义核心价值观公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    typeCode: 'bus',
    standardCode: 'I01.01.01.02',
    title: '车载电视播出公益广告',
    guidance: '乘坐5站以上，记录播出的公益广告条数和乘坐站数；车辆没有车载电视的记为不适用',
    rule: perWindow('stops', 2, 5),
    points: 2,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus',
    standardCode: 'I01.01.01.03',
    title: '乘客拉手有“讲文明树新风”公益广告的比例',
    guidance: '计车内拉手总数和其中有公益广告内容的数量',
    rule: share('total', 30),
    points: 1,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus',
    standardCode: 'I01.01.01.03',
    title: '车前部或车后部张贴“讲文明树新风”宣传标语',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bus',
    standardCode: 'I06.03.01.01',
    title: '驾驶员吸烟或行车中接打手机',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },

  // 出租车
  {
    typeCode: 'taxi',
    standardCode: 'I01.01.01.02',
    title: '车内公益广告（没有LED屏的每车至少1条）',
    rule: atLeast(1),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'taxi',
    standardCode: 'I06.03.01.01',
    title: '车内有禁烟标识',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'taxi',
    standardCode: 'I06.03.01.01',
    title: '驾驶员车内吸烟',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },

  // 公共广场
  {
    typeCode: 'square',
    standardCode: 'I01.01.02.01',
    title: '环顾可见的平面类公益广告（含电子显示屏）',
    guidance: '站在广场中心向四周环顾计数',
    rule: atLeast(10),
    points: 3,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'square',
    standardCode: 'I01.01.02.01',
    title: '有道德模范事迹专题展览',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'square',
    standardCode: 'I01.01.02.01',
    title: '有“图说我们的价值观”“中国梦”等主题公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    typeCode: 'square',
    standardCode: 'I02.01.01.01',
    title: '地面有垃圾、卫生死角',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.GARBAGE',
  },
  {
    typeCode: 'square',
    standardCode: 'I03.02.01.01',
    title: '有流动摊贩或占道经营',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.VENDOR',
  },
  {
    typeCode: 'square',
    standardCode: 'I02.01.04.02',
    title: '健身器材、路灯等设施损坏',
    rule: absent,
    points: 1,
    caseCategoryCode: 'FAC.FITNESS',
  },

  // 城市公园
  {
    typeCode: 'park',
    standardCode: 'I01.01.02.02',
    title: '园内公益广告',
    guidance: '沿主园路走一圈计数',
    rule: atLeast(10),
    points: 3,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'park',
    standardCode: 'I01.01.02.02',
    title: '刊登文明城市创建内容的宣传栏',
    rule: atLeast(2),
    points: 1,
    caseCategoryCode: 'PSA.OUTDATED',
  },
  {
    typeCode: 'park',
    standardCode: 'I01.01.02.02',
    title: '有文明旅游提示',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'park',
    standardCode: 'I02.01.01.01',
    title: '园内有垃圾、卫生死角',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.GARBAGE',
  },
  {
    typeCode: 'park',
    standardCode: 'I02.01.04.01',
    title: '公厕脏乱、有异味',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.TOILET',
  },
  {
    typeCode: 'park',
    standardCode: 'I02.01.04.02',
    title: '健身器材损坏',
    rule: absent,
    points: 1,
    caseCategoryCode: 'FAC.FITNESS',
  },

  // 城区主次干道
  {
    typeCode: 'main_road',
    standardCode: 'I01.01.02.03',
    title: '“讲文明树新风”公益广告宣传展示',
    guidance: '沿路段步行500米以上，记录看到的处数和步行距离；超过500米的按比例折算',
    rule: withinDistance(5, 500),
    points: 3,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'main_road',
    standardCode: 'I01.01.02.03',
    title: '主要路口设有“文明交通”“遵德守礼”提示牌',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'main_road',
    standardCode: 'I02.01.01.01',
    title: '路面有垃圾、暴露垃圾',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.GARBAGE',
  },
  {
    typeCode: 'main_road',
    standardCode: 'I02.01.01.02',
    title: '有乱贴乱画、小广告',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.ADS',
  },
  {
    typeCode: 'main_road',
    standardCode: 'I03.02.01.01',
    title: '有占道经营、出店经营',
    rule: absent,
    points: 1.5,
    photoRequired: true,
    caseCategoryCode: 'STREET.OCCUPY',
  },
  {
    typeCode: 'main_road',
    standardCode: 'I03.01.02.01',
    title: '非机动车乱停乱放、占用盲道',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.BIKE',
  },
  {
    typeCode: 'main_road',
    standardCode: 'I03.01.01.01',
    title: '行人、非机动车闯红灯或翻越护栏',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },

  // 背街小巷
  {
    typeCode: 'back_street',
    standardCode: 'I02.01.01.01',
    title: '有垃圾堆积、卫生死角',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.GARBAGE',
  },
  {
    typeCode: 'back_street',
    standardCode: 'I02.01.01.02',
    title: '有乱贴乱画、小广告',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.ADS',
  },
  {
    typeCode: 'back_street',
    standardCode: 'I02.01.01.03',
    title: '沿街晾晒、乱拉乱挂',
    rule: absent,
    points: 1,
    caseCategoryCode: 'CITY.DRYING',
  },
  {
    typeCode: 'back_street',
    standardCode: 'I02.01.01.03',
    title: '有私搭乱建',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.BUILD',
  },
  {
    typeCode: 'back_street',
    standardCode: 'I01.01.02.06',
    title: '公益广告和文明创建宣传栏',
    guidance: '2处为示例值，通知未规定背街小巷的数量',
    rule: atLeast(2),
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'back_street',
    standardCode: 'I03.02.01.01',
    title: '有占道经营、流动摊贩',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.OCCUPY',
  },
  {
    typeCode: 'back_street',
    standardCode: 'I02.01.04.02',
    title: '路灯不亮或损坏',
    rule: absent,
    points: 0.5,
    caseCategoryCode: 'FAC.LIGHT',
  },

  // 建筑工地
  {
    typeCode: 'construction_site',
    standardCode: 'I01.01.02.04',
    title: '公益广告占封闭围挡墙体面积的比例',
    guidance: '量围挡总长和高（或数画面），记录公益广告面积和围挡墙体面积（平方米）',
    rule: share('area', 30, 50),
    points: 3,
    photoRequired: true,
    caseCategoryCode: 'SITE.PSA',
  },
  {
    typeCode: 'construction_site',
    standardCode: 'I01.01.02.04',
    title: '围挡留有空白或公益广告破损褪色',
    rule: absent,
    points: 1,
    photoRequired: true,
    caseCategoryCode: 'SITE.PSA',
  },
  {
    typeCode: 'construction_site',
    standardCode: 'I01.01.02.04',
    title: '有本地自行创作的公益广告作品',
    rule: present,
    points: 1,
    caseCategoryCode: 'SITE.PSA',
  },
  {
    typeCode: 'construction_site',
    standardCode: 'I02.02.01.01',
    title: '裸土或物料未覆盖，有扬尘',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'SITE.DUST',
  },
  {
    typeCode: 'construction_site',
    standardCode: 'I02.02.01.01',
    title: '出入口设有车辆冲洗设施',
    rule: present,
    points: 1,
    caseCategoryCode: 'SITE.SPILL',
  },
  {
    typeCode: 'construction_site',
    standardCode: 'I02.02.01.01',
    title: '围挡不连续，有缺口或倒伏',
    rule: absent,
    points: 1,
    caseCategoryCode: 'SITE.HOARDING',
  },

  // 网吧
  {
    typeCode: 'internet_cafe',
    standardCode: 'I05.02.01.01',
    title: '显著位置设置“未成年人禁入”标志',
    rule: present,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'internet_cafe',
    standardCode: 'I05.02.01.01',
    title: '现场有未成年人上网',
    rule: absent,
    points: 2,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },
  {
    typeCode: 'internet_cafe',
    standardCode: 'I01.01.03.05',
    title: '墙面、LED屏张贴或播放公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'internet_cafe',
    standardCode: 'I03.03.01.02',
    title: '场所内有人吸烟',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },

  // 政务服务中心: the window items plus 诚信宣传
  ...forTypes(['government_hall'], WINDOW_ITEMS),
  {
    typeCode: 'government_hall',
    standardCode: 'I06.01.01.01',
    title: '诚信宣传的方式',
    guidance: '展示、宣传册、电子屏、宣传片等，每种计1种',
    rule: atLeast(2),
    points: 1,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },

  // 医院
  {
    typeCode: 'hospital',
    standardCode: 'I01.01.03.02',
    title: '公益广告占广告发布总量的比例',
    guidance: '通知要求“大于30%”：计门诊、住院大厅和候诊区的广告位总数和其中公益广告的数量',
    rule: share('total', 30),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'hospital',
    standardCode: 'I01.01.03.02',
    title: '有公共卫生知识和健康生活方式宣传',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'hospital',
    standardCode: 'I03.03.01.02',
    title: '设有明显禁烟标识',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'hospital',
    standardCode: 'I03.03.01.02',
    title: '院内有人吸烟',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },
  {
    typeCode: 'hospital',
    standardCode: 'I03.03.01.01',
    title: '挂号、收费窗口排队有序，设有一米线',
    rule: present,
    points: 1,
    caseCategoryCode: 'ORDER.QUEUE',
  },
  {
    typeCode: 'hospital',
    standardCode: 'I06.02.01.01',
    title: '显著位置展示行业规范和服务承诺',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },

  // 景区景点
  {
    typeCode: 'scenic_spot',
    standardCode: 'I01.01.03.04',
    title: '从大门往里走100米内能看到公益广告',
    guidance: '从大门沿主游览路线步行，记录看到的处数和步行距离',
    rule: withinDistance(1, 100),
    points: 3,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'scenic_spot',
    standardCode: 'I01.01.03.04',
    title: '售票窗口、游客中心摆放文明旅游提示牌、海报和宣传资料',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'scenic_spot',
    standardCode: 'I01.01.03.04',
    title: '有社会主义核心价值观、“中国梦”等主题公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    typeCode: 'scenic_spot',
    standardCode: 'I03.03.01.03',
    title: '设有“遵德守礼”提示牌',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'scenic_spot',
    standardCode: 'I02.01.01.01',
    title: '景区内有垃圾、卫生死角',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.GARBAGE',
  },
  {
    typeCode: 'scenic_spot',
    standardCode: 'I02.01.04.01',
    title: '公厕脏乱、有异味',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.TOILET',
  },

  // 中小学校
  {
    typeCode: 'school',
    standardCode: 'I05.01.01.01',
    title: '教室有社会主义核心价值观展示',
    guidance: '抽查教室数为总数，其中有展示的为部分；每个教室都应有',
    rule: share('total', 100),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    typeCode: 'school',
    standardCode: 'I05.01.01.01',
    title: '校园、教室显著位置展示学生守则',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'school',
    standardCode: 'I05.01.01.02',
    title: '食堂显著位置有“节俭养德”“文明餐桌”等温馨提示',
    rule: present,
    points: 1,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'school',
    standardCode: 'I01.01.03.06',
    title: '校园内有文明创建公益广告',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'school',
    standardCode: 'I05.02.01.02',
    title: '校门口有流动摊贩或占道经营',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.VENDOR',
  },

  // 非机动车道遮阳棚
  {
    typeCode: 'bike_shelter',
    standardCode: 'I01.01.01.05',
    title: '公益广告占广告发布总量的比例',
    rule: share('total', 20, 100),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'bike_shelter',
    standardCode: 'I01.01.01.05',
    title: '公益广告画面破损、褪色',
    rule: absent,
    points: 1,
    caseCategoryCode: 'PSA.DAMAGED',
  },
  {
    typeCode: 'bike_shelter',
    standardCode: 'I02.01.01.02',
    title: '棚体有小广告',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.ADS',
  },

  // 公共自行车站点
  {
    typeCode: 'public_bike',
    standardCode: 'I01.01.01.06',
    title: '雨棚公益广告占广告发布总量的比例',
    rule: share('total', 50, 100),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'public_bike',
    standardCode: 'I01.01.01.06',
    title: '公益广告画面破损、褪色',
    rule: absent,
    points: 1,
    caseCategoryCode: 'PSA.DAMAGED',
  },
  {
    typeCode: 'public_bike',
    standardCode: 'I03.01.02.01',
    title: '站点周边车辆乱停乱放',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.BIKE',
  },

  // 报刊亭、阅报栏
  {
    typeCode: 'newsstand',
    standardCode: 'I01.01.02.05',
    title: '公益广告占广告发布总量的比例',
    rule: share('total', 20, 100),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'newsstand',
    standardCode: 'I01.01.02.05',
    title: '有社会主义核心价值观内容',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.VALUES',
  },
  {
    typeCode: 'newsstand',
    standardCode: 'I01.01.02.05',
    title: '亭体、栏体破损或画面褪色',
    rule: absent,
    points: 0.5,
    caseCategoryCode: 'PSA.DAMAGED',
  },
  {
    typeCode: 'newsstand',
    standardCode: 'I02.01.01.02',
    title: '有小广告或乱贴乱画',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.ADS',
  },

  // 车站
  {
    typeCode: 'station',
    standardCode: 'I01.01.01.04',
    title: '文明旅游宣传的形式',
    guidance: '展示、宣传册、电子屏、广播等，每种计1种（“多种形式”按不少于2种计）',
    rule: atLeast(2),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'station',
    standardCode: 'I01.01.01.04',
    title: '显著位置展示行业规范',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'station',
    standardCode: 'I01.01.03.01',
    title: '候车大厅显著位置设置公益广告',
    rule: atLeast(2),
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'station',
    standardCode: 'I01.01.03.01',
    title: '设有明显禁烟标识',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'station',
    standardCode: 'I03.03.01.01',
    title: '售票、检票排队有序',
    rule: present,
    points: 1,
    caseCategoryCode: 'ORDER.QUEUE',
  },
  {
    typeCode: 'station',
    standardCode: 'I03.01.02.01',
    title: '站前广场机动车乱停',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.CAR',
  },
  {
    typeCode: 'station',
    standardCode: 'I03.03.01.02',
    title: '候车区有人吸烟',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },

  // 农贸市场
  {
    typeCode: 'farmers_market',
    standardCode: 'I02.01.02.01',
    title: '划行归市，摊位整齐',
    rule: present,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'MARKET.ZONING',
  },
  {
    typeCode: 'farmers_market',
    standardCode: 'I02.01.02.02',
    title: '市场内外有垃圾堆积',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'MARKET.HYGIENE',
  },
  {
    typeCode: 'farmers_market',
    standardCode: 'I02.01.02.02',
    title: '地面污水横流、异味重',
    rule: absent,
    points: 1,
    caseCategoryCode: 'MARKET.HYGIENE',
  },
  {
    typeCode: 'farmers_market',
    standardCode: 'I01.01.02.06',
    title: '市场内公益广告',
    guidance: '5处为示例值，通知未规定农贸市场的数量',
    rule: atLeast(5),
    points: 1.5,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'farmers_market',
    standardCode: 'I02.01.02.03',
    title: '设有公平秤和信息公示牌',
    rule: present,
    points: 1,
    caseCategoryCode: 'MARKET.FACILITY',
  },
  {
    typeCode: 'farmers_market',
    standardCode: 'I02.01.02.01',
    title: '市场门口占道摆卖',
    rule: absent,
    points: 1,
    caseCategoryCode: 'MARKET.ZONING',
  },
  {
    typeCode: 'farmers_market',
    standardCode: 'I06.01.02.01',
    title: '明码标价，设诚信经营公示',
    rule: present,
    points: 1,
    caseCategoryCode: 'MARKET.FACILITY',
  },

  // 居民小区
  {
    typeCode: 'residential_estate',
    standardCode: 'I02.01.03.01',
    title: '楼道堆放杂物、占用消防通道',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ESTATE.CORRIDOR',
  },
  {
    typeCode: 'residential_estate',
    standardCode: 'I01.01.02.06',
    title: '设有宣传栏且内容为近期创建内容',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.OUTDATED',
  },
  {
    typeCode: 'residential_estate',
    standardCode: 'I01.01.02.06',
    title: '小区内公益广告',
    guidance: '3处为示例值，通知未规定居民小区的数量',
    rule: atLeast(3),
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'residential_estate',
    standardCode: 'I02.01.03.02',
    title: '垃圾分类投放点设置规范',
    rule: present,
    points: 1,
    caseCategoryCode: 'ENV.SORTING',
  },
  {
    typeCode: 'residential_estate',
    standardCode: 'I02.01.03.03',
    title: '毁绿种菜',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ESTATE.GREEN',
  },
  {
    typeCode: 'residential_estate',
    standardCode: 'I02.01.03.03',
    title: '车辆乱停、堵塞消防通道',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ESTATE.PARKING',
  },
  {
    typeCode: 'residential_estate',
    standardCode: 'I02.01.01.02',
    title: '楼道、外墙有小广告',
    rule: absent,
    points: 0.5,
    caseCategoryCode: 'ENV.ADS',
  },

  // 社区
  {
    typeCode: 'community',
    standardCode: 'I01.01.02.06',
    title: '刊登文明城市创建内容的宣传栏',
    rule: atLeast(2),
    points: 1.5,
    photoRequired: true,
    caseCategoryCode: 'PSA.OUTDATED',
  },
  {
    typeCode: 'community',
    standardCode: 'I01.01.02.06',
    title: '社区内公益广告',
    guidance: '5处为示例值，通知未规定社区的数量',
    rule: atLeast(5),
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'community',
    standardCode: 'I01.02.02.02',
    title: '设有“公民素质讲习所”或“道德讲堂”',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'community',
    standardCode: 'I04.02.01.02',
    title: '公示报到党员名单和志愿服务项目',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.OUTDATED',
  },
  {
    typeCode: 'community',
    standardCode: 'I02.01.03.02',
    title: '垃圾分类投放点设置规范',
    rule: present,
    points: 1,
    caseCategoryCode: 'ENV.SORTING',
  },

  // 主要路口
  {
    typeCode: 'intersection',
    standardCode: 'I01.01.02.03',
    title: '醒目位置设有“文明交通”“遵德守礼”提示牌',
    rule: present,
    points: 1,
    photoRequired: true,
    caseCategoryCode: 'PSA.MISSING',
  },
  {
    typeCode: 'intersection',
    standardCode: 'I03.01.01.01',
    title: '行人、非机动车闯红灯',
    guidance: '观察一个完整的信号周期以上',
    rule: absent,
    points: 2,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },
  {
    typeCode: 'intersection',
    standardCode: 'I03.01.01.02',
    title: '高峰时段有文明交通劝导员',
    rule: present,
    points: 1,
    caseCategoryCode: 'ORDER.UNCIVIL',
  },
  {
    typeCode: 'intersection',
    standardCode: 'I03.01.01.01',
    title: '交通标志、护栏损坏',
    rule: absent,
    points: 1,
    caseCategoryCode: 'FAC.SIGN',
  },

  // 公共厕所
  {
    typeCode: 'public_toilet',
    standardCode: 'I02.01.04.01',
    title: '地面、便池脏污，有异味',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.TOILET',
  },
  {
    typeCode: 'public_toilet',
    standardCode: 'I02.01.04.01',
    title: '洗手液、照明、标识等设施缺损',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.TOILET',
  },
  {
    typeCode: 'public_toilet',
    standardCode: 'I01.01.02.06',
    title: '有文明如厕提示和公益广告',
    rule: present,
    points: 0.5,
    caseCategoryCode: 'PSA.MISSING',
  },

  // 城中村
  {
    typeCode: 'urban_village',
    standardCode: 'I02.01.01.01',
    title: '有垃圾堆积、卫生死角',
    rule: absent,
    points: 2,
    photoRequired: true,
    caseCategoryCode: 'ENV.GARBAGE',
  },
  {
    typeCode: 'urban_village',
    standardCode: 'I02.01.01.02',
    title: '有乱贴乱画、小广告',
    rule: absent,
    points: 1,
    caseCategoryCode: 'ENV.ADS',
  },
  {
    typeCode: 'urban_village',
    standardCode: 'I02.01.01.03',
    title: '有私搭乱建、乱拉乱挂',
    rule: absent,
    points: 1,
    caseCategoryCode: 'STREET.BUILD',
  },
  {
    typeCode: 'urban_village',
    standardCode: 'I01.01.02.06',
    title: '村口、主街有公益广告和宣传栏',
    rule: present,
    points: 1,
    caseCategoryCode: 'PSA.MISSING',
  },
];

export const DEFAULT_CHECKLISTS: readonly DefaultChecklistItem[] = [
  ...ONE_PER_TYPE,
  // 窗口单位 (the Zhoushan list's windows: banks, post, telecom and the other service halls)
  ...forTypes(['service_window', 'bank', 'post_office', 'telecom_hall'], WINDOW_ITEMS),
  // 公共文体活动场所 (the notice names libraries and museums among them)
  ...forTypes(['culture_venue', 'library', 'museum'], VENUE_ITEMS),
];
