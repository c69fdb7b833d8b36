// What the demo campaign of 示范市 says, transcribed from the seed documents: the Jiaozuo notice's
// name, purpose, leading group and five activities (with 焦作 as 示范); the Wanping notice's eight
// themed months; the Zaoqiang plan's six places of the concentrated publicity day; and the ledger
// the office enters from them — each task with its source clause, standard, lead units, schedule,
// evidence and the texts units report with. demo-campaigns.ts works the ledger and writes it.

import type { CampaignTitle, RecurrenceKind } from '@cc/common/campaigns';

const DAY = 86_400_000;

export const NAME = '“四创联万家，共建幸福城”活动';
export const TITLES: CampaignTitle[] = ['civilized_city', 'sanitary_city', 'garden_city', 'forest_city'];
export const DESCRIPTION =
  '为进一步发挥全市各级机关党员干部在服务“四城联创”工作中的先锋模范作用，组织机关干部引导带领身边家庭成员和社区居民群众' +
  '积极参与“四城联创”，不断提高全市“四城联创”工作群众参与度和满意度，以模范机关创建带动文明家庭创建，促进全社会文明和谐' +
  '程度不断提升，市委市直机关工委、市妇联、市教育局、示范日报社、示范广播电视台联合在全市开展“四创联万家，共建幸福城”活动。' +
  '参与范围：全市各级机关、妇联广大党员干部群众和中小学校师生。';
export const ORGANISERS = ['市委市直机关工委', '市妇联', '市教育局', '示范日报社', '示范广播电视台'];

/** The five activities of the notice (四、主要内容 1–5). */
export const ACTIVITIES = [
  {
    name: '广泛开展“单位下班，社区报到”活动',
    organisers: ['市委市直机关工委'],
    participants: '全市各级机关单位党组织、党员干部及其家庭成员',
    content:
      '全市各级机关单位党组织动员广大党员干部开展“单位下班，社区报到”活动，组织党员干部下班后主动奔赴所居住社区报到，围绕服务' +
      '“四城联创”，每周主动带领家庭成员开展“五个一”活动：即参加一次社区环境卫生整治、参与一次社区志愿服务、开展一次文明公约' +
      '宣传、倡导一次垃圾分类实践、进行一次不文明行为劝导。工委将适时对表现优秀的党组织和党员进行表彰激励。',
  },
  {
    name: '大力实施“抓机关带家庭促社会”行动',
    organisers: ['市委市直机关工委'],
    participants: '市（区）直机关、分包联建社区支部、物业公司和业主委员会，城区沿主次干道的机关和企事业单位',
    content:
      '以“支部联支部，党员进社区”活动和文明单位、家庭、楼院、社区创建为载体，举行一次分包联建机关支部、社区支部、物业公司和' +
      '业主委员会“四方”参与的服务“四城联创”座谈会，进行服务创建“金点子”收集和评选活动。市（区）直机关结合帮扶分包老旧楼院' +
      '创建活动，积极开展“文明服务”“文明交通”“文明旅游”“文明餐桌”“文明网络传播”等活动。城区内沿主次干道的机关和企事业' +
      '单位持续推进“三包三化”（包卫生、包环境、包管理，绿化、美化、亮化）提质增效。',
  },
  {
    name: '积极推进文明家庭和“美丽庭院”创建活动',
    organisers: ['市妇联'],
    participants: '各级妇联、城乡社区“妇女之家”、广大家庭',
    content:
      '以遍布城乡社区的“妇女之家”为平台，发动基层群众开展议家风、谈家规、讲家庭清廉故事、晒家庭幸福生活等寻找“最美家庭”和' +
      '创建“文明家庭”系列活动。按照“家和、院净、人美”的标准，每个县市区命名表彰100个“美丽庭院”示范户和10个“美丽庭院”' +
      '示范村，发动妇女群众“争做文明妈妈”。',
  },
  {
    name: '全面启动“小手拉大手，共创幸福城”活动',
    organisers: ['市教育局'],
    participants: '全市教育系统广大教师、中小学生和学生家长',
    content:
      '组织全市教育系统广大教师和中小学生广泛开展“小手拉大手，共创幸福城”网上班会和征文活动，对学生假期服务“四城联创”活动' +
      '进行统一安排部署。印发“我为四城联创添光彩—致学生家长的一封信”，鼓励学生与家长共同参与“四城联创”志愿服务活动。',
  },
  {
    name: '开辟“四城联创大家说”报网宣传渠道',
    organisers: ['示范日报社', '示范广播电视台'],
    participants: '示范日报、示范广播电视台、“示范网”等市内主要新闻媒体',
    content:
      '在市内主要新闻媒体中开辟“四城联创大家说”栏目，深入收集和广泛宣传广大市民群众参与“四城联创”的好事迹、好建议。设置' +
      '“反光镜”栏目，曝光创建工作中存在的问题和不足，及时发现问题、解决难题。',
  },
];

