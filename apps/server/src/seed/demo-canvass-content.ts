// The texts of the demo canvass (demo-canvass.ts, the classifier's tests and benchmark): residents'
// opinions across the four areas of the Zaoqiang seed's 征询内容 and the sub-topics of
// DEFAULT_TOPICS — each problem written a few ways, placed in the household's own estate,
// building, road, market or school, and wrapped in the things people say around it, so that one
// problem recurs across many households in varied words — each with its label (topic, sub-topic),
// scope (共性/个性) and the demo unit it belongs to; the units' replies (solved / scheduled with a
// promised date / cannot now, with the explanation the seed asks for); and how consenting
// residents are named (王女士, 李大爷). Fictional; deterministic over the seed's PRNG.

import { topTopicOf, type OpinionScope } from '@cc/common/canvass';
import { ESTATE_SUFFIXES } from './demo-inspections-content.js';

/** Where a household lives, for the placeholders of the problems. */
export interface OpinionPlace {
  /** 幸福社区 */
  community: string;
  /** 幸福花园 */
  estate: string;
  /** 3号楼 */
  building: string;
  /** 人民路 */
  road: string;
  /** 东城农贸市场 */
  market: string;
  /** 幸福小学 */
  school: string;
  /** 人民公园 */
  park: string;
}

export interface GeneratedOpinion {
  text: string;
  /** Top-level topic code ('city'). */
  topic: string;
  /** Sub-topic code ('city.traffic'), or null for a general remark on the area. */
  subtopic: string | null;
  scope: OpinionScope;
  /** A demo unit name, or STREET_OFFICE: the street office of the household's community. */
  unit: string;
  /** Which problem (template index) the text states: opinions with one key and place are one problem. */
  problem: number;
}

/** Stands for the street office (街道办事处) of the household's community. */
export const STREET_OFFICE = '街道办事处';

interface Problem {
  /** The finest topic code. */
  code: string;
  /** Share of households for whom this is a shared (common) problem, not their own. */
  common: number;
  /** The unit it goes to; a second one with its share when the office routes it either way. */
  unit: string;
  alt?: { unit: string; share: number };
  /** Staff file it under this code instead now and then (the problem sits between two topics). */
  misfiled?: { code: string; share: number };
  /** Ways residents put it: {estate} {building} {road} {market} {school} {park} {community}. */
  says: string[];
}

const P = (code: string, common: number, unit: string, says: string[], extra: Partial<Problem> = {}): Problem => ({
  code,
  common,
  unit,
  says,
  ...extra,
});

