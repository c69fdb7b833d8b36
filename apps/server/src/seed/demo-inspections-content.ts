// The texts and places of the demo inspections (demo-inspections.ts): names of the squares, parks,
// venues, windows and scenic spots of 示范市 with the unit answering for each, the parts of
// generated names, inspectors' notes, and the material review the office asks of 20 units (the
// standards by code, the evidence documents, review notes). Fictional, in the style of the seeds.

export const SQUARES = [
  '市民广场',
  '火车站广场',
  '人民广场',
  '文化广场',
  '世纪广场',
  '南湖广场',
  '时代广场',
  '和平广场',
  '体育广场',
  '西湖广场',
  '滨河广场',
  '建设广场',
];
export const PARKS = [
  '人民公园',
  '南湖公园',
  '滨河公园',
  '儿童公园',
  '东湖公园',
  '西山公园',
  '翠园公园',
  '枫林公园',
  '桃源公园',
  '文化公园',
  '湿地公园',
  '体育公园',
  '劳动公园',
  '青年公园',
  '紫荆公园',
  '植物园',
];
export const ESTATE_SUFFIXES = ['花园', '小区', '家园', '苑', '新村', '公寓', '嘉园', '雅居'];
export const LANES = ['东巷', '西巷', '南街', '北街', '一巷', '二巷', '后街', '胡同'];
export const VILLAGES = ['张庄村', '李家营村', '王楼村', '赵寨村', '刘屯村', '孙庄村', '马家湾村', '周营村'];
export const CAFES = ['星际网咖', '极速网吧', '天空网咖', '蓝海网吧', '电竞之家', '飞扬网咖', '网鱼网咖', '启航网吧'];
export const BANKS = ['工商银行', '农业银行', '建设银行', '中国银行', '邮储银行', '交通银行', '农商银行'];
export const SCHOOL_NAMES = ['小学', '实验小学', '中心小学', '初级中学', '中学'];

/** [name, responsible unit] of single places. */
export const CULTURE: [string, string][] = [
  ['市文化馆', '市文化广电和旅游局'],
  ['东城区文化馆', '东城区人民政府'],
  ['西城区文化馆', '西城区人民政府'],
  ['南湖区文化馆', '南湖区人民政府'],
  ['市青少年宫', '团市委'],
  ['市工人文化宫', '市总工会'],
  ['市体育馆', '市体育中心'],
  ['市游泳馆', '市体育中心'],
  ['南湖体育场', '市体育中心'],
  ['市科技馆', '市科协'],
  ['城市规划馆', '市自然资源和规划局'],
  ['市大剧院', '市文化广电和旅游局'],
  ['万达影城', '市文化广电和旅游局'],
  ['横店电影城', '市文化广电和旅游局'],
  ['全民健身中心', '市体育中心'],
];
export const LIBRARIES: [string, string][] = [
  ['市图书馆', '市图书馆'],
  ['东城区图书馆', '东城区人民政府'],
  ['西城区图书馆', '西城区人民政府'],
  ['南湖区图书馆', '南湖区人民政府'],
];
export const MUSEUMS: [string, string][] = [
  ['市博物馆', '市博物馆'],
  ['革命纪念馆', '市文化广电和旅游局'],
  ['民俗博物馆', '市博物馆'],
  ['烈士陵园纪念馆', '市民政局'],
];
export const WINDOWS: [string, string][] = [
  ['市自来水公司营业厅', '市自来水公司'],
  ['供电营业厅', '国网示范供电公司'],
  ['公安户政服务窗口', '市公安局'],
  ['出入境办证大厅', '市公安局'],
  ['车管所业务大厅', '市公安局交警支队'],
  ['不动产登记中心', '市自然资源和规划局'],
  ['社保服务窗口', '市民政局'],
  ['婚姻登记处', '市民政局'],
  ['公积金服务窗口', '市住房和城乡建设局'],
  ['市场监管登记窗口', '市市场监督管理局'],
];
export const HALLS: [string, string][] = [
  ['市民之家（市政务服务中心）', '市政府办公室'],
  ['东城区政务服务中心', '东城区人民政府'],
  ['西城区政务服务中心', '西城区人民政府'],
  ['南湖区政务服务中心', '南湖区人民政府'],
];
export const SCENIC: [string, string][] = [
  ['南湖风景区', '市旅游委'],
  ['古城墙遗址公园', '市文化广电和旅游局'],
  ['文庙', '市文化广电和旅游局'],
  ['龙泉寺', '市旅游委'],
  ['滨河湿地景区', '市旅游委'],
  ['城隍庙', '市文化广电和旅游局'],
  ['森林公园', '市园林绿化中心'],
  ['示范古镇', '市旅游委'],
  ['紫荆山景区', '市旅游委'],
  ['革命旧址纪念地', '市文化广电和旅游局'],
];
export const STATIONS: [string, string][] = [
  ['示范火车站', '市火车站管理处'],
  ['市长途汽车站', '市长途汽车站'],
  ['城东公交客运枢纽', '市公交集团'],
];
export const HOSPITAL_UNITS = ['市人民医院', '市中医院', '市妇幼保健院', '东城区人民医院'];
export const SCHOOL_UNITS = [
  '市第一中学',
  '市实验小学',
  '市第二中学',
  '东城区实验小学',
  '西城区育才小学',
  '南湖区第一初级中学',
];