/** One theme a month (每月一主题), from the Wanping notice's eight themed months. */
export const THEMES: [string, string][] = [
  ['“学习雷锋好榜样”志愿服务月', '弘扬雷锋精神，组织党员干部、职工和居民群众广泛开展志愿服务活动。'],
  ['“绿色出行，文明示范”文明交通月', '倡导绿色出行、文明出行，在重点路口开展文明交通劝导，规范交通秩序。'],
  ['“低碳生活你我他”垃圾减分月', '倡导垃圾分类和源头减量，开展垃圾分类进家庭、进社区实践活动。'],
  ['“文化示范、文明家园”百姓文化节', '举办群众性文化活动，丰富市民精神文化生活，提升市民文明素质。'],
  ['“美化家园、扮靓示范”美化环境日', '以“城市清洁日”为抓手开展环境专项整治和全民大扫除，清洁城市、美化家园。'],
  ['“崇尚科学、健康生活”科普月', '开展科普宣传进社区、进学校，倡导健康文明的生活方式。'],
  ['“诚实守信、真情服务”优质服务日', '窗口单位开展优质服务活动，提升政务诚信和服务水平。'],
  ['“身边的好人”评选活动', '推荐评选身边好人，宣传先进典型，形成见贤思齐、崇德向善的社会风尚。'],
];
/** Which of the eight themes the campaign's six months take. */
export const THEME_ORDER = [0, 1, 2, 3, 4, 7];

/** The concentrated publicity day: the six places of the Zaoqiang plan and the units sent to each. */
export const PUBLICITY_PLACES: [string, string[]][] = [
  ['康成小区', ['市城市管理局', '市民政局', '市卫生健康委员会']],
  ['休闲广场', ['市文化广电和旅游局', '团市委', '市体育中心']],
  ['火车站广场', ['市交通运输局', '市公安局交警支队', '市火车站管理处']],
  ['帝景城南门口', ['市住房和城乡建设局', '市市场监督管理局', '市自来水公司']],
  ['老十字街东', ['市商务局', '市生态环境局', '市总工会']],
  ['福瑞祥小区门口', ['市自然资源和规划局', '市水利局', '市科协']],
];
const CLEANUP_UNITS = [
  '市城市管理局',
  '市环境卫生管理处',
  '市园林绿化中心',
  '市住房和城乡建设局',
  '市委市直机关工委',
  '团市委',
  '市公交集团',
  '东城区人民政府',
  '西城区人民政府',
  '南湖区人民政府',
];
/** Units along the main roads (三包三化). */
export const ROADSIDE_UNITS = [
  '市城市管理局',
  '市住房和城乡建设局',
  '市公安局交警支队',
  '市公交集团',
  '市自来水公司',
  '国网示范供电公司',
  '市邮政分公司',
  '中国移动示范分公司',
  '市人民医院',
  '市火车站管理处',
  '市长途汽车站',
  '市农贸市场服务中心',
];

