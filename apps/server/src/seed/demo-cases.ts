// Demo cases of 示范市: ~2,000 problems reported in the six months before the seed, over every
// status, source and leaf category, each with the whole log of its lifecycle (report, check,
// register, dispatch, accept, extension, reminder, escalation, handle, rework, verify, close …),
// its reporter, photos, the public board, the demo `unit` account's notifications and the SMS of
// reminders and escalations. Deadlines come from the working calendar exactly as the app computes
// them, so the metrics (on time, rework, extension, escalation) read as they would in real use.
// The lifecycle is planned in memory with the seed's PRNG; every insert is set-based. Cases of the
// source 'inspection' come from the inspections seed (demo-inspections.ts), which plans and writes
// its cases with the same planner (`createLifePlanner`) and writer (`writeDemoCases`).

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import sharp from 'sharp';
import { caseCode, type CaseSource, type CaseStatus, type LimitUnitName } from '@cc/common/cases';
import { seedDefaultCategories } from '../modules/cases/index.js';
import {
  computeDeadline,
  createCalendar,
  DEFAULT_PERIODS,
  isWorkingDate,
  type TimeLimit,
  type WorkingCalendar,
} from '../platform/calendar.js';
import { CN_HOLIDAYS } from '../platform/calendar-cn.js';
import type { Config } from '../platform/config.js';
import type { Executor } from '../platform/db.js';
import { storeFile } from '../platform/files.js';
import { t } from '../platform/i18n.js';

export interface DemoCasesContext {
  cityId: number;
  cityName: string;
  config: Config;
  /** The seed time: cases are spread over the six months before it. */
  now: Date;
  rand: () => number;
  /** Unit ids by name. */
  units: ReadonlyMap<string, number>;
  communities: {
    id: number;
    name: string;
    street: string;
    district: string;
    districtId: number;
    /** The unit paired with the community this year (area-first routing). */
    pairedUnitId: number;
    /** The street office (办事处) of the community's street. */
    streetOfficeId: number;
  }[];
  /** Grids with the centre and half side (degrees) of their square polygon. */
  grids: { id: number; communityId: number; centre: { lng: number; lat: number }; half: number }[];
  /** The demo accounts with their scope. */
  users: { id: number; username: string; displayName: string; regionId: number | null; unitId: number | null }[];
}

export interface DemoCasesResult {
  cases: number;
  logs: number;
  photos: number;
}

const CASE_COUNT = 2000;
/** Milliseconds, and the city's offset from UTC (the seeds place times on its wall clock). */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const CHINA = 8 * HOUR;

/** Target shares of the statuses (the rest is closed). */
const STATUS_SHARES: [CaseStatus, number][] = [
  ['dispatched', 0.045],
  ['accepted', 0.05],
  ['rework', 0.025],
  ['handled', 0.035],
  ['verified', 0.015],
  ['reported', 0.015],
  ['checked', 0.01],
  ['registered', 0.015],
  ['returned', 0.01],
  ['suspended', 0.03],
  ['voided', 0.03],
  ['merged', 0.02],
];

const SOURCE_WEIGHTS: [CaseSource, number][] = [
  ['inspector', 25],
  ['resident', 20],
  ['supervision', 12],
  ['hotline', 12],
  ['staff', 8],
  ['media', 4],
  ['canvass', 4],
  ['leader', 3],
];

/** Environment and street order are what campaigns find most. */
const TOP_WEIGHTS: Record<string, number> = {
  ENV: 24,
  STREET: 20,
  CITY: 13,
  FAC: 12,
  ESTATE: 10,
  ORDER: 6,
  PSA: 6,
  SITE: 5,
  MARKET: 4,
};
const LEAF_WEIGHTS: Record<string, number> = {
  'ENV.BIN': 2,
  'ENV.GARBAGE': 2,
  'ENV.ADS': 1.5,
  'STREET.OCCUPY': 2,
  'STREET.BIKE': 2,
  'STREET.VENDOR': 1.5,
};