export const NOTES_FAILED = [
  '已现场告知负责人',
  '负责人表示立即整改',
  '现场拍照留存',
  '已电话通知包保单位',
  null,
  null,
  null,
];

/** Material review: standards (by code), which of the 20 units must submit, and the evidence's name. */
export const MATERIAL_UNITS = [
  '市城市管理局',
  '市教育局',
  '市交通运输局',
  '市住房和城乡建设局',
  '市文明办',
  '市委宣传部',
  '市市场监督管理局',
  '市卫生健康委员会',
  '市文化广电和旅游局',
  '市公安局交警支队',
  '示范日报社',
  '示范广播电视台',
  '市公交集团',
  '市农贸市场服务中心',
  '东城区人民政府',
  '西城区人民政府',
  '南湖区人民政府',
  '东风街道办事处',
  '西湖街道办事处',
  '南湖街道办事处',
];
/** The evidence documents units upload (one file of each kind, shared by the submissions). */
export const DOCS = [
  { file: '年度创建工作方案.docx', title: '年度创建工作方案' },
  { file: '创建工作台帐.docx', title: '创建工作台帐' },
  { file: '测评标准落实情况报告.docx', title: '测评标准落实情况报告' },
];
export const MATERIALS: { code: string; units: 'all' | string[]; doc: number; due: 'past' | 'month' }[] = [
  { code: 'I07.01.01.02', units: 'all', doc: 0, due: 'past' },
  { code: 'I07.01.01.03', units: 'all', doc: 1, due: 'month' },
  { code: 'I01.02.01.01', units: ['示范日报社', '示范广播电视台'], doc: 2, due: 'month' },
  { code: 'I05.01.02.01', units: ['市教育局'], doc: 2, due: 'month' },
  { code: 'I05.01.02.02', units: ['市教育局'], doc: 2, due: 'past' },
  { code: 'I04.02.01.01', units: ['市文明办', '市委宣传部', '市城市管理局', '市教育局'], doc: 1, due: 'month' },
  {
    code: 'I02.03.01.01',
    units: ['东风街道办事处', '西湖街道办事处', '南湖街道办事处', '市城市管理局'],
    doc: 1,
    due: 'month',
  },
  { code: 'I02.02.01.02', units: ['市住房和城乡建设局'], doc: 2, due: 'month' },
  { code: 'I06.01.02.02', units: ['市市场监督管理局'], doc: 2, due: 'month' },
];
export const RETURN_NOTES = [
  '材料不完整，缺少活动照片，请补充后重新提交',
  '台帐未按月份整理，请规范后重新上传',
  '方案未明确责任分工和时间节点，请完善',
  '佐证材料与测评标准不对应，请重新提交',
];
export const SUBMIT_NOTES = ['请审核', '已按要求补充完善', '附本单位落实情况', null];