export const RETURN_REASONS = [
  '上传照片未能体现活动现场，请补充清晰的现场照片',
  '报送内容过于简单，请补充活动时间、地点和参与人员',
  '缺少佐证材料，请按任务要求上传',
  '报送数据与台帐不一致，请核实后重新报送',
  '报送内容与本期任务要求不符，请按标准重新报送',
];
export const ACCEPT_NOTES = [null, null, null, '材料齐全，同意通过', '已审核，符合要求'];

/** When a task falls due, in days (UTC day numbers of the city's calendar dates). */
export type Schedule =
  { kind: 'once'; due: number } | { kind: Exclude<RecurrenceKind, 'once'>; from: number; until: number; day: number };

/** One row of the ledger as the office enters it: a bulk assignment to its lead units. */
export interface TaskSpec {
  activity: number | null;
  clause: string;
  content: string;
  standard: string;
  leads: string[];
  cooperating?: string[];
  schedule: Schedule;
  /** Day the office created the batch. */
  createdOn: number;
  /** No report before this day (the day of the event reported on). */
  reportFrom?: number;
  photos?: number;
  files?: number;
  metric?: { name: string; unit: string; min: number; max: number };
  weight: number;
  note?: string;
  /** Report texts: {unit} {community} {place} {label} {n} (the metric value) are filled in. */
  bodies: string[];
  /** Labels of the photos its reports carry. */
  photoLabels?: string[];
  /** The file its reports carry. */
  file?: 'plan' | 'minutes';
  /** The event its reports name as evidence (every lead's, or only `unit`'s). */
  event?: { key: EventKey; unit?: string };
}

export type EventKey = 'meeting' | 'publicity' | 'cleanup1' | 'cleanup2';

/** The demo photos units and the office attach (colour and the label printed on them). */
export const PHOTOS = [
  { r: 150, g: 60, b: 55, label: '社区报到' },
  { r: 60, g: 120, b: 150, label: '志愿服务' },
  { r: 120, g: 90, b: 140, label: '四方座谈会' },
  { r: 170, g: 110, b: 50, label: '集中宣传' },
  { r: 70, g: 150, b: 80, label: '城市清洁日' },
  { r: 100, g: 100, b: 160, label: '宣传横幅' },
];