/** The demo city's roads (the inspections seed lays its road network out with them). */
export const ROADS = [
  '人民路',
  '解放路',
  '建设大道',
  '文化路',
  '新华街',
  '滨河路',
  '南湖大道',
  '民主路',
  '朝阳路',
  '长江路',
  '黄河路',
  '和平路',
  '胜利街',
  '育才路',
  '光明路',
  '工业路',
];
export const MARKETS = ['中心农贸市场', '东城农贸市场', '西湖菜市场', '南湖农贸市场', '新华路菜市场', '滨河生鲜市场'];
export const PROJECTS = ['安置房项目', '商业综合体项目', '道路改造工程', '管网改造工程', '学校扩建项目'];
const STOPS = ['火车站广场', '人民公园', '市民广场', '长途汽车站', '南湖公园', '文化宫', '体育中心'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红玲芬燕彬鹏辉宇浩凯鑫晨阳婷雪琳颖倩慧佳欣怡';

/** Problem phrases of each leaf category. */
const PROBLEMS: Record<string, string[]> = {
  'ENV.GARBAGE': ['堆放大量生活垃圾和建筑垃圾，未及时清运', '存在卫生死角，积存垃圾杂物', '垃圾堆积，蚊蝇滋生'],
  'ENV.BIN': ['垃圾桶破损，垃圾满溢', '分类垃圾桶桶盖缺失，周边污渍明显', '垃圾桶满溢未及时清运，散发异味'],
  'ENV.ADS': ['墙面、电线杆上张贴大量小广告', '乱贴乱画，办证、开锁小广告较多', '公交站牌被喷涂小广告'],
  'ENV.WATER': ['污水井冒溢，路面大面积积水', '雨后积水严重，行人无法通行', '餐饮店污水直排路面'],
  'ENV.TOILET': ['公厕地面湿滑、异味重，缺少洗手液', '公厕蹲位堵塞，无人保洁', '公厕标识缺失、照明损坏'],
  'ENV.SORTING': ['垃圾混投混放，分类亭无人值守', '分类投放点未张贴分类指引', '厨余垃圾桶内混有大量其他垃圾'],
  'ORDER.QUEUE': ['售票窗口有人插队，无人劝导', '候车秩序混乱，无排队引导', '办事大厅排队拥挤，未设一米线'],
  'ORDER.NOISE': ['夜间商铺音响外放，噪声扰民', '广场舞音量过大，影响居民休息', '夜间施工噪声扰民'],
  'ORDER.BEGGING': ['有流浪人员露宿', '有人强讨强卖，纠缠行人', '有人沿街乞讨，影响市容'],
  'ORDER.UNCIVIL': ['有人随地吐痰、乱扔烟头', '行人闯红灯、翻越护栏现象较多', '遛狗不牵绳、不清理粪便'],
  'FAC.MANHOLE': ['井盖缺失', '雨水井盖破损下陷', '井盖松动，车辆经过异响'],
  'FAC.ROAD': ['人行道地砖松动、破损', '路面坑洼不平', '盲道砖缺损'],
  'FAC.LIGHT': ['路灯不亮，夜间照明不足', '路灯杆倾斜，灯罩脱落', '连续多盏路灯损坏'],
  'FAC.FITNESS': ['健身器材损坏', '健身器材锈蚀、螺丝松脱', '儿童滑梯破损'],
  'FAC.BARRIER_FREE': ['无障碍坡道被车辆占用', '盲道被占用、中断', '无障碍卫生间长期停用'],
  'FAC.SIGN': ['交通护栏倒伏', '交通标志牌被树枝遮挡', '隔离护栏破损缺失'],
  'PSA.MISSING': ['公益广告数量不足', '公益广告点位缺失', '缺少“讲文明 树新风”公益广告'],
  'PSA.DAMAGED': ['公益广告画面破损、褪色', '灯箱公益广告损坏不亮', '公益广告牌被遮挡'],
  'PSA.OUTDATED': ['宣传栏内容陈旧，仍为去年内容', '宣传栏长期未更新', '宣传橱窗玻璃破损、内容过期'],
  'PSA.VALUES': ['未设置社会主义核心价值观宣传内容', '核心价值观宣传牌字迹脱落', '核心价值观宣传位置不醒目'],
  'CITY.SIGNBOARD': ['店招店牌破损，存在坠落隐患', '店招字体缺损、夜间半亮', '店招店牌设置不规范'],
  'CITY.OUTDOOR_AD': ['违规设置户外广告牌', '楼顶广告牌未经审批', '占道设置落地广告牌'],
  'CITY.FACADE': ['建筑外立面瓷砖脱落，墙面脏污', '沿街建筑立面乱涂乱画', '外墙空调外机支架锈蚀'],
  'CITY.GREEN': ['绿化带黄土裸露', '行道树缺株、绿化带被踩踏损毁', '绿篱枯死未补植'],
  'CITY.DRYING': ['沿街晾晒衣物被褥', '在行道树间乱拉绳索晾晒', '临街阳台乱拉乱挂'],
  'STREET.OCCUPY': ['商户出店经营，占用人行道', '餐饮店占道摆放桌椅经营', '水果店货物摆出门外占道'],
  'STREET.VENDOR': ['流动摊贩聚集占道经营', '早餐摊点占用人行道', '三轮车流动售卖，影响通行'],
  'STREET.BIKE': ['共享单车乱停乱放，堵塞人行道', '电动车占用盲道停放', '非机动车停放区外大量乱停'],
  'STREET.CAR': ['机动车占用人行道违停', '机动车占用消防通道违停', '路口机动车乱停，影响通行'],
  'STREET.BUILD': ['临街商户私搭彩钢棚', '违规搭建围墙、棚屋', '占用公共空间搭建简易房'],
  'SITE.HOARDING': ['围挡破损、倒伏', '围挡不连续，存在缺口', '围挡高度不足、不规范'],
  'SITE.DUST': ['裸土未覆盖，扬尘较大', '出入口未冲洗，车辆带泥上路', '物料堆放未苫盖'],
  'SITE.SPILL': ['渣土车撒漏，路面污染', '渣土运输车未密闭，沿途撒漏', '车辆带泥上路，路面污染严重'],
  'SITE.PSA': ['围挡公益广告比例不足', '围挡公益广告破损褪色', '围挡公益广告内容过期'],
  'MARKET.HYGIENE': ['地面污水横流，异味重', '周边垃圾堆积', '水产区卫生差，苍蝇较多'],
  'MARKET.ZONING': ['未划行归市，摊位混乱', '门口占道摆卖', '经营户超出摊位摆放'],
  'MARKET.FACILITY': ['顶棚破损漏雨', '公平秤、公示牌等设施损坏', '排水沟堵塞'],
  'ESTATE.CORRIDOR': ['楼道堆放杂物，占用消防通道', '楼道内停放电动车充电', '楼道杂物堆积，存在火灾隐患'],
  'ESTATE.PARKING': ['车辆乱停，堵塞消防通道', '主干道两侧车辆乱停', '车辆占用绿地停放'],
  'ESTATE.GREEN': ['毁绿种菜', '公共绿地被圈占种菜', '绿地内私设菜园、堆放粪肥'],
  'ESTATE.PROPERTY': ['无物业管理，环境脏乱', '物业长期不清扫楼道', '门禁、监控损坏无人维修'],
};

/** Description frames of each top category: {place} / {site} / {community} and the {problem}. */
const FRAMES: Record<string, string[]> = {
  ENV: ['{place}{problem}', '{place}{problem}，请尽快处理', '群众反映：{place}{problem}，影响市容环境'],
  ORDER: ['{place}{problem}', '{place}{problem}，希望加强管理', '巡查发现{place}{problem}'],
  FAC: ['{place}{problem}', '{place}{problem}，存在安全隐患，请尽快维修', '{place}{problem}，影响群众出行'],
  PSA: ['{place}{problem}', '{place}{problem}，不符合测评要求', '测评点位{place}{problem}'],
  CITY: ['{place}{problem}', '{place}{problem}，影响街容街貌', '{place}{problem}，请督促整改'],
  STREET: ['{place}{problem}', '{place}{problem}，影响行人通行', '早晚高峰{place}{problem}，反复出现'],
  SITE: ['{site}{problem}', '{site}{problem}，请督促施工单位整改', '{place}附近{site}{problem}'],
  MARKET: ['{site}{problem}', '{site}{problem}，不符合测评标准', '群众反映{site}{problem}'],
  ESTATE: [
    '{community}{building}号楼{problem}',
    '{community}{building}号楼{problem}，居民意见较大',
    '{community}内{problem}',
  ],
};

/** What the unit writes when it reports the problem fixed. */
const FIXES: Record<string, string[]> = {
  ENV: ['已安排环卫人员清理完毕，现场整洁', '已清运并更换新垃圾桶，安排专人每日巡查', '已清理完毕，并纳入日常保洁范围'],
  ORDER: ['已现场劝导并加强巡查', '已联合社区和派出所开展整治，秩序恢复正常', '已设置提示牌并安排志愿者劝导'],
  FAC: ['已完成维修，恢复正常使用', '已更换新设施并设置警示标志', '已组织专业队伍修复，经检查合格'],
  PSA: ['已补设公益广告', '已更换新画面，内容符合要求', '已更新宣传内容并安排专人维护'],
  CITY: ['已督促商户整改到位', '已拆除并恢复原状', '已补植绿化、清洗立面，现场整洁'],
  STREET: ['已劝离并清理现场，加强巡查防止反弹', '已规范停放并施划停车线', '已依法拆除，恢复通行'],
  SITE: ['已督促施工单位整改到位', '已完成苫盖并安装喷淋设施', '已清扫路面，对运输单位依法处罚'],
  MARKET: ['已组织市场开展卫生大扫除', '已划行归市，清理占道摊位', '已维修完毕，恢复正常使用'],
  ESTATE: ['已联系物业清理完毕', '已组织居民清理，恢复绿地', '已协调物业加强管理，现场整改到位'],
};

/** Owner units of owner-first categories (facilities, ads, sites, markets). */
const OWNERS: Record<string, string[]> = {
  'FAC.MANHOLE': ['市城市管理局', '市自来水公司', '国网示范供电公司', '中国移动示范分公司'],
  'FAC.ROAD': ['市住房和城乡建设局', '市城市管理局'],
  'FAC.LIGHT': ['市城市管理局'],
  'FAC.FITNESS': ['市体育中心', '市园林绿化中心'],
  'FAC.BARRIER_FREE': ['市住房和城乡建设局', '市民政局'],
  'FAC.SIGN': ['市公安局交警支队', '市交通运输局'],
  'PSA.MISSING': ['市委宣传部', '市文明办', '市公交集团'],
  'PSA.DAMAGED': ['市委宣传部', '市文明办', '市公交集团'],
  'PSA.OUTDATED': ['市文明办', '市委宣传部'],
  'PSA.VALUES': ['市委宣传部', '市文明办'],
  'SITE.HOARDING': ['市住房和城乡建设局'],
  'SITE.DUST': ['市住房和城乡建设局', '市生态环境局'],
  'SITE.SPILL': ['市城市管理局', '市交通运输局'],
  'SITE.PSA': ['市住房和城乡建设局'],
  'MARKET.HYGIENE': ['市农贸市场服务中心', '市市场监督管理局'],
  'MARKET.ZONING': ['市农贸市场服务中心', '市市场监督管理局'],
  'MARKET.FACILITY': ['市农贸市场服务中心'],
};

/** Units the office sometimes dispatches area-first problems to instead of the paired unit. */
const SPECIALISTS: Record<string, string[]> = {
  ENV: ['市环境卫生管理处', '市城市管理局'],
  ORDER: ['市公安局', '市文明办'],
  CITY: ['市城市管理局', '市园林绿化中心'],
  STREET: ['市城市管理局', '市城市管理局', '市公安局交警支队'],
  ESTATE: ['市住房和城乡建设局'],
};

const NOTES = {
  check: ['经核查，问题属实', '现场核实属实', '已电话核实，情况属实', null],
  register: ['同意立案', '符合立案条件，予以立案', null, null],
  dispatch: ['请按期处置并上传整改照片', '请尽快处置', null, null],
  accept: [null, '已签收，立即安排处置', '收到，马上落实'],
  verify: ['经现场核实，已整改到位', '复核合格', '整改到位，同意结案'],
  rework: ['整改不彻底，现场仍有问题', '整改照片与现场不符，请重新整改', '问题反弹，请彻底整改'],
  close: [null, '结案', '整改到位，予以结案'],
  extension: ['需协调多个部门联合处置，申请延期', '涉及设施采购，需要一定周期', '受天气影响无法施工，申请延期'],
  approve: [null, '同意延期，请在新期限内完成'],
  refuse: ['延期理由不充分，请按原期限完成', '问题简单，不同意延期'],
  return: ['该点位不属于我单位包联范围，请重新派遣', '经核实该设施权属为其他单位，申请退回'],
  suspend: ['涉及产权纠纷，待相关部门认定后处置', '需纳入年度改造计划统一实施', '涉及多部门职责交叉，暂缓办理'],
  void: ['经核查，问题不属实', '现场已无此问题，予以作废', '不属于创城问题范围'],
  merge: ['与已有案件重复，合并办理', null],
};

export interface Leaf {
  id: number;
  code: string;
  top: string;
  name: string;
  ownerRule: string;
  limit: TimeLimit;
  verifyLimit: TimeLimit;
  /** Wall-clock length of the limit when started now (to place cases around their deadline). */
  span: number;
}

export type Who = 'reporter' | 'office' | 'unit' | 'verifier' | 'system';

export interface Step {
  at: number;
  who: Who;
  action: string;
  from: CaseStatus | null;
  to: CaseStatus | null;
  note?: string | null;
  /** Deadline the step set or refers to (dispatch, rework, extension, reminder, escalation). */
  deadline?: number | null;
  count?: number;
  photo?: 'before' | 'after';
  data?: Record<string, unknown>;
}

interface Extension {
  requestedAt: number;
  reason: string;
  requestedDeadline: number;
  status: 'pending' | 'approved' | 'refused';
  decidedAt: number | null;
  note: string | null;
}

/** The lifecycle of one case: its timestamps, counters and log, before it has an id. */
export interface Life {
  status: CaseStatus;
  reportedAt: number;
  registeredAt: number | null;
  dispatchedAt: number | null;
  acceptedAt: number | null;
  handledAt: number | null;
  verifiedAt: number | null;
  closedAt: number | null;
  deadlineAt: number | null;
  originalDeadlineAt: number | null;
  verifyDeadlineAt: number | null;
  suspendedAt: number | null;
  suspendedFrom: CaseStatus | null;
  remindedAt: number | null;
  escalatedAt: number | null;
  closedOnTime: boolean | null;
  extensionPending: boolean;
  extensionCount: number;
  reworkCount: number;
  returnCount: number;
  escalationCount: number;
  steps: Step[];
  extensions: Extension[];
}

export interface Reporter {
  userId: number | null;
  name: string | null;
  phone: string | null;
  /** Who the report log names (the signed-in reporter or the staff who typed it in). */
  actorId: number | null;
  actorName: string;
}

/** A case to write: its lifecycle, what and where, who reported it and who works it. */
export interface Plan extends Life {
  leaf: Leaf;
  source: CaseSource;
  communityIndex: number;
  gridId: number;
  lng: number;
  lat: number;
  description: string;
  address: string;
  siteName: string | null;
  sourceRef: string | null;
  ownerUnitId: number | null;
  /** The unit answering for the place (a site's 包保单位), routed to first. */
  responsibleUnitId: number | null;
  suggestedUnitId: number | null;
  unitId: number | null;
  /** The intake's idempotency key (another module's filing), if any. */
  idempotencyKey: string | null;
  reporter: Reporter | null;
  token: string | null;
  beforePhoto: number | null;
  isPublic: boolean;
  mergedInto: Plan | null;
  duplicateScore: number | null;
  /** Cases merged into this one (their reporters join this case). */
  mergedFrom: Plan[];
}

/** The random helpers of the seed, over its one PRNG (so the demo city is the same everywhere). */
export function randomHelpers(rand: () => number) {
  const between = (a: number, b: number) => a + rand() * (b - a);
  const chance = (p: number) => rand() < p;
  /** A whole number from `min` to `max`, both included. */
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let x = rand() * total;
    for (const item of items) {
      x -= weight(item);
      if (x < 0) return item;
    }
    return items[items.length - 1];
  };
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { between, chance, int, pick, weighted, shuffle };
}