/** The problems residents raise, by sub-topic (the proportions of the list are the proportions heard). */
export const PROBLEMS: readonly Problem[] = [
  // 一、对创建工作的意见建议
  P('campaign.publicity', 0.9, '市文明办', [
    '创城宣传标语太少，很多居民不知道创城到底要干什么',
    '对创城宣传方式的建议：多用大白话，老年人看不懂那些标语',
    '创城宣传不能光贴标语，要进小区、进楼道给居民讲清楚',
  ]),
  P('campaign.publicity', 0.9, '市委宣传部', [
    '社区宣传栏内容好久没有更新，还是去年的通知',
    '{community}宣传栏里的海报褪色了，看不清楚',
    '小区门口的公益广告牌坏了一角，一直没人换',
  ]),
  P('campaign.publicity', 0.85, '市委宣传部', [
    '电视台和报纸可以多报道身边的好人好事，带动大家',
    '建议在广播电视台开个创城专栏，讲讲创城和老百姓有啥关系',
  ]),
  P('campaign.participation', 0.9, '市文明办', [
    '希望多组织志愿服务活动，居民愿意参加但不知道去哪报名',
    '创城不能只靠干部，要发动居民一起参与',
    '建议每月搞一次小区大扫除，让住户都参与进来',
  ]),
  P('campaign.participation', 0.85, '市文明办', [
    '建议评选文明家庭、好邻居，给大家树个榜样',
    '希望开展文明楼栋评比，{building}的邻居们都愿意参加',
  ]),
  P('campaign.participation', 0.8, '团市委', [
    '暑假孩子没事做，希望组织青少年参加志愿服务',
    '建议组织学生到社区做文明劝导志愿者',
  ]),
  P('campaign.style', 0.9, '市文明办', [
    '创城检查前突击打扫，检查过后又恢复原样，希望常态化',
    '希望创城工作常态化，不要搞形式主义，检查一走就松了',
    '不能光应付检查，要长期坚持下去',
  ]),
  P('campaign.style', 0.85, '市委市直机关工委', [
    '包联单位的干部来得太少，就来过一次',
    '希望包联单位多来社区走走，不要只在检查前露面',
  ]),
  P(
    'campaign.style',
    0.8,
    '市文明办',
    ['入户征询的同志态度很好，希望反映的问题能真正解决', '上次反映的问题到现在也没有回音，希望有个答复'],
    { misfiled: { code: 'campaign', share: 0.3 } },
  ),
  P('campaign', 0.95, '市文明办', [
    '支持创建文明城市，没有其他意见',
    '创城是好事，我们全家都支持',
    '创城以后环境变好了，希望继续保持',
  ]),

  // 二、群众自身困难（衣食住行、生产生活）
  P('livelihood.housing', 0.3, '市住房和城乡建设局', [
    '{estate}{building}楼顶漏水，下雨天屋里往下渗水',
    '我家住顶楼，房顶防水层坏了，一下雨墙上全是水印',
    '老房子外墙皮脱落，怕砸到人',
  ]),
  P('livelihood.housing', 0.45, '市住房和城乡建设局', [
    '{estate}物业服务差，物业费收了事情不办',
    '物业收费不透明，希望公开收支明细',
    '小区没有物业，没人管事，希望引进物业公司',
  ]),
  P(
    'livelihood.housing',
    0.35,
    STREET_OFFICE,
    ['{building}楼道灯坏了好久没人修，晚上上楼看不见', '{estate}单元门禁坏了，陌生人随便进出'],
    { alt: { unit: '市住房和城乡建设局', share: 0.3 }, misfiled: { code: 'city.roads', share: 0.2 } },
  ),
  P('livelihood.housing', 0.1, '市住房和城乡建设局', [
    '申请公租房手续太复杂，跑了好几趟还没办下来',
    '家里住房困难，想问问廉租房怎么申请',
  ]),
  P('livelihood.housing', 0.2, '市自然资源和规划局', [
    '买的房子好几年了还办不下来房产证',
    '{estate}的不动产证一直办不了，开发商说在协调',
  ]),
  P('livelihood.utilities', 0.4, '市住房和城乡建设局', [
    '老旧小区供暖温度不达标，屋里只有十几度',
    '{estate}暖气不热，家里老人孩子冻得受不了',
    '去年冬天暖气一直不热，交了全额取暖费',
  ]),
  P('livelihood.utilities', 0.35, '市自来水公司', [
    '自来水水压低，高层用不上水',
    '{building}早晚用水高峰水压太低，热水器打不着火',
    '自来水有时候发黄，有股味道',
  ]),
  P('livelihood.utilities', 0.3, '国网示范供电公司', [
    '最近经常停电，也不提前通知',
    '{estate}电压不稳，空调开不起来',
    '楼下电表箱老化，怕出事',
  ]),
  P('livelihood.utilities', 0.25, '市住房和城乡建设局', [
    '天然气管道老化，家里总闻到煤气味',
    '{estate}还没通天然气，冬天只能烧煤',
  ]),
  P('livelihood.welfare', 0.05, '市民政局', [
    '家里生活困难，想申请低保不知道找谁',
    '老伴去世后生活没着落，想问问能不能申请救助',
    '低保申请交上去两个月了还没消息',
  ]),
  P('livelihood.welfare', 0.1, '市总工会', [
    '孩子大学毕业一直没找到工作，希望多办招聘会',
    '下岗后想学门手艺，希望有免费的技能培训',
  ]),
  P('livelihood.welfare', 0.1, '市民政局', [
    '医保和养老保险怎么续交，希望社区有人讲一讲',
    '灵活就业人员交社保太贵了，负担重',
  ]),
  P('livelihood.elderly', 0.15, '市民政局', [
    '家里有行动不便的老人，希望社区提供上门服务',
    '老人一个人在家，子女不在身边，希望有人定期探望',
    '{community}没有老年食堂，老人吃饭不方便',
  ]),
  P('livelihood.elderly', 0.15, '市民政局', ['残疾人补贴申请流程复杂，希望简化', '家里有残疾人，出门坐轮椅很不方便']),
  P(
    'livelihood.elderly',
    0.4,
    STREET_OFFICE,
    ['{estate}老年人多，希望在{building}加装电梯', '老人上下楼困难，老旧小区能不能加装电梯'],
    { misfiled: { code: 'livelihood.housing', share: 0.3 } },
  ),

  // 三、城市建设与管理
  P(
    'city.sanitation',
    0.85,
    '市城市管理局',
    [
      '小区楼道堆放杂物无人清理',
      '{building}楼道里堆满了杂物和旧家具，没人清理',
      '{estate}楼道被杂物堵住了，有消防隐患',
    ],
    { alt: { unit: STREET_OFFICE, share: 0.25 } },
  ),
  P(
    'city.sanitation',
    0.9,
    '市环境卫生管理处',
    [
      '{estate}垃圾桶满了没人清运，味道很大',
      '小区垃圾清运不及时，夏天招苍蝇',
      '{road}边的垃圾桶天天溢出来，环卫来得太少',
    ],
    { alt: { unit: '市城市管理局', share: 0.2 } },
  ),
  P('city.sanitation', 0.9, '市环境卫生管理处', [
    '{road}上的公厕卫生太差，没法进去',
    '附近没有公厕，逛街的老人很不方便',
  ]),
  P('city.sanitation', 0.85, '市城市管理局', [
    '{estate}后面有个卫生死角，垃圾堆了很久',
    '小区里有人养鸡养鸭，气味难闻',
    '楼前的下水道堵了，污水溢到路上',
  ]),
  P(
    'city.sanitation',
    0.85,
    '市生态环境局',
    ['{road}附近的小饭馆油烟直排，熏得不敢开窗', '附近工厂晚上排放废气，有刺鼻气味'],
    { misfiled: { code: 'city.order', share: 0.2 } },
  ),
  P('city.roads', 0.9, '市住房和城乡建设局', [
    '{road}路面坑洼不平，下雨天积水',
    '{estate}门口的路坑坑洼洼，电动车经常摔倒',
    '{road}人行道砖松动，下雨踩上去溅一身泥',
  ]),
  P('city.roads', 0.9, '市城市管理局', ['{road}上的井盖缺了一个，很危险', '{estate}门口井盖松动，车一过就响'], {
    alt: { unit: '市住房和城乡建设局', share: 0.3 },
  }),
  P('city.roads', 0.9, '市城市管理局', [
    '{road}的路灯不亮，晚上走路黑乎乎的',
    '{estate}门口那段路没有路灯，晚上不安全',
  ]),
  P(
    'city.roads',
    0.85,
    '市住房和城乡建设局',
    [
      '希望在{building}附近增设非机动车充电桩',
      '小区没有电动车充电桩，大家只好飞线充电',
      '{estate}电动车充电难，希望多装几个充电桩',
    ],
    { misfiled: { code: 'livelihood.utilities', share: 0.2 } },
  ),
  P('city.roads', 0.85, '市住房和城乡建设局', [
    '{road}修路修了半年还没完工，出行很不方便',
    '{road}施工围挡占了半条路，天天堵车',
  ]),
  P(
    'city.traffic',
    0.95,
    '市公安局交警支队',
    [
      '孩子上学路口缺少红绿灯，过马路太危险',
      '{school}门口的路口没有红绿灯，接孩子提心吊胆',
      '{road}和{school}之间的路口车多，希望设个红绿灯',
    ],
    { misfiled: { code: 'hotspot.education', share: 0.12 } },
  ),
  P(
    'city.traffic',
    0.9,
    '市公安局交警支队',
    ['{estate}周边乱停车，消防通道都被堵了', '{road}两边违停严重，公交车都过不去', '小区门口车辆乱停乱放，进出很困难'],
    { alt: { unit: '市城市管理局', share: 0.2 } },
  ),
  P(
    'city.traffic',
    0.85,
    '市城市管理局',
    ['小区停车位太少，下班回来没地方停车', '{estate}停车难，希望规划建设停车场'],
    { misfiled: { code: 'livelihood.housing', share: 0.15 } },
  ),
  P('city.traffic', 0.9, '市公交集团', [
    '{road}的公交车班次太少，等车要半个多小时',
    '希望开通到{park}的公交线路',
    '公交车末班太早，晚上下班没车坐',
  ]),
  P('city.traffic', 0.9, '市城市管理局', [
    '共享单车在{road}人行道上乱放，挡路',
    '{market}门口电动车乱停，人都走不过去',
  ]),
  P('city.greening', 0.9, '市园林绿化中心', [
    '{road}绿化带缺苗，黄土裸露，一刮风就起土',
    '{estate}的绿地被人种了菜，希望恢复绿化',
    '小区树木太密挡光，一楼白天都得开灯',
  ]),
  P('city.greening', 0.9, '市园林绿化中心', [
    '{estate}附近没有休闲公园，老人孩子没地方活动',
    '希望把{road}边的空地建成街头小游园',
  ]),
  P('city.greening', 0.85, '市城市管理局', ['{park}晚上灯光太暗，散步不安全', '希望{road}沿街搞搞亮化，晚上太冷清']),
  P(
    'city.order',
    0.95,
    '市城市管理局',
    ['{market}周边占道经营，早上根本过不去', '菜市场周边占道经营，路被摊位堵死了', '{road}上的商户把货摆到人行道上'],
    { alt: { unit: '市农贸市场服务中心', share: 0.25 } },
  ),
  P('city.order', 0.9, '市城市管理局', ['{road}夜市烧烤油烟扰民，半夜还很吵', '楼下广场舞音响声音太大，影响休息'], {
    misfiled: { code: 'city.sanitation', share: 0.15 },
  }),
  P('city.order', 0.9, '市城市管理局', ['{estate}楼道里小广告乱贴乱画', '电线杆和墙上到处是小广告，清了又贴']),
  P('city.order', 0.85, '市城市管理局', ['{estate}有人私搭乱建，占了公共绿地', '一楼住户私自扩建小院，挡了消防通道']),
  P('city.order', 0.9, '市城市管理局', ['{road}沿街乱拉乱挂、晾晒衣服，影响市容', '{road}店铺招牌破损，风大怕掉下来']),

  // 四、社会发展热点
  P('hotspot.education', 0.8, '市教育局', [
    '孩子上学难，附近学校学位紧张',
    '{school}班额太大，一个班六十多个学生',
    '希望在{community}附近新建一所小学',
  ]),
  P('hotspot.education', 0.8, '市教育局', [
    '校外培训机构收费太高，希望规范管理',
    '孩子课后没人接，希望学校开展课后托管服务',
    '{school}放学太早，双职工家庭接不了孩子',
  ]),
  P(
    'hotspot.education',
    0.85,
    '市教育局',
    ['{school}周边小卖部卖三无零食，担心孩子健康', '{school}门口有不少流动摊贩，影响学生安全'],
    { alt: { unit: '市市场监督管理局', share: 0.3 }, misfiled: { code: 'hotspot.safety', share: 0.3 } },
  ),
  P('hotspot.health', 0.75, '市卫生健康委员会', [
    '社区卫生服务站医生太少，看病要排很长的队',
    '{community}卫生服务站药品不全，常用药都买不到',
    '希望社区医院能开展上门体检',
  ]),
  P('hotspot.health', 0.7, '市卫生健康委员会', ['大医院挂号难，排队时间长', '希望多开展健康讲座，普及慢性病知识']),
  P('hotspot.health', 0.6, '市卫生健康委员会', ['医保报销比例太低，看大病负担重', '异地就医报销手续麻烦'], {
    misfiled: { code: 'livelihood.welfare', share: 0.2 },
  }),
  P('hotspot.safety', 0.85, '市公安局', [
    '{estate}没有监控，电动车被盗了好几辆',
    '小区门口没有保安，晚上不安全',
    '最近{community}丢了好几辆电动车，希望加强巡逻',
  ]),
  P('hotspot.safety', 0.8, '市公安局', ['有人上门推销保健品，老人被骗了钱', '经常接到诈骗电话，希望多宣传防诈骗知识']),
  P('hotspot.safety', 0.85, '市市场监督管理局', [
    '{market}卖的肉没有检疫章，担心不安全',
    '路边小吃摊食品卫生没保障',
    '{road}上有家饭店后厨很脏，希望检查一下',
  ]),
  P('hotspot.safety', 0.8, '市市场监督管理局', ['{market}有商户缺斤短两，希望管一管', '超市卖过期食品，投诉了没人理']),
  P(
    'hotspot.culture',
    0.85,
    '市体育中心',
    ['{estate}缺少健身器材，老人锻炼没地方', '小区的健身器材坏了好久，没人修', '希望{park}多建几个篮球场和乒乓球台'],
    { misfiled: { code: 'city.roads', share: 0.15 } },
  ),
  P('hotspot.culture', 0.85, '市文化广电和旅游局', [
    '希望多举办广场文化活动，丰富居民生活',
    '{community}文化活动室经常锁着门，希望按时开放',
    '希望送戏下乡、送电影进社区',
  ]),
  P('hotspot.culture', 0.85, '市图书馆', ['图书馆开放时间太短，上班族去不了', '希望在{community}建个社区书屋']),
];