/** The ledger of the campaign: what the office assigned to whom, when, with what evidence. */
export function taskSpecs(p: {
  start: number;
  end: number;
  today: number;
  createdOn: number;
  eventDay: Record<EventKey, number>;
  units: { namesOf: (...types: string[]) => string[]; all: string[] };
}): TaskSpec[] {
  const { start, end, createdOn, eventDay } = p;
  const agencies = p.units.namesOf('party_government', 'agency');
  const offices = p.units.namesOf('district_office');
  const districts = offices.filter((n) => n.endsWith('区人民政府'));
  const schools = p.units.namesOf('school');
  const media = ['示范日报社', '示范广播电视台'];
  const monthly = (day: number) => ({ kind: 'monthly' as const, from: start, until: end, day });
  const quarterly = { kind: 'quarterly' as const, from: start, until: end, day: 31 };
  const endOfFirstMonth =
    Date.UTC(new Date(start * DAY).getUTCFullYear(), new Date(start * DAY).getUTCMonth() + 1, 0) / DAY;
  return [
    {
      activity: null,
      clause: '五、2',
      content: '制定本单位活动实施方案和分包社区创建方案，细化分解任务，建立工作台帐',
      standard: '方案经单位党组（党委）会议研究通过；任务分解到科室、责任到人，明确完成时限；上传方案文本',
      leads: p.units.all,
      schedule: { kind: 'once', due: endOfFirstMonth },
      createdOn,
      files: 1,
      file: 'plan',
      weight: 2,
      bodies: [
        '已制定《{unit}“四创联万家，共建幸福城”活动实施方案》，成立由主要负责同志任组长的工作专班，细化分解任务，建立工作台帐，明确责任人和完成时限。',
        '经党组会议研究，印发本单位活动实施方案和{community}分包创建方案，任务分解到科室、责任到人，工作台帐已建立。',
      ],
    },
    {
      activity: 0,
      clause: '四、1',
      content: '组织党员干部下班后到居住社区报到，每周带领家庭成员开展“五个一”活动',
      standard:
        '每周参加一次社区环境卫生整治、参与一次社区志愿服务、开展一次文明公约宣传、倡导一次垃圾分类实践、进行一次不文明行为劝导；报送参与人数和现场照片',
      leads: agencies,
      schedule: { kind: 'weekly', from: start, until: end, day: 5 },
      createdOn,
      photos: 2,
      photoLabels: ['社区报到', '志愿服务'],
      metric: { name: '参与党员', unit: '人', min: 12, max: 68 },
      weight: 1,
      note: '每周五前报送本周情况',
      bodies: [
        '{label}组织{n}名党员干部下班后到居住社区报到，带领家庭成员参加社区环境卫生整治和志愿服务，开展文明公约宣传、垃圾分类实践和不文明行为劝导。',
        '本周{n}名党员到社区报到，参与{community}楼院卫生整治和垃圾分类宣传，劝导乱停车、乱扔垃圾等不文明行为。',
        '本周共{n}名党员干部携家属参加社区“五个一”活动，清理楼道杂物、张贴文明公约，入户开展垃圾分类宣传。',
      ],
    },
    {
      activity: null,
      clause: '五、3',
      content: '报送参与创建的好做法、好经验和先进典型',
      standard: '每月25日前报送信息不少于2条，内容真实、事例具体',
      leads: agencies,
      schedule: monthly(25),
      createdOn,
      metric: { name: '报送信息', unit: '条', min: 2, max: 6 },
      weight: 1,
      bodies: [
        '本月报送好做法、好经验信息{n}条，其中“支部联支部，党员进社区”经验做法被市创城办简报采用。',
        '本月报送信息{n}条，重点反映党员干部带领家庭成员参与创建的典型事例。',
      ],
    },
    {
      activity: 1,
      clause: '四、2',
      content: '召开分包联建机关支部、社区支部、物业公司和业主委员会“四方”参与的服务“四城联创”座谈会',
      standard: '“四方”代表均参加；形成会议纪要和共建事项清单；上传现场照片和会议纪要',
      leads: agencies,
      schedule: { kind: 'once', due: start + 45 },
      createdOn,
      photos: 1,
      files: 1,
      photoLabels: ['四方座谈会'],
      file: 'minutes',
      metric: { name: '参会人数', unit: '人', min: 14, max: 32 },
      weight: 3,
      event: { key: 'meeting', unit: '市城市管理局' },
      bodies: [
        '在{community}党群服务中心召开“四方”座谈会，分包联建机关支部、社区支部、物业公司和业主委员会代表共{n}人参加，收集服务创建“金点子”，形成共建事项清单。',
        '组织机关支部与{community}支部、物业公司、业主委员会召开座谈会，{n}人参会，议定楼院环境整治、停车秩序等共建事项。',
      ],
    },
    {
      activity: 1,
      clause: '四、2',
      content: '开展服务创建“金点子”收集和评选活动',
      standard: '收集“金点子”不少于10条，推荐优秀建议参加全市评选',
      leads: ['市委市直机关工委', ...offices.filter((n) => !districts.includes(n))],
      schedule: { kind: 'once', due: start + 70 },
      createdOn,
      metric: { name: '收集金点子', unit: '条', min: 10, max: 45 },
      weight: 2,
      bodies: ['共收集服务创建“金点子”{n}条，已梳理归类，推荐优秀建议参加全市评选。'],
    },
    {
      activity: 1,
      clause: '四、2',
      content: '沿主次干道单位推进“三包三化”（包卫生、包环境、包管理，绿化、美化、亮化）提质增效',
      standard: '门前责任区无暴露垃圾、无乱贴乱画、无占道经营；绿化、美化、亮化设施完好；每月上传整治前后照片',
      leads: ROADSIDE_UNITS,
      cooperating: ['市城市管理局'],
      schedule: monthly(20),
      createdOn,
      photos: 2,
      photoLabels: ['城市清洁日', '宣传横幅'],
      weight: 2,
      bodies: [
        '本月落实门前“三包”责任，组织职工对责任区路段开展卫生清扫，补植绿化带，维修亮化设施，门前环境整洁有序。',
        '对单位门前及沿街责任区开展“三包三化”提质行动，清理乱贴乱画，规范非机动车停放，更换破损灯具。',
      ],
    },
    ...(
      [
        ['市交通运输局', '开展“文明交通”活动，组织文明交通志愿者在重点路口开展劝导', '劝导人次', '人次', 800, 3000],
        [
          '市文化广电和旅游局',
          '开展“文明旅游”活动，在景区和旅行社开展文明旅游宣传引导',
          '发放宣传资料',
          '份',
          2000,
          8000,
        ],
        ['市市场监督管理局', '开展“文明餐桌”活动，倡导“光盘行动”和公筷公勺', '覆盖餐饮单位', '家', 150, 600],
        ['市委宣传部', '开展“文明网络传播”活动，组织网络文明志愿者传播创建正能量', '发布信息', '条', 120, 500],
        ['市卫生健康委员会', '开展“文明服务”活动，医疗窗口推行微笑服务、一站式服务', '覆盖窗口', '个', 40, 160],
      ] as const
    ).map(([lead, content, metric, metricUnit, min, max]): TaskSpec => ({
      activity: 1,
      clause: '四、2',
      content,
      standard: '每季度末报送活动开展情况和数据，附现场照片',
      leads: [lead],
      schedule: quarterly,
      createdOn,
      photos: 1,
      photoLabels: ['志愿服务'],
      metric: { name: metric, unit: metricUnit, min, max },
      weight: 2,
      bodies: [`本季度${content.replace(/^开展/, '开展了')}，${metric}{n}${metricUnit}，相关图片资料已上传。`],
    })),
    {
      activity: 1,
      clause: '四、2',
      content: '结合帮扶分包老旧楼院开展文明楼院创建',
      standard: '楼道无堆积物、车辆有序停放、环境整洁；每季度报送整治楼院数量和照片',
      leads: offices,
      schedule: quarterly,
      createdOn,
      photos: 1,
      photoLabels: ['社区报到'],
      metric: { name: '整治楼院', unit: '个', min: 3, max: 18 },
      weight: 2,
      bodies: ['本季度帮扶分包老旧楼院{n}个，清理楼道堆积物、规范车辆停放、修补破损路面，文明楼院创建取得实效。'],
    },
    {
      activity: 2,
      clause: '四、3',
      content: '以“妇女之家”为平台开展寻找“最美家庭”活动',
      standard: '开展议家风、谈家规、讲家庭清廉故事、晒家庭幸福生活活动；推荐“最美家庭”并审核事迹材料',
      leads: ['市妇联'],
      cooperating: districts,
      schedule: { kind: 'once', due: start + 100 },
      createdOn,
      photos: 1,
      photoLabels: ['志愿服务'],
      metric: { name: '推荐最美家庭', unit: '户', min: 60, max: 120 },
      weight: 3,
      bodies: [
        '依托“妇女之家”开展议家风、谈家规、讲家庭清廉故事、晒家庭幸福生活活动，全市推荐“最美家庭”{n}户，已完成事迹材料审核。',
      ],
    },
    {
      activity: 2,
      clause: '四、3',
      content: '“妇女之家”开展家风家训宣讲，发动妇女群众“争做文明妈妈”',
      standard: '每月开展活动不少于一次，报送参与家庭户数',
      leads: ['市妇联'],
      schedule: monthly(26),
      createdOn,
      metric: { name: '参与家庭', unit: '户', min: 300, max: 1200 },
      weight: 1,
      bodies: ['本月各级“妇女之家”开展家风家训宣讲活动，{n}户家庭参与，发动妇女群众“争做文明妈妈”。'],
    },
    {
      activity: 2,
      clause: '四、3',
      content: '按照“家和、院净、人美”的标准命名表彰“美丽庭院”示范户和示范村',
      standard: '每个县市区命名表彰100个“美丽庭院”示范户和10个“美丽庭院”示范村',
      leads: districts,
      cooperating: ['市妇联'],
      schedule: { kind: 'once', due: end - 10 },
      createdOn,
      photos: 2,
      photoLabels: ['城市清洁日', '志愿服务'],
      metric: { name: '命名示范户', unit: '户', min: 100, max: 110 },
      weight: 3,
      bodies: ['已按照“家和、院净、人美”的标准命名“美丽庭院”示范户{n}户、示范村10个，名单已公示。'],
    },
    {
      activity: 3,
      clause: '四、4',
      content: '对学生假期服务“四城联创”活动进行统一安排部署',
      standard: '印发部署通知，明确各校组织要求和报送时间',
      leads: ['市教育局'],
      schedule: { kind: 'once', due: start + 10 },
      createdOn,
      weight: 1,
      bodies: ['已印发通知，对学生假期服务“四城联创”志愿服务活动作出统一安排部署，明确各校组织要求。'],
    },
    {
      activity: 3,
      clause: '四、4',
      content: '印发“我为四城联创添光彩—致学生家长的一封信”',
      standard: '覆盖全市中小学校，鼓励学生与家长共同参与“四城联创”志愿服务活动',
      leads: ['市教育局'],
      schedule: { kind: 'once', due: start + 14 },
      createdOn,
      metric: { name: '印发', unit: '份', min: 60000, max: 90000 },
      weight: 1,
      bodies: ['已印发“我为四城联创添光彩—致学生家长的一封信”{n}份，下发至全市中小学校。'],
    },
    {
      activity: 3,
      clause: '四、4',
      content: '向学生家长发放“致学生家长的一封信”并收回回执',
      standard: '每名学生家庭一份，回执收回率不低于95%',
      leads: schools,
      cooperating: ['市教育局'],
      schedule: { kind: 'once', due: start + 21 },
      createdOn,
      metric: { name: '发放', unit: '份', min: 800, max: 3500 },
      weight: 1,
      bodies: ['已通过各班级向学生家长发放“致学生家长的一封信”{n}份，回执已全部收回。'],
    },
    {
      activity: 3,
      clause: '四、4',
      content: '开展“小手拉大手，共创幸福城”网上班会和征文活动',
      standard: '每个班级召开一次网上主题班会；每校报送征文不少于20篇；附班会照片',
      leads: schools,
      schedule: { kind: 'once', due: start + 45 },
      createdOn,
      photos: 1,
      photoLabels: ['志愿服务'],
      metric: { name: '参与学生', unit: '人', min: 600, max: 3000 },
      weight: 2,
      bodies: ['各班召开“小手拉大手，共创幸福城”网上主题班会，{n}名学生参加，已报送征文作品。'],
    },
    {
      activity: 3,
      clause: '四、4',
      content: '汇总评选“小手拉大手，共创幸福城”征文作品',
      standard: '组织评选并公布获奖名单',
      leads: ['市教育局'],
      schedule: { kind: 'once', due: start + 60 },
      createdOn,
      metric: { name: '收到征文', unit: '篇', min: 300, max: 900 },
      weight: 2,
      bodies: ['组织“小手拉大手，共创幸福城”征文评选，共收到征文{n}篇，已评出一、二、三等奖并公布获奖名单。'],
    },
    {
      activity: 4,
      clause: '四、5',
      content: '开辟“四城联创大家说”栏目',
      standard: '在报纸（广播电视）和网站同步开设栏目，固定版面（时段）',
      leads: media,
      cooperating: ['市委宣传部'],
      schedule: { kind: 'once', due: start + 10 },
      createdOn,
      weight: 2,
      bodies: ['已开辟“四城联创大家说”专栏，首期刊播市民参与创建的好事迹、好建议。'],
    },
    {
      activity: 4,
      clause: '四、5',
      content: '“四城联创大家说”栏目刊播市民参与创建的好事迹、好建议',
      standard: '每月刊播稿件不少于8篇',
      leads: media,
      schedule: monthly(28),
      createdOn,
      metric: { name: '刊播稿件', unit: '篇', min: 8, max: 20 },
      weight: 1,
      bodies: ['本月“四城联创大家说”栏目刊播稿件{n}篇，集中宣传市民参与创建的好事迹、好建议。'],
    },
    {
      activity: 4,
      clause: '四、5',
      content: '“反光镜”栏目曝光创建工作中存在的问题和不足',
      standard: '每月曝光问题不少于5条，曝光问题转市创城办交办整改',
      leads: media,
      cooperating: ['市文明办'],
      schedule: monthly(28),
      createdOn,
      metric: { name: '曝光问题', unit: '条', min: 5, max: 15 },
      weight: 1,
      bodies: ['本月“反光镜”栏目曝光创建工作中存在的问题{n}条，已全部转市创城办交办整改。'],
    },
    {
      activity: 0,
      clause: '四、1',
      content: '对“单位下班，社区报到”活动中表现优秀的党组织和党员进行表彰激励',
      standard: '印发表彰通报',
      leads: ['市委市直机关工委'],
      schedule: { kind: 'once', due: end - 5 },
      createdOn,
      weight: 2,
      bodies: ['已印发表彰通报，对表现优秀的党组织和党员进行表彰。'],
    },
    {
      activity: null,
      clause: '四、2',
      content: '按指定点位派员参加创建文明城市集中宣传日活动，发放明白纸、倡议书和《示范文明市民手册》',
      standard: '每个点位不少于5人，设置宣传台、悬挂横幅；活动后3日内报送发放数量和现场照片',
      leads: PUBLICITY_PLACES.flatMap(([, us]) => us),
      cooperating: ['市文明办'],
      schedule: { kind: 'once', due: eventDay.publicity + 3 },
      createdOn: eventDay.publicity - 10,
      reportFrom: eventDay.publicity,
      photos: 2,
      photoLabels: ['集中宣传', '宣传横幅'],
      metric: { name: '发放宣传资料', unit: '份', min: 600, max: 2500 },
      weight: 2,
      event: { key: 'publicity' },
      bodies: [
        '按要求派员到{place}参加集中宣传活动，悬挂横幅2条，发放明白纸、倡议书和《示范文明市民手册》{n}份，现场解答群众咨询。',
        '在{place}设置宣传台，发放宣传资料{n}份，组织志愿者开展文明劝导。',
      ],
    },
    ...(['cleanup1', 'cleanup2'] as const).map((key): TaskSpec => ({
      activity: null,
      clause: '四、2',
      content: '组织干部职工参加“城市清洁日”活动，清理责任区暴露垃圾、清除非法小广告',
      standard: '责任区无暴露垃圾、无非法小广告，公共设施清洗干净；活动后3日内报送参与人数和照片',
      leads: CLEANUP_UNITS,
      cooperating: ['市城市管理局'],
      schedule: { kind: 'once', due: eventDay[key] + 3 },
      createdOn: Math.min(eventDay[key] - 7, p.today - 1),
      reportFrom: eventDay[key],
      photos: 1,
      photoLabels: ['城市清洁日'],
      metric: { name: '参与人数', unit: '人', min: 30, max: 260 },
      weight: 1,
      event: { key },
      bodies: ['组织{n}名干部职工参加“城市清洁日”活动，清理责任区暴露垃圾，清除非法小广告，清洗栏杆、灯杆等公共设施。'],
    })),
  ];
}