/** Names and mobile numbers of made-up people. */
export function peopleHelpers(rand: () => number) {
  const { chance, pick } = randomHelpers(rand);
  const personName = () => pick([...SURNAMES]) + pick([...GIVEN]) + (chance(0.6) ? pick([...GIVEN]) : '');
  const phone = () =>
    `1${pick(['35', '36', '38', '39', '50', '58', '86', '87'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
  return { personName, phone };
}

/** The city's working calendar as the seed plans with it (the default periods, UTC+8, holidays). */
export function demoCalendar(): WorkingCalendar {
  return createCalendar({ periods: DEFAULT_PERIODS, utcOffsetMinutes: 480, years: CN_HOLIDAYS });
}

/** The leaf categories of the city, with the wall-clock span of their limit when started at `now`. */
export async function loadLeaves(trx: Executor, cityId: number, now: Date, calendar: WorkingCalendar): Promise<Leaf[]> {
  const categories = await trx
    .selectFrom('case_categories')
    .select([
      'id',
      'parent_id',
      'code',
      'name',
      'owner_rule',
      'limit_unit',
      'limit_amount',
      'verify_limit_unit',
      'verify_limit_amount',
    ])
    .where('city_id', '=', cityId)
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .execute();
  return categories.map((c) => {
    const limit = { unit: c.limit_unit as LimitUnitName, amount: c.limit_amount };
    return {
      id: c.id,
      code: c.code,
      top: c.code.split('.')[0],
      name: c.name,
      ownerRule: c.owner_rule,
      limit,
      verifyLimit: {
        unit: (c.verify_limit_unit ?? 'working_days') as LimitUnitName,
        amount: c.verify_limit_amount ?? 2,
      },
      span: computeDeadline(now, limit, calendar).getTime() - now.getTime(),
    };
  });
}

/**
 * The steps of a case's lifecycle as the services and the scheduler would have taken them — the
 * intake, dispatch, the unit's work (sign-for, extensions, reminders, escalations, handling),
 * rework, verification and closing — placed in office hours of the working calendar with
 * deadlines as the app computes them. Shared by every seed that writes cases.
 */
export function createLifePlanner(rand: () => number, now: number, calendar: WorkingCalendar) {
  const { between, chance, pick } = randomHelpers(rand);
  /** Between `minFrom` and `minTo` minutes of working time after `at` (office work happens in office hours). */
  const office = officeClock(calendar);
  const work = (at: number, minFrom: number, minTo: number) => office(at, Math.round(between(minFrom, minTo)));
  const deadlineOf = (at: number, limit: TimeLimit) => computeDeadline(new Date(at), limit, calendar).getTime();
  /** Scheduler ticks run every minute. */
  const tick = () => Math.round(between(5, 60)) * 1000;

  const newLife = (status: CaseStatus, reportedAt: number): Life => ({
    status,
    reportedAt,
    registeredAt: null,
    dispatchedAt: null,
    acceptedAt: null,
    handledAt: null,
    verifiedAt: null,
    closedAt: null,
    deadlineAt: null,
    originalDeadlineAt: null,
    verifyDeadlineAt: null,
    suspendedAt: null,
    suspendedFrom: null,
    remindedAt: null,
    escalatedAt: null,
    closedOnTime: null,
    extensionPending: false,
    extensionCount: 0,
    reworkCount: 0,
    returnCount: 0,
    escalationCount: 0,
    steps: [],
    extensions: [],
  });

  /** Report, then check and register as far as `upTo`; answers the time of the last step. */
  const intake = (life: Life, upTo: 'reported' | 'checked' | 'registered'): number => {
    let at = life.reportedAt;
    life.steps.push({ at, who: 'reporter', action: 'report', from: null, to: 'reported' });
    if (upTo === 'reported') return at;
    at = work(at, 10, 240);
    life.steps.push({ at, who: 'office', action: 'check', from: 'reported', to: 'checked', note: pick(NOTES.check) });
    if (upTo === 'checked') return at;
    at = work(at, 5, 90);
    life.registeredAt = at;
    life.steps.push({
      at,
      who: 'office',
      action: 'register',
      from: 'checked',
      to: 'registered',
      note: pick(NOTES.register),
    });
    return at;
  };

  const dispatch = (life: Life, after: number, leaf: Leaf, from: CaseStatus = 'registered'): number => {
    const at = work(after, 5, 150);
    const deadline = deadlineOf(at, leaf.limit);
    Object.assign(life, {
      dispatchedAt: at,
      deadlineAt: deadline,
      originalDeadlineAt: deadline,
      acceptedAt: null,
      remindedAt: null,
      escalatedAt: null,
    });
    life.steps.push({
      at,
      who: 'office',
      action: 'dispatch',
      from,
      to: 'dispatched',
      note: pick(NOTES.dispatch),
      deadline,
    });
    return at;
  };

  /**
   * The unit works the case from `start` (dispatch or rework) against `life.deadlineAt`: it signs
   * for it (after a dispatch), may ask for more time, gets reminded and escalated by the scheduler
   * while it is late, and — when `finish` — reports it handled, on time or late.
   */
  const workPhase = (
    life: Life,
    leaf: Leaf,
    start: number,
    opts: { from: 'dispatched' | 'rework'; accept: boolean; finish: boolean; onTime: boolean; extensions: boolean },
  ): number => {
    const events: Step[] = [];
    const first = life.deadlineAt!;
    let deadline = first;
    let settled = start;
    // Dispatch, rework and an approved extension clear reminded_at: the scheduler may remind again.
    let remindFrom = start;
    if (opts.extensions) {
      const roll = rand();
      const requestedAt = start + (first - start) * between(0.3, 0.75);
      const decided = Math.min(work(requestedAt, 30, 300), requestedAt + (first - requestedAt) * 0.9);
      const requestedDeadline = deadlineOf(first, { unit: 'working_days', amount: Math.round(between(2, 5)) });
      const reason = pick(NOTES.extension);
      // Steps of a case still open all lie before now.
      const decidable = opts.finish || decided < now;
      const request: Step = {
        at: requestedAt,
        who: 'unit',
        action: 'request_extension',
        from: null,
        to: null,
        note: reason,
      };
      if (decidable && (roll < 0.07 || (!opts.finish && roll < 0.12))) {
        const note = pick(NOTES.approve);
        events.push(request, {
          at: decided,
          who: 'office',
          action: 'approve_extension',
          from: null,
          to: null,
          note,
          deadline: requestedDeadline,
        });
        life.extensions.push({ requestedAt, reason, requestedDeadline, status: 'approved', decidedAt: decided, note });
        life.extensionCount += 1;
        deadline = requestedDeadline;
        settled = decided;
        remindFrom = decided;
      } else if (decidable && (roll < 0.1 || (!opts.finish && roll < 0.14))) {
        const note = pick(NOTES.refuse);
        events.push(request, { at: decided, who: 'office', action: 'refuse_extension', from: null, to: null, note });
        life.extensions.push({ requestedAt, reason, requestedDeadline, status: 'refused', decidedAt: decided, note });
        settled = decided;
      } else if (!opts.finish && roll < 0.2 && requestedAt < now) {
        events.push(request);
        life.extensions.push({
          requestedAt,
          reason,
          requestedDeadline,
          status: 'pending',
          decidedAt: null,
          note: null,
        });
        life.extensionPending = true;
        settled = requestedAt;
      }
    }
    life.deadlineAt = deadline;
    let end = now;
    if (opts.finish) {
      end = opts.onTime
        ? start + (deadline - start) * between(0.15, 0.97)
        : deadline + (chance(0.6) ? between(0.5, 18) * HOUR : between(1, 6) * DAY);
      end = Math.max(end, settled + between(10, 120) * MINUTE);
    }
    if (opts.accept) {
      const at = start + Math.min(between(5, 180) * MINUTE, (Math.min(end, now) - start) * between(0.03, 0.25));
      life.acceptedAt = at;
      events.push({ at, who: 'unit', action: 'accept', from: null, to: null, note: pick(NOTES.accept) });
    }
    // The scheduler: one reminder when a fifth of the limit is left, escalations every day once late.
    const remindAt = Math.max(deadline - (deadline - life.dispatchedAt!) * 0.2, remindFrom) + tick();
    if (remindAt < deadline && remindAt < end) {
      life.remindedAt = remindAt;
      events.push({ at: remindAt, who: 'system', action: 'remind', from: null, to: null, deadline });
    }
    for (let at = deadline + tick(); at < end; at += DAY + tick()) {
      life.escalationCount += 1;
      life.escalatedAt = at;
      events.push({
        at,
        who: 'system',
        action: 'escalate',
        from: null,
        to: null,
        deadline,
        count: life.escalationCount,
      });
    }
    // Replay in time order to give every step the status it was taken in.
    let status: CaseStatus = opts.from;
    for (const e of events.sort((a, b) => a.at - b.at)) {
      e.from = status;
      if (e.action === 'accept') status = 'accepted';
      e.to = status;
      life.steps.push(e);
    }
    if (!opts.finish) {
      life.status = status;
      return now;
    }
    life.handledAt = end;
    life.steps.push({
      at: end,
      who: 'unit',
      action: 'handle',
      from: status,
      to: 'handled',
      note: pick(FIXES[leaf.top]),
      photo: 'after',
    });
    life.verifyDeadlineAt = deadlineOf(end, leaf.verifyLimit);
    return end;
  };

  const rework = (life: Life, leaf: Leaf, after: number): number => {
    const at = work(after, 60, 600);
    const deadline = deadlineOf(at, leaf.limit);
    Object.assign(life, { deadlineAt: deadline, verifyDeadlineAt: null, remindedAt: null, escalatedAt: null });
    life.reworkCount += 1;
    life.steps.push({
      at,
      who: 'verifier',
      action: 'rework',
      from: 'handled',
      to: 'rework',
      note: pick(NOTES.rework),
      deadline,
    });
    return at;
  };

  /** Dispatch → handled, with reworks; answers the time of the last handling. */
  const toHandled = (life: Life, leaf: Leaf, registeredAt: number, reworks: number): number => {
    const d = dispatch(life, registeredAt, leaf);
    let h = workPhase(life, leaf, d, {
      from: 'dispatched',
      accept: true,
      finish: true,
      onTime: chance(0.8),
      extensions: true,
    });
    for (let i = 0; i < reworks; i++) {
      const w = rework(life, leaf, h);
      h = workPhase(life, leaf, w, {
        from: 'rework',
        accept: false,
        finish: true,
        onTime: chance(0.8),
        extensions: false,
      });
    }
    return h;
  };

  const reworksOf = () => (chance(0.09) ? (chance(0.25) ? 2 : 1) : 0);

  const verify = (life: Life, after: number): number => {
    const at = work(after, 30, 900);
    life.verifiedAt = at;
    life.steps.push({
      at,
      who: 'verifier',
      action: 'verify',
      from: 'handled',
      to: 'verified',
      note: pick(NOTES.verify),
    });
    return at;
  };

  /** The office closes a verified case. */
  const close = (life: Life, after: number): number => {
    const at = work(after, 10, 300);
    life.closedAt = at;
    life.closedOnTime = life.handledAt! <= life.deadlineAt!;
    life.steps.push({
      at,
      who: 'office',
      action: 'close',
      from: 'verified',
      to: 'closed',
      note: pick(NOTES.close),
    });
    return at;
  };

  /**
   * One attempt at a lifecycle ending in `status`, reported at `r`; the office dispatches no
   * earlier than `dispatchFrom` (a batch sent out with a bulletin).
   */
  const live = (status: CaseStatus, leaf: Leaf, r: number, dispatchFrom = 0): Life => {
    const life = newLife(status, r);
    const registered = () => Math.max(intake(life, 'registered'), dispatchFrom);
    switch (status) {
      case 'reported':
      case 'checked':
      case 'registered':
        intake(life, status);
        break;
      case 'returned': {
        const d = dispatch(life, registered(), leaf);
        const at = work(d, 30, 480);
        Object.assign(life, { deadlineAt: null, remindedAt: null, escalatedAt: null, returnCount: 1 });
        life.steps.push({
          at,
          who: 'unit',
          action: 'return',
          from: 'dispatched',
          to: 'returned',
          note: pick(NOTES.return),
          data: { deadline: null },
        });
        break;
      }
      case 'dispatched':
      case 'accepted': {
        const d = dispatch(life, registered(), leaf);
        workPhase(life, leaf, d, {
          from: 'dispatched',
          accept: status === 'accepted',
          finish: false,
          onTime: true,
          extensions: true,
        });
        break;
      }
      case 'rework': {
        const h = toHandled(life, leaf, registered(), 0);
        const w = rework(life, leaf, h);
        workPhase(life, leaf, w, { from: 'rework', accept: false, finish: false, onTime: true, extensions: true });
        break;
      }
      case 'handled':
        toHandled(life, leaf, registered(), chance(0.1) ? 1 : 0);
        break;
      case 'verified':
        verify(life, toHandled(life, leaf, registered(), chance(0.1) ? 1 : 0));
        break;
      case 'closed':
        close(life, verify(life, toHandled(life, leaf, registered(), reworksOf())));
        break;
      case 'suspended': {
        const g = registered();
        let from: CaseStatus = 'registered';
        let after = g;
        if (chance(0.6)) {
          const d = dispatch(life, g, leaf);
          after = d;
          from = 'dispatched';
          if (chance(0.6)) {
            after = d + between(10, 240) * MINUTE;
            life.acceptedAt = after;
            life.steps.push({
              at: after,
              who: 'unit',
              action: 'accept',
              from,
              to: 'accepted',
              note: pick(NOTES.accept),
            });
            from = 'accepted';
          }
        }
        const at = life.deadlineAt
          ? after + Math.max(10 * MINUTE, (life.deadlineAt - after) * between(0.2, 0.8))
          : work(after, 60, 1500);
        Object.assign(life, { suspendedAt: at, suspendedFrom: from });
        life.steps.push({ at, who: 'office', action: 'suspend', from, to: 'suspended', note: pick(NOTES.suspend) });
        break;
      }
      case 'voided': {
        const from = pick(['reported', 'checked', 'registered'] as const);
        const at = work(intake(life, from), 30, 600);
        life.steps.push({ at, who: 'office', action: 'void', from, to: 'voided', note: pick(NOTES.void) });
        break;
      }
      case 'merged':
        throw new Error('merged cases are planned from their target');
    }
    return life;
  };

  return { work, deadlineOf, newLife, intake, dispatch, workPhase, rework, toHandled, reworksOf, verify, close, live };
}

export async function seedDemoCases(trx: Executor, ctx: DemoCasesContext): Promise<DemoCasesResult> {
  const { cityId, rand } = ctx;
  const now = ctx.now.getTime();
  const calendar = demoCalendar();

  // Configuration: the default category tree and the settings row (column defaults).
  await seedDefaultCategories(trx, cityId, ctx.now);
  await sql`INSERT INTO case_settings (city_id, updated_at) VALUES (${cityId}, ${ctx.now}) ON CONFLICT DO NOTHING`.execute(
    trx,
  );

  const leaves = (await loadLeaves(trx, cityId, ctx.now, calendar)).filter((l) => PROBLEMS[l.code]);
  const unitIdOf = (name: string) => {
    const id = ctx.units.get(name);
    if (id === undefined) throw new Error(`demo unit ${name} is missing`);
    return id;
  };
  const { user, inspector, unitAccount, focusUnit, officeOf } = demoActors(ctx);

  // Helpers over the PRNG and the calendar.
  const { between, chance, pick, weighted, shuffle } = randomHelpers(rand);
  const { personName, phone } = peopleHelpers(rand);
  const { work, newLife, intake, live } = createLifePlanner(rand, now, calendar);
  /** A time of day people report things: mostly office hours, some evenings. */
  const daytime = (at: number) => {
    const dayStart = Math.floor((at + CHINA) / DAY) * DAY - CHINA;
    const hour = weighted([7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21], (h) =>
      h >= 8 && h <= 11 ? 3 : h >= 14 && h <= 17 ? 3 : 1,
    );
    return dayStart + hour * HOUR + Math.floor(rand() * 60) * MINUTE;
  };

  // ------------------------------------------------------------------------------------------
  // Lifecycles
  // ------------------------------------------------------------------------------------------

  /** Where in the six months a case of this status starts, and what its lifecycle must satisfy. */
  const windowOf = (status: CaseStatus, leaf: Leaf, attempt: number): { r: number; ok: (life: Life) => boolean } => {
    const last = (life: Life) => life.steps[life.steps.length - 1].at;
    const settled = (life: Life) => last(life) < now - 5 * MINUTE;
    const recent = (days: number) => (life: Life) => settled(life) && last(life) > now - days * DAY;
    const back = (days: number) => daytime(now - days * DAY);
    switch (status) {
      case 'closed': {
        // A little more in recent months: the campaign picks up.
        const u = 1 - Math.pow(rand(), 1.15);
        return { r: back(Math.max(4 + attempt * 6, u * 182)), ok: settled };
      }
      case 'reported':
      case 'checked':
      case 'registered':
        return { r: now - between(0.3, 2.5) * DAY, ok: recent(3) };
      case 'returned':
        return { r: now - between(0.5, 4) * DAY, ok: recent(4) };
      case 'dispatched':
      case 'accepted':
      case 'rework': {
        // About 40% of the working cases are past their deadline.
        const overdue = chance(0.4);
        const rounds = status === 'rework' ? 2 : 1;
        const elapsed = overdue
          ? leaf.span * rounds + between(0.1, 1) * Math.max(leaf.span, 2 * DAY) + between(0.3, 1.5) * DAY
          : leaf.span * (rounds - 1 + between(0.1, 0.8)) + between(0.3, 1) * DAY;
        return { r: now - elapsed - attempt * 0.5 * DAY, ok: settled };
      }
      case 'handled':
      case 'verified':
        return {
          r: now - leaf.span * between(0.5, 1.2) - between(0.5, 2) * DAY - attempt * 0.5 * DAY,
          ok: recent(attempt > 6 ? 12 : 5),
        };
      case 'suspended':
        return { r: back(between(4, 120) + attempt * 3), ok: settled };
      case 'voided':
        return { r: back(between(1, 182)), ok: settled };
      case 'merged':
        throw new Error('merged cases are planned from their target');
    }
  };

  const lifeOf = (status: CaseStatus, leaf: Leaf): Life => {
    let fallback: Life | null = null;
    for (let attempt = 0; attempt < 20; attempt++) {
      const { r, ok } = windowOf(status, leaf, attempt);
      const life = live(status, leaf, Math.min(r, now - 10 * MINUTE));
      if (ok(life)) return life;
      if (life.steps[life.steps.length - 1].at < now) fallback ??= life;
    }
    return fallback ?? live('reported', leaf, now - HOUR);
  };

  // ------------------------------------------------------------------------------------------
  // Plans: what, where, who
  // ------------------------------------------------------------------------------------------

  const gridsOf = new Map<number, DemoCasesContext['grids']>();
  for (const g of ctx.grids) gridsOf.set(g.communityId, [...(gridsOf.get(g.communityId) ?? []), g]);

  const describeCase = (leaf: Leaf, communityIndex: number) => {
    const community = ctx.communities[communityIndex];
    const road = pick(ROADS);
    let road2 = pick(ROADS);
    while (road2 === road) road2 = pick(ROADS);
    const n = Math.floor(between(1, 300));
    const building = Math.floor(between(1, 30));
    const place =
      leaf.top === 'ORDER' && chance(0.4)
        ? pick(STOPS)
        : pick([`${road}与${road2}交叉口`, `${road}${n}号门前`, `${road}${n}号附近`, `${road}公交站台旁`]);
    const site = leaf.top === 'MARKET' ? pick(MARKETS) : leaf.top === 'SITE' ? `${road}${pick(PROJECTS)}工地` : null;
    const description = pick(FRAMES[leaf.top])
      .replace('{place}', place)
      .replace('{site}', site ?? '')
      .replace('{community}', community.name)
      .replace('{building}', String(building))
      .replace('{problem}', pick(PROBLEMS[leaf.code]));
    const address =
      leaf.top === 'ESTATE'
        ? `${community.district}${community.street}${community.name}${building}号楼`
        : site && leaf.top === 'MARKET'
          ? `${community.district}${road}${n}号${site}`
          : `${community.district}${community.street}${place}`;
    return { description, address, siteName: site };
  };

  const placeIn = (communityIndex: number) => {
    const grid = pick(gridsOf.get(ctx.communities[communityIndex].id)!);
    const inner = grid.half * 0.9;
    return {
      gridId: grid.id,
      lng: Math.round((grid.centre.lng + between(-inner, inner)) * 1e6) / 1e6,
      lat: Math.round((grid.centre.lat + between(-inner, inner)) * 1e6) / 1e6,
    };
  };

  const statusCounts = STATUS_SHARES.map(([status, share]) => [status, Math.round(share * CASE_COUNT)] as const);
  const mergedCount = statusCounts.find(([s]) => s === 'merged')![1];
  const statuses: CaseStatus[] = statusCounts.filter(([s]) => s !== 'merged').flatMap(([s, n]) => Array(n).fill(s));
  while (statuses.length < CASE_COUNT - mergedCount) statuses.push('closed');
  shuffle(statuses);

  const plans: Plan[] = statuses.map((status) => {
    const leaf = weighted(leaves, (l) => (TOP_WEIGHTS[l.top] ?? 1) * (LEAF_WEIGHTS[l.code] ?? 1));
    const communityIndex = Math.floor(rand() * ctx.communities.length);
    const community = ctx.communities[communityIndex];
    const life = lifeOf(status, leaf);
    const ownerUnitId =
      leaf.ownerRule === 'owner' && OWNERS[leaf.code] && chance(0.85) ? unitIdOf(pick(OWNERS[leaf.code])) : null;
    const suggestedUnitId = ownerUnitId ?? community.pairedUnitId;
    let unitId: number | null = null;
    if (life.dispatchedAt !== null) {
      unitId = suggestedUnitId;
      const specialists = leaf.ownerRule === 'area' ? SPECIALISTS[leaf.top] : undefined;
      if (specialists && chance(0.2)) {
        unitId = leaf.top === 'ESTATE' && chance(0.5) ? community.streetOfficeId : unitIdOf(pick(specialists));
      }
    }
    const source = weighted(SOURCE_WEIGHTS, ([, w]) => w)[0];
    return {
      ...life,
      leaf,
      source,
      communityIndex,
      ...placeIn(communityIndex),
      ...describeCase(leaf, communityIndex),
      sourceRef: null,
      ownerUnitId,
      responsibleUnitId: null,
      suggestedUnitId,
      unitId,
      idempotencyKey: null,
      reporter: null,
      token: null,
      beforePhoto: null,
      isPublic: false,
      mergedInto: null,
      duplicateScore: null,
      mergedFrom: [],
    };
  });

  // The demo `unit` account's unit (市城市管理局) gets about 30 working cases, some overdue: the
  // office sends it street-order and facility problems from anywhere in the city.
  const WORKING: readonly CaseStatus[] = ['dispatched', 'accepted', 'rework'];
  const working = (p: Plan) => WORKING.includes(p.status);
  const fitsFocus = (p: Plan) => ['STREET', 'CITY', 'ENV'].includes(p.leaf.top) || p.leaf.code === 'FAC.LIGHT';
  const focusWorking = () => plans.filter((p) => working(p) && p.unitId === focusUnit);
  for (const p of shuffle(plans.filter((p) => working(p) && p.unitId !== focusUnit && fitsFocus(p)))) {
    const mine = focusWorking();
    if (mine.length >= 30) break;
    const overdue = mine.filter((f) => f.deadlineAt! < now).length;
    if (p.deadlineAt! < now ? overdue < 10 : mine.length - overdue < 20) p.unitId = focusUnit;
  }
  const surplus = Math.max(0, focusWorking().length - 32);
  for (const p of shuffle(focusWorking().filter((f) => f.suggestedUnitId !== focusUnit)).slice(0, surplus)) {
    p.unitId = p.suggestedUnitId;
  }

  // Merged duplicates: a second report of the same problem shortly after the first.
  const candidates = shuffle(
    plans.filter((p) => !['voided', 'reported'].includes(p.status) && p.reportedAt < now - 2 * DAY),
  );
  const merged: Plan[] = [];
  for (const target of candidates) {
    if (merged.length >= mergedCount) break;
    const r = target.reportedAt + between(1, 60) * HOUR;
    const life = newLife('merged', r);
    const from = chance(0.7) ? 'reported' : 'checked';
    const at = work(intake(life, from), 20, 300);
    const targetEnd = target.closedAt ?? target.suspendedAt ?? now;
    if (at >= targetEnd - HOUR || at >= now) continue;
    life.steps.push({ at, who: 'office', action: 'merge', from, to: 'merged', note: pick(NOTES.merge) });
    const { description } = describeCase(target.leaf, target.communityIndex);
    const jitter = () => Math.round(between(-0.0002, 0.0002) * 1e6) / 1e6;
    const plan: Plan = {
      ...life,
      leaf: target.leaf,
      source: weighted(SOURCE_WEIGHTS, ([, w]) => w)[0],
      communityIndex: target.communityIndex,
      gridId: target.gridId,
      lng: Math.round((target.lng + jitter()) * 1e6) / 1e6,
      lat: Math.round((target.lat + jitter()) * 1e6) / 1e6,
      description,
      address: target.address,
      siteName: target.siteName,
      sourceRef: null,
      ownerUnitId: target.ownerUnitId,
      responsibleUnitId: target.responsibleUnitId,
      suggestedUnitId: target.suggestedUnitId,
      unitId: null,
      idempotencyKey: null,
      reporter: null,
      token: null,
      beforePhoto: null,
      isPublic: false,
      mergedInto: target,
      duplicateScore: Math.round(between(0.42, 0.95) * 1000) / 1000,
      mergedFrom: [],
    };
    target.mergedFrom.push(plan);
    merged.push(plan);
  }
  plans.push(...merged);
  // Ids follow intake order, as they would in real use.
  plans.sort((a, b) => a.reportedAt - b.reportedAt);

  // Reporters: the demo accounts report some cases themselves; the inspector's include several
  // handled ones waiting for verification.
  const claim = (list: Plan[], n: number, source: CaseSource, account: (typeof ctx.users)[number]) => {
    for (const p of list.filter((x) => !x.reporter).slice(0, n)) {
      p.source = source;
      p.reporter = {
        userId: account.id,
        name: account.displayName,
        phone: null,
        actorId: account.id,
        actorName: account.displayName,
      };
    }
  };
  const open = shuffle(plans.filter((p) => p.status !== 'merged'));
  claim(
    open.filter((p) => p.status === 'handled' && p.unitId !== focusUnit),
    8,
    'inspector',
    inspector,
  );
  claim(open, 42, 'inspector', inspector);
  claim(open.slice(200), 8, 'resident', user('resident'));
  claim(open.slice(400), 8, 'supervision', user('member'));
  claim(open.slice(600), 5, 'canvass', user('canvasser'));

  for (const p of plans) {
    if (!p.reporter) {
      const office = officeOf(p);
      const byOffice = (name: string | null, phoneNo: string | null): Reporter => ({
        userId: office.id,
        name,
        phone: phoneNo,
        actorId: office.id,
        actorName: office.displayName,
      });
      const outside = (name: string | null, phoneNo: string | null, actorName?: string): Reporter => ({
        userId: null,
        name,
        phone: phoneNo,
        actorId: null,
        actorName: actorName ?? name ?? t('zh-CN', 'REPORTER_PUBLIC'),
      });
      switch (p.source) {
        case 'inspector':
          p.reporter = outside(`督导队 ${personName()}`, null);
          break;
        case 'supervision':
          p.reporter = outside(`监督志愿者 ${personName()}`, phone());
          break;
        case 'resident': {
          const name = chance(0.6) ? personName() : null;
          p.reporter = outside(name, phone(), t('zh-CN', 'REPORTER_PUBLIC'));
          break;
        }
        case 'canvass':
          p.reporter = outside(`征询员 ${personName()}`, null);
          break;
        case 'hotline':
          p.reporter = byOffice(personName(), phone());
          break;
        case 'media':
          p.reporter = byOffice(pick(['示范日报社“曝光台”', '示范广播电视台《反光镜》', '市民网络问政平台']), null);
          break;
        case 'leader':
          p.reporter = byOffice('市领导交办（市委督查室）', null);
          break;
        case 'staff':
          p.reporter = byOffice(office.displayName, null);
          break;
      }
    }
    if (p.source === 'resident') p.token = randomBytes(18).toString('base64url');
  }

  // Photos: every public report has one, some others too; every handling has an after-photo
  // (the app requires it). About 40 closed and 20 open cases are on the public board.
  for (const p of plans) if (p.source === 'resident' || chance(0.12)) p.beforePhoto = Math.floor(rand() * 3);
  const recentClosed = shuffle(plans.filter((p) => p.status === 'closed' && p.closedAt! > now - 60 * DAY));
  const openForBoard = shuffle(plans.filter((p) => ['dispatched', 'accepted', 'rework', 'handled'].includes(p.status)));
  for (const p of [...recentClosed.slice(0, 40), ...openForBoard.slice(0, 20)]) {
    p.isPublic = true;
    p.beforePhoto ??= Math.floor(rand() * 3);
    const last = p.steps[p.steps.length - 1].at;
    const at = Math.min(work(last, 30, 600), last + (now - last) * between(0.2, 0.9));
    const photos = 1 + p.steps.filter((s) => s.action === 'handle').length;
    p.steps.push({ at, who: 'office', action: 'publish', from: null, to: null, data: { isPublic: true, photos } });
  }

  // ------------------------------------------------------------------------------------------
  // Photos on disk
  // ------------------------------------------------------------------------------------------

  const palette = [
    { r: 128, g: 112, b: 96, label: '整改前' },
    { r: 140, g: 120, b: 90, label: '整改前' },
    { r: 110, g: 105, b: 100, label: '整改前' },
    { r: 70, g: 140, b: 90, label: '整改后' },
    { r: 80, g: 130, b: 170, label: '整改后' },
    { r: 95, g: 150, b: 120, label: '整改后' },
  ];
  const files = await storeDemoPhotos(
    trx,
    ctx,
    palette.map((p, i) => ({
      ...p,
      name: `示例照片-${p.label}-${(i % 3) + 1}.jpg`,
      userId: i < 3 ? inspector.id : unitAccount.id,
    })),
  );

  const written = await writeDemoCases(trx, ctx, plans, { before: files.slice(0, 3), after: files.slice(3) });
  return { cases: plans.length, logs: written.logs, photos: written.photos };
}

/** Who acts in the demo city's case logs: the office, the verifiers and the units' accounts. */
function demoActors(ctx: Pick<DemoCasesContext, 'users' | 'communities'>) {
  const user = (username: string) => {
    const found = ctx.users.find((u) => u.username === username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return found;
  };
  const admin = user('admin');
  const district = user('district');
  const unitAccount = user('unit');
  /** The account that works a unit's cases, when the demo has one. */
  const handlerOf = new Map(
    ctx.users.filter((u) => u.unitId !== null && u.username !== 'canvasser').map((u) => [u.unitId!, u]),
  );
  /** The district's office handles some of its district's cases, the city office the rest. */
  const officeOf = (p: Pick<Plan, 'communityIndex' | 'reportedAt'>) =>
    ctx.communities[p.communityIndex].districtId === district.regionId && Math.floor(p.reportedAt / 1000) % 5 < 2
      ? district
      : admin;
  return {
    user,
    inspector: user('inspector'),
    unitAccount,
    focusUnit: unitAccount.unitId!,
    handlerOf,
    officeOf,
  };
}

/**
 * Writes planned cases as the case services leave them: the case rows (ids in intake order, as
 * given), merges, the log, reporters, photos (`beforePhoto` indexes `photos.before`; every
 * handling gets one of `photos.after`), extensions, the demo `unit` account's notifications and the
 * SMS of reminders and escalations. Answers the case ids in the order of `plans`.
 */
export async function writeDemoCases(
  trx: Executor,
  ctx: DemoCasesContext,
  plans: Plan[],
  photos: { before: readonly string[]; after: readonly string[] },
): Promise<{ ids: number[]; logs: number; photos: number }> {
  const { cityId } = ctx;
  const now = ctx.now.getTime();
  const { between, chance } = randomHelpers(ctx.rand);
  const { inspector, unitAccount, focusUnit, handlerOf, officeOf } = demoActors(ctx);
  const unitRows = await trx
    .selectFrom('units')
    .select(['id', 'name', 'head_name', 'head_phone', 'liaison_name', 'liaison_phone'])
    .where('city_id', '=', cityId)
    .execute();
  const unitById = new Map(unitRows.map((u) => [u.id, u]));

  // ------------------------------------------------------------------------------------------
  // Cases
  // ------------------------------------------------------------------------------------------

  const iso = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)).toISOString());
  const col = <T>(fn: (p: Plan) => T) => plans.map(fn);
  const lastAt = (p: Plan) => Math.max(...p.steps.map((s) => s.at));
  const handlerUser = (p: Plan) => (p.unitId ? handlerOf.get(p.unitId) : undefined);
  const inserted = await sql<{ id: number }>`
    INSERT INTO cases (city_id, category_id, source, status, description, address, lng, lat, region_id, community_id,
                       grid_id, site_name, owner_unit_id, responsible_unit_id, suggested_unit_id, unit_id, reporter_id,
                       reporter_name, reporter_phone, tracking_token, idempotency_key, source_ref, is_public, deadline_at, original_deadline_at,
                       verify_deadline_at, registered_at, dispatched_at, accepted_at, handled_at, handled_by, verified_at,
                       closed_at, closed_on_time, suspended_from, suspended_at, extension_pending, extension_count,
                       rework_count, return_count, escalation_count, reminded_at, escalated_at, created_by,
                       created_at, updated_at)
    SELECT ${cityId}, x.category_id, x.source, x.status, x.description, x.address, x.lng, x.lat, x.grid_id,
           x.community_id, x.grid_id, x.site_name, x.owner_unit_id, x.responsible_unit_id, x.suggested_unit_id, x.unit_id,
           x.reporter_id, x.reporter_name, x.reporter_phone, x.token, x.idempotency_key, x.source_ref, x.is_public, x.deadline_at, x.original_deadline_at,
           x.verify_deadline_at, x.registered_at, x.dispatched_at, x.accepted_at, x.handled_at, x.handled_by,
           x.verified_at, x.closed_at, x.closed_on_time, x.suspended_from, x.suspended_at, x.extension_pending,
           x.extension_count, x.rework_count, x.return_count, x.escalation_count, x.reminded_at, x.escalated_at,
           x.reporter_id, x.created_at, x.updated_at
    FROM unnest(
      ${col((p) => p.leaf.id)}::bigint[], ${col((p) => p.source)}::text[], ${col((p) => p.status)}::text[],
      ${col((p) => p.description)}::text[], ${col((p) => p.address)}::text[], ${col((p) => p.lng)}::float8[],
      ${col((p) => p.lat)}::float8[], ${col((p) => ctx.communities[p.communityIndex].id)}::bigint[],
      ${col((p) => p.gridId)}::bigint[], ${col((p) => p.siteName)}::text[], ${col((p) => p.ownerUnitId)}::bigint[],
      ${col((p) => p.responsibleUnitId)}::bigint[], ${col((p) => p.suggestedUnitId)}::bigint[], ${col((p) => p.unitId)}::bigint[],
      ${col((p) => p.reporter!.userId)}::bigint[], ${col((p) => p.reporter!.name)}::text[],
      ${col((p) => p.reporter!.phone)}::text[], ${col((p) => p.token)}::text[], ${col((p) => p.idempotencyKey)}::text[],
      ${col((p) => p.sourceRef)}::text[],
      ${col((p) => p.isPublic)}::boolean[], ${col((p) => iso(p.deadlineAt))}::timestamptz[],
      ${col((p) => iso(p.originalDeadlineAt))}::timestamptz[], ${col((p) => iso(p.verifyDeadlineAt))}::timestamptz[],
      ${col((p) => iso(p.registeredAt))}::timestamptz[], ${col((p) => iso(p.dispatchedAt))}::timestamptz[],
      ${col((p) => iso(p.acceptedAt))}::timestamptz[], ${col((p) => iso(p.handledAt))}::timestamptz[],
      ${col((p) => (p.handledAt !== null ? (handlerUser(p)?.id ?? null) : null))}::bigint[],
      ${col((p) => iso(p.verifiedAt))}::timestamptz[], ${col((p) => iso(p.closedAt))}::timestamptz[],
      ${col((p) => p.closedOnTime)}::boolean[], ${col((p) => p.suspendedFrom)}::text[],
      ${col((p) => iso(p.suspendedAt))}::timestamptz[], ${col((p) => p.extensionPending)}::boolean[],
      ${col((p) => p.extensionCount)}::int[], ${col((p) => p.reworkCount)}::int[], ${col((p) => p.returnCount)}::int[],
      ${col((p) => p.escalationCount)}::int[], ${col((p) => iso(p.remindedAt))}::timestamptz[],
      ${col((p) => iso(p.escalatedAt))}::timestamptz[], ${col((p) => iso(p.reportedAt))}::timestamptz[],
      ${col((p) => iso(lastAt(p)))}::timestamptz[]
    ) WITH ORDINALITY AS x(category_id, source, status, description, address, lng, lat, community_id, grid_id,
                           site_name, owner_unit_id, responsible_unit_id, suggested_unit_id, unit_id, reporter_id,
                           reporter_name, reporter_phone, token, idempotency_key, source_ref, is_public, deadline_at, original_deadline_at,
                           verify_deadline_at, registered_at, dispatched_at, accepted_at, handled_at, handled_by,
                           verified_at, closed_at, closed_on_time, suspended_from, suspended_at, extension_pending,
                           extension_count, rework_count, return_count, escalation_count, reminded_at, escalated_at,
                           created_at, updated_at, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const idOf = new Map(plans.map((p, i) => [p, inserted.rows[i].id]));
  const id = (p: Plan) => idOf.get(p)!;
  const code = (p: Plan) => caseCode(id(p), new Date(p.reportedAt));

  const mergedPlans = plans.filter((p) => p.mergedInto);
  await sql`
    UPDATE cases c SET merged_into_id = x.target, duplicate_of_id = x.target, duplicate_score = x.score
    FROM unnest(${mergedPlans.map(id)}::bigint[], ${mergedPlans.map((p) => id(p.mergedInto!))}::bigint[],
                ${mergedPlans.map((p) => p.duplicateScore)}::numeric[]) AS x(id, target, score)
    WHERE c.id = x.id`.execute(trx);
  // The target of a merge logs it and gains the reporter.
  for (const p of mergedPlans) {
    const merge = p.steps.find((s) => s.action === 'merge')!;
    merge.data = { targetCaseId: id(p.mergedInto!) };
    p.mergedInto!.steps.push({
      at: merge.at,
      who: 'office',
      action: 'merged_in',
      from: null,
      to: null,
      note: merge.note,
      data: { caseId: id(p), code: code(p) },
    });
  }

  // ------------------------------------------------------------------------------------------
  // Logs, reporters, photos, extensions
  // ------------------------------------------------------------------------------------------

  const unitName = (unit: number | null) => (unit ? (unitById.get(unit)?.name ?? null) : null);
  const actorOf = (p: Plan, s: Step): { id: number | null; name: string } => {
    switch (s.who) {
      case 'reporter':
        return { id: p.reporter!.actorId, name: p.reporter!.actorName };
      case 'office': {
        const office = officeOf(p);
        return { id: office.id, name: office.displayName };
      }
      case 'verifier': {
        const verifier = Math.floor(p.reportedAt / 1000) % 7 < 4 ? inspector : officeOf(p);
        return { id: verifier.id, name: verifier.displayName };
      }
      case 'unit': {
        const account = handlerUser(p);
        if (account) return { id: account.id, name: account.displayName };
        const unit = unitById.get(p.unitId!);
        return { id: null, name: `${unit?.name ?? ''} ${unit?.liaison_name ?? ''}`.trim() };
      }
      case 'system':
        return { id: null, name: t('zh-CN', 'SYSTEM_ACTOR') };
    }
  };
  const dataOf = (p: Plan, s: Step): Record<string, unknown> | null => {
    const deadline = s.deadline === undefined ? undefined : iso(s.deadline);
    switch (s.action) {
      case 'report':
        return {
          source: p.source,
          routing: { unitId: p.suggestedUnitId, rule: p.ownerUnitId || p.responsibleUnitId ? 'owner' : 'area' },
        };
      case 'dispatch':
        return { unitId: p.unitId, unitName: unitName(p.unitId), deadline };
      case 'rework':
      case 'approve_extension':
      case 'remind':
        return { deadline };
      case 'escalate':
        return { count: s.count, deadline };
      default:
        return s.data ?? null;
    }
  };
  const photosOf = (p: Plan, s: Step, index: number): string[] => {
    if (s.action === 'report' && p.beforePhoto !== null) return [photos.before[p.beforePhoto]];
    if (s.action === 'handle') return [photos.after[(id(p) + index) % photos.after.length]];
    return [];
  };

  interface LogRow {
    caseId: number;
    at: number;
    actorId: number | null;
    actorName: string;
    action: string;
    from: string | null;
    to: string | null;
    note: string | null;
    data: string | null;
    photos: string[];
  }
  const logs: LogRow[] = [];
  const photoRows: { caseId: number; kind: string; fileId: string; isPublic: boolean; at: number }[] = [];
  const photoKeys = new Set<string>();
  for (const p of plans) {
    p.steps.sort((a, b) => a.at - b.at);
    p.steps.forEach((s, index) => {
      const actor = actorOf(p, s);
      const data = dataOf(p, s);
      const photos = photosOf(p, s, index);
      const note = s.action === 'report' ? p.description : (s.note ?? null);
      logs.push({
        caseId: id(p),
        at: s.at,
        actorId: actor.id,
        actorName: actor.name,
        action: s.action,
        from: s.from,
        to: s.to,
        note,
        data: data ? JSON.stringify(data) : null,
        photos,
      });
      for (const fileId of photos) {
        const kind = s.action === 'report' ? 'before' : 'after';
        const key = `${id(p)}/${kind}/${fileId}`;
        if (photoKeys.has(key)) continue;
        photoKeys.add(key);
        photoRows.push({ caseId: id(p), kind, fileId, isPublic: p.isPublic, at: s.at });
      }
    });
  }
  // Log ids follow time, across cases, as they would in real use.
  logs.sort((a, b) => a.at - b.at || a.caseId - b.caseId);
  await sql`
    INSERT INTO case_logs (city_id, case_id, at, actor_id, actor_name, action, from_status, to_status, note, data, photos)
    SELECT ${cityId}, c, a, ai, an, ac, f, t, n, d::jsonb, coalesce(string_to_array(nullif(ph, ''), ','), '{}')
    FROM unnest(${logs.map((l) => l.caseId)}::bigint[], ${logs.map((l) => iso(l.at))}::timestamptz[],
                ${logs.map((l) => l.actorId)}::bigint[], ${logs.map((l) => l.actorName)}::text[],
                ${logs.map((l) => l.action)}::text[], ${logs.map((l) => l.from)}::text[], ${logs.map((l) => l.to)}::text[],
                ${logs.map((l) => l.note)}::text[], ${logs.map((l) => l.data)}::text[],
                ${logs.map((l) => l.photos.join(','))}::text[]) WITH ORDINALITY AS x(c, a, ai, an, ac, f, t, n, d, ph, ord)
    ORDER BY ord`.execute(trx);

  const reporters = plans.flatMap((p) => [
    { p, caseId: id(p), token: p.token, mergedFrom: null as number | null },
    ...p.mergedFrom.map((m) => ({ p: m, caseId: id(p), token: null, mergedFrom: id(m) })),
  ]);
  await sql`
    INSERT INTO case_reporters (city_id, case_id, user_id, name, phone, source, tracking_token, reported_at, merged_from_id)
    SELECT ${cityId}, c, u, n, ph, s, tk, r, m
    FROM unnest(${reporters.map((r) => r.caseId)}::bigint[], ${reporters.map((r) => r.p.reporter!.userId)}::bigint[],
                ${reporters.map((r) => r.p.reporter!.name)}::text[], ${reporters.map((r) => r.p.reporter!.phone)}::text[],
                ${reporters.map((r) => r.p.source)}::text[], ${reporters.map((r) => r.token)}::text[],
                ${reporters.map((r) => iso(r.p.reportedAt))}::timestamptz[], ${reporters.map((r) => r.mergedFrom)}::bigint[])
         WITH ORDINALITY AS x(c, u, n, ph, s, tk, r, m, ord)
    ORDER BY ord`.execute(trx);

  await sql`
    INSERT INTO case_photos (city_id, case_id, kind, file_id, is_public, created_at)
    SELECT ${cityId}, c, k, f, p, a
    FROM unnest(${photoRows.map((r) => r.caseId)}::bigint[], ${photoRows.map((r) => r.kind)}::text[],
                ${photoRows.map((r) => r.fileId)}::text[], ${photoRows.map((r) => r.isPublic)}::boolean[],
                ${photoRows.map((r) => iso(r.at))}::timestamptz[]) AS x(c, k, f, p, a)`.execute(trx);

  const extensions = plans.flatMap((p) => p.extensions.map((e) => ({ p, e })));
  await sql`
    INSERT INTO case_extensions (city_id, case_id, requested_by, requested_at, reason, requested_deadline, status,
                                 decided_by, decided_at, decision_note)
    SELECT ${cityId}, c, rb, ra, r, rd, s, db, da, n
    FROM unnest(${extensions.map(({ p }) => id(p))}::bigint[], ${extensions.map(({ p }) => handlerUser(p)?.id ?? null)}::bigint[],
                ${extensions.map(({ e }) => iso(e.requestedAt))}::timestamptz[], ${extensions.map(({ e }) => e.reason)}::text[],
                ${extensions.map(({ e }) => iso(e.requestedDeadline))}::timestamptz[], ${extensions.map(({ e }) => e.status)}::text[],
                ${extensions.map(({ p, e }) => (e.decidedAt === null ? null : officeOf(p).id))}::bigint[],
                ${extensions.map(({ e }) => iso(e.decidedAt))}::timestamptz[], ${extensions.map(({ e }) => e.note)}::text[])
         WITH ORDINALITY AS x(c, rb, ra, r, rd, s, db, da, n, ord)
    ORDER BY ord`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Notifications of the demo `unit` account, SMS of reminders and escalations
  // ------------------------------------------------------------------------------------------

  const local = (ms: number | null | undefined) =>
    ms ? new Date(ms + CHINA).toISOString().slice(0, 16).replace('T', ' ') : '';
  const paramsOf = (p: Plan, s: Step) => ({
    code: code(p),
    category: p.leaf.name,
    description: p.description.slice(0, 60),
    deadline: local(s.deadline ?? p.deadlineAt),
    note: s.note ?? '',
    count: s.count ?? p.escalationCount,
    city: ctx.cityName,
    result: t('zh-CN', s.action === 'refuse_extension' ? 'NOTIFY_REFUSED' : 'NOTIFY_APPROVED'),
  });
  const NOTIFY: Record<string, string> = {
    dispatch: 'DISPATCHED',
    rework: 'REWORK',
    approve_extension: 'EXTENSION',
    refuse_extension: 'EXTENSION',
    remind: 'REMIND',
    escalate: 'ESCALATE',
  };
  const notifications = plans
    .filter((p) => p.unitId === focusUnit)
    .flatMap((p) =>
      p.steps
        .filter((s) => NOTIFY[s.action] && s.at > now - 30 * DAY)
        .map((s) => {
          const params = paramsOf(p, s);
          const readAt = s.at + between(10, 900) * MINUTE;
          const read = readAt < now && (s.at < now - 2 * DAY || chance(0.4)) ? readAt : null;
          return {
            caseId: id(p),
            kind: `case.${s.action}`,
            title: t('zh-CN', `NOTIFY_CASE_${NOTIFY[s.action]}_TITLE`, params),
            body: t('zh-CN', `NOTIFY_CASE_${NOTIFY[s.action]}_BODY`, params),
            at: s.at,
            read,
          };
        }),
    )
    .sort((a, b) => a.at - b.at);
  await sql`
    INSERT INTO notifications (city_id, user_id, kind, title, body, entity_type, entity_id, read_at, created_at)
    SELECT ${cityId}, ${unitAccount.id}, k, ti, b, 'case', e::text, r, a
    FROM unnest(${notifications.map((n) => n.kind)}::text[], ${notifications.map((n) => n.title)}::text[],
                ${notifications.map((n) => n.body)}::text[], ${notifications.map((n) => n.caseId)}::bigint[],
                ${notifications.map((n) => iso(n.read))}::timestamptz[], ${notifications.map((n) => iso(n.at))}::timestamptz[])
         WITH ORDINALITY AS x(k, ti, b, e, r, a, ord)
    ORDER BY ord`.execute(trx);

  const sms = plans
    .flatMap((p) =>
      p.steps
        .filter((s) => s.action === 'remind' || s.action === 'escalate')
        .flatMap((s) => {
          const unit = unitById.get(p.unitId!);
          if (!unit) return [];
          const body = t('zh-CN', s.action === 'remind' ? 'SMS_CASE_REMIND' : 'SMS_CASE_ESCALATE', paramsOf(p, s));
          const to = [
            ...(s.action === 'escalate' && unit.head_phone
              ? [
                  {
                    phone: unit.head_phone,
                    recipient: `${unit.head_name ?? ''}（${t('zh-CN', 'SMS_RECIPIENT_HEAD')}）`,
                  },
                ]
              : []),
            ...(unit.liaison_phone
              ? [
                  {
                    phone: unit.liaison_phone,
                    recipient: `${unit.liaison_name ?? ''}（${t('zh-CN', 'SMS_RECIPIENT_LIAISON')}）`,
                  },
                ]
              : []),
          ];
          return to.map((r) => ({ ...r, body, caseId: id(p), at: s.at }));
        }),
    )
    .sort((a, b) => a.at - b.at);
  await sql`
    INSERT INTO sms_messages (city_id, phone, recipient, body, driver, status, entity_type, entity_id, created_at)
    SELECT ${cityId}, ph, r, b, 'log', 'logged', 'case', e::text, a
    FROM unnest(${sms.map((m) => m.phone)}::text[], ${sms.map((m) => m.recipient)}::text[], ${sms.map((m) => m.body)}::text[],
                ${sms.map((m) => m.caseId)}::bigint[], ${sms.map((m) => iso(m.at))}::timestamptz[])
         WITH ORDINALITY AS x(ph, r, b, e, a, ord)
    ORDER BY ord`.execute(trx);

  return { ids: plans.map(id), logs: logs.length, photos: photoRows.length };
}

/**
 * `addWorkingMinutes` with the working days cached: the seed places ~12,000 office steps, and
 * only needs plausible office-hour times for them (deadlines still use `computeDeadline`).
 */
function officeClock(calendar: WorkingCalendar): (at: number, minutes: number) => number {
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const periods = calendar.periods.map(([from, to]) => [toMinutes(from), toMinutes(to)] as const);
  const offset = calendar.utcOffsetMinutes;
  const days = new Map<number, boolean>();
  const workingDay = (day: number) => {
    let working = days.get(day);
    if (working === undefined) {
      working = isWorkingDate(new Date(day * DAY).toISOString().slice(0, 10), calendar);
      days.set(day, working);
    }
    return working;
  };
  return (at, minutes) => {
    const local = at / MINUTE + offset;
    let day = Math.floor(local / 1440);
    let minute = local - day * 1440;
    let remaining = minutes;
    for (;;) {
      if (workingDay(day)) {
        for (const [from, to] of periods) {
          if (minute >= to) continue;
          const begin = Math.max(minute, from);
          if (remaining <= to - begin) return Math.round((day * 1440 + begin + remaining - offset) * MINUTE);
          remaining -= to - begin;
          minute = to;
        }
      }
      day += 1;
      minute = 0;
    }
  };
}

export interface DemoPhotoSpec {
  r: number;
  g: number;
  b: number;
  /** Printed on the photo, e.g. '整改前'. */
  label: string;
  /** The file name recorded in `files`. */
  name: string;
  userId: number | null;
}

/**
 * Renders demo photos (see `demoPhoto`) and stores them like uploads: the blob store and the
 * city's `files` rows. Answers the file ids in the order of `photos`.
 */
export async function storeDemoPhotos(
  trx: Executor,
  ctx: { cityId: number; config: Config; now: Date },
  photos: readonly DemoPhotoSpec[],
): Promise<string[]> {
  const buffers = await Promise.all(photos.map((p, i) => demoPhoto(p, i)));
  const ids: string[] = [];
  for (const [i, buffer] of buffers.entries()) {
    const stored = await storeFile(trx, ctx.config, {
      cityId: ctx.cityId,
      userId: photos[i].userId,
      name: photos[i].name,
      buffer,
      now: ctx.now,
    });
    ids.push(stored.id);
  }
  return ids;
}

/** A 640×480 JPEG: a plain scene in one colour with a label ('整改前' / '整改后'). */
async function demoPhoto(p: { r: number; g: number; b: number; label: string }, index: number): Promise<Buffer> {
  const shade = (d: number) => `rgb(${Math.max(0, p.r + d)},${Math.max(0, p.g + d)},${Math.max(0, p.b + d)})`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect x="0" y="300" width="640" height="180" fill="${shade(-40)}"/>
    <rect x="${60 + index * 60}" y="120" width="220" height="180" fill="${shade(30)}"/>
    <circle cx="${520 - index * 30}" cy="110" r="${40 + index * 6}" fill="${shade(60)}"/>
    <rect x="0" y="400" width="640" height="80" fill="rgba(0,0,0,0.5)"/>
    <text x="28" y="455" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" font-size="40" fill="#fff">${p.label}</text>
    <text x="612" y="452" text-anchor="end" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" font-size="20" fill="#eee">示范市创城 · 示例照片 ${index + 1}</text>
  </svg>`;
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: p.r, g: p.g, b: p.b } } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}