/** What people say before the problem: mostly nothing, or the stop words of complaints. */
const PREFIXES = [
  '',
  '',
  '',
  '',
  '',
  '',
  '希望',
  '麻烦反映一下：',
  '您好，',
  '说实话，',
  '我们这儿',
  '跟你们说个事，',
  '老邻居们都说',
  '我反映个情况：',
];
const SUFFIXES = [
  '',
  '',
  '',
  '',
  '。',
  '。',
  '，希望尽快解决',
  '，请相关部门尽快处理',
  '，谢谢',
  '，反映好几次了',
  '，大家意见很大',
  '！',
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const TITLES = ['先生', '女士', '女士', '先生', '阿姨', '大爷', '奶奶', '师傅', '大姐'];
const ROADS = ['人民路', '解放路', '建设大道', '文化路', '新华街', '滨河路', '南湖大道', '民主路', '朝阳路', '长江路'];
const MARKETS = ['中心农贸市场', '东城农贸市场', '西湖菜市场', '南湖农贸市场', '新华路菜市场', '滨河生鲜市场'];
const PARKS = ['人民公园', '南湖公园', '滨河公园', '儿童公园', '东湖公园', '翠园公园'];
const COMMUNITIES = ['幸福', '和平', '光明', '建设', '朝阳', '团结', '友谊', '春晖', '锦绣', '安居', '翠园', '丰收'];

/** The replies units give, by kind; {date} is the promised date (M月D日). */
const REPLIES: Record<'solved' | 'scheduled' | 'cannot', string[]> = {
  solved: [
    '您反映的问题已安排人员现场处理完毕，感谢您对创城工作的支持。',
    '经现场核实，问题已整改到位，欢迎继续监督。',
    '已协调责任单位处理，现已解决，请您查看。',
    '已于近日安排专人处理，后续将纳入日常巡查，防止反弹。',
  ],
  scheduled: [
    '已列入整改计划，预计{date}前完成，届时请您监督。',
    '已与责任单位对接，需采购材料，计划{date}前处理完毕。',
    '该问题已纳入年度改造项目，预计{date}前施工完成。',
    '已安排排期处理，{date}前给您答复结果。',
  ],
  cannot: [
    '经核实，该问题涉及产权和资金来源，暂时无法解决。我们已向上级部门反映，有进展将第一时间告知您，请您理解。',
    '该问题需纳入城市规划统筹解决，短期内不具备条件，已登记备案，感谢您的理解和支持。',
    '经调查，该事项不属于本单位职责，已转交相关部门研究，暂时不能给出处理时限，请您谅解。',
    '受场地条件限制，目前暂不能实施。我们将持续关注，条件成熟时优先安排。',
  ],
};

type Rand = () => number;

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** A random place of a made-up household (the classifier's tests and benchmark; the seed uses its own city's places). */
export function randomPlace(rand: Rand): OpinionPlace {
  const base = pick(rand, COMMUNITIES);
  return {
    community: `${base}社区`,
    estate: `${base}${pick(rand, ESTATE_SUFFIXES)}`,
    building: `${1 + Math.floor(rand() * 12)}号楼`,
    road: pick(rand, ROADS),
    market: pick(rand, MARKETS),
    school: `${base}小学`,
    park: pick(rand, PARKS),
  };
}

/** The problem's text for a household: one of its ways of saying it, placed, with a prefix and suffix. */
function say(rand: Rand, problem: Problem, variant: number, place: OpinionPlace): string {
  const core = problem.says[variant].replace(/\{(\w+)\}/g, (_, key: keyof OpinionPlace) => place[key]);
  const prefix = pick(rand, PREFIXES);
  let suffix = pick(rand, SUFFIXES);
  // A sentence that already ends does not take another ending.
  if (/[。！]$/.test(core) && suffix) suffix = '';
  return `${prefix}${core}${suffix}`;
}

/** Share of opinions that mention a second, smaller problem after the first ("另外…"). */
const SECOND_PROBLEM = 0.06;
const JOINS = ['；另外，', '，还有就是', '。再就是'];

/**
 * Writes one opinion of problem `index` (or a random one) at `place`, with the label staff would
 * give it (the first problem's, when a second one is added).
 */
export function writeOpinion(
  rand: Rand,
  place: OpinionPlace,
  index = Math.floor(rand() * PROBLEMS.length),
  variant?: number,
): GeneratedOpinion {
  const problem = PROBLEMS[index];
  let text = say(rand, problem, variant ?? Math.floor(rand() * problem.says.length), place);
  if (variant === undefined && rand() < SECOND_PROBLEM) {
    const other = PROBLEMS[Math.floor(rand() * PROBLEMS.length)];
    const more = other.says[Math.floor(rand() * other.says.length)].replace(
      /\{(\w+)\}/g,
      (_, key: keyof OpinionPlace) => place[key],
    );
    text = `${text.replace(/[。！，]$/, '')}${pick(rand, JOINS)}${more}`;
  }
  const code = problem.misfiled && rand() < problem.misfiled.share ? problem.misfiled.code : problem.code;
  const unit = problem.alt && rand() < problem.alt.share ? problem.alt.unit : problem.unit;
  return {
    text,
    topic: topTopicOf(code),
    subtopic: code.includes('.') ? code : null,
    scope: rand() < problem.common ? 'common' : 'individual',
    unit,
    problem: index,
  };
}

/**
 * Opinions as a city collects them: households of a neighbourhood share a handful of problems
 * (the same words come back from many doors) and raise others of their own. `count` opinions over
 * random places; for the classifier's tests and benchmark.
 */
export function generateOpinions(rand: Rand, count: number): GeneratedOpinion[] {
  const local = Array.from({ length: 40 }, () => ({
    place: randomPlace(rand),
    index: Math.floor(rand() * PROBLEMS.length),
    variant: -1,
  }));
  for (const l of local) l.variant = Math.floor(rand() * PROBLEMS[l.index].says.length);
  return Array.from({ length: count }, () => {
    if (rand() < 0.4) {
      const l = pick(rand, local);
      return writeOpinion(rand, l.place, l.index, l.variant);
    }
    return writeOpinion(rand, randomPlace(rand));
  });
}

/** A unit's reply of `kind`; `promisedOn` (YYYY-MM-DD) for a scheduled one. */
export function writeReply(rand: Rand, kind: 'solved' | 'scheduled' | 'cannot', promisedOn?: string | null): string {
  const text = pick(rand, REPLIES[kind]);
  if (!promisedOn) return text.replace('{date}', '近期');
  const [, month, day] = promisedOn.split('-').map(Number);
  return text.replace('{date}', `${month}月${day}日`);
}

/** How a resident who agreed to give a name is written on the form: 王女士, 李大爷. */
export function intervieweeName(rand: Rand): string {
  return `${pick(rand, [...SURNAMES])}${pick(rand, TITLES)}`;
}
