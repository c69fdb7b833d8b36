// The demo city 示范市 (fictional): regions with grids, ~60 units named like the agencies in the
// campaign notices, ~300 people, pairings, a leading group and task forces, and one account per
// role; then six months of cases, the campaign ledger and the field inspections (demo-*.ts). Seeded
// once, when the database holds no city; written with set-based inserts.

import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '@cc/common/permissions';
import type { Config } from '../platform/config.js';
import type { Db, Executor } from '../platform/db.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { writeAudit } from '../platform/audit.js';
import { savePolicy } from '../platform/auth/policy.js';
import { seedDemoCampaigns } from './demo-campaigns.js';
import { seedDemoCanvass } from './demo-canvass.js';
import { seedDemoCases, type DemoCasesContext } from './demo-cases.js';
import { seedDemoInspections } from './demo-inspections.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { seedDemoVolunteers } from './demo-volunteers.js';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
}

/** One demo account per role. They skip the forced first-login password change (demo only). */
export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  role: Role;
  scope: 'city' | 'district' | 'unit' | 'community';
}[] = [
  { username: 'admin', displayName: '创建办 王主任', role: 'city_admin', scope: 'city' },
  { username: 'district', displayName: '东城区创建办 李科长', role: 'region_staff', scope: 'district' },
  { username: 'unit', displayName: '城市管理局 赵联络员', role: 'unit_staff', scope: 'unit' },
  { username: 'inspector', displayName: '督导队 陈队员', role: 'inspector', scope: 'city' },
  { username: 'member', displayName: '党员 刘红', role: 'member', scope: 'community' },
  { username: 'canvasser', displayName: '征询员 孙明', role: 'canvasser', scope: 'unit' },
  { username: 'resident', displayName: '市民 周平', role: 'resident', scope: 'community' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', scope: 'city' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', scope: 'city' },
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin', scope: 'city' },
];

const CITY = { name: '示范市', code: '419900000000' };

const DISTRICTS = [
  { name: '东城区', streets: ['东风街道', '人民路街道', '解放街道', '新华街道'] },
  { name: '西城区', streets: ['西湖街道', '文化街道', '民主街道'] },
  { name: '南湖区', streets: ['南湖街道', '滨河街道', '高新区管委会'] },
];

const COMMUNITY_NAMES = [
  '幸福',
  '和平',
  '光明',
  '建设',
  '朝阳',
  '团结',
  '友谊',
  '春晖',
  '锦绣',
  '安居',
  '翠园',
  '丰收',
  '康宁',
  '长青',
  '枫林',
  '桃源',
  '新村',
  '育才',
  '红旗',
  '兴业',
  '花园',
  '静安',
  '书香',
  '同心',
  '金桥',
  '龙泉',
  '明珠',
  '海棠',
  '紫荆',
  '颐和',
  '博雅',
  '荣华',
  '清风',
  '阳光',
  '瑞祥',
  '泰和',
  '文昌',
  '秀水',
  '百合',
  '玉兰',
  '聚贤',
  '嘉禾',
];

/** Agencies as named in the campaign notices, with their unit type. */
const AGENCIES: [string, string][] = [
  ['市委宣传部', 'party_government'],
  ['市文明办', 'party_government'],
  ['市委市直机关工委', 'party_government'],
  ['市委组织部', 'party_government'],
  ['市政府办公室', 'party_government'],
  ['市教育局', 'agency'],
  ['市交通运输局', 'agency'],
  ['市住房和城乡建设局', 'agency'],
  ['市城市管理局', 'agency'],
  ['市公安局', 'agency'],
  ['市公安局交警支队', 'agency'],
  ['市文化广电和旅游局', 'agency'],
  ['市旅游委', 'agency'],
  ['市市场监督管理局', 'agency'],
  ['市卫生健康委员会', 'agency'],
  ['市生态环境局', 'agency'],
  ['市自然资源和规划局', 'agency'],
  ['市民政局', 'agency'],
  ['市商务局', 'agency'],
  ['市水利局', 'agency'],
  ['市园林绿化中心', 'public_institution'],
  ['市环境卫生管理处', 'public_institution'],
  ['市妇联', 'mass_organisation'],
  ['团市委', 'mass_organisation'],
  ['市总工会', 'mass_organisation'],
  ['市科协', 'mass_organisation'],
  ['示范日报社', 'media'],
  ['示范广播电视台', 'media'],
  ['市公交集团', 'enterprise'],
  ['市自来水公司', 'enterprise'],
  ['国网示范供电公司', 'enterprise'],
  ['市邮政分公司', 'enterprise'],
  ['中国移动示范分公司', 'enterprise'],
  ['市第一中学', 'school'],
  ['市实验小学', 'school'],
  ['市第二中学', 'school'],
  ['东城区实验小学', 'school'],
  ['西城区育才小学', 'school'],
  ['南湖区第一初级中学', 'school'],
  ['市职业技术学院', 'school'],
  ['市人民医院', 'hospital'],
  ['市中医院', 'hospital'],
  ['市妇幼保健院', 'hospital'],
  ['东城区人民医院', 'hospital'],
  ['市图书馆', 'public_institution'],
  ['市博物馆', 'public_institution'],
  ['市体育中心', 'public_institution'],
  ['市火车站管理处', 'public_institution'],
  ['市长途汽车站', 'enterprise'],
  ['市农贸市场服务中心', 'public_institution'],
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯鑫晨阳婷雪琳颖倩慧佳欣怡悦'.split('');
const PARTY_ORGS = ['机关第一党支部', '机关第二党支部', '机关第三党支部', '离退休党支部', '社区党总支'];
const POSITIONS = ['科员', '副科长', '科长', '副主任', '主任', '干事', '联络员', '网格员'];
const ROADS = ['人民路', '解放路', '建设大道', '文化路', '新华街', '滨河路', '南湖大道', '民主路', '朝阳路', '长江路'];
const SITES = ['中心农贸市场', '火车站广场', '人民公园', '市民广场', '长途汽车站', '南湖公园', '万达商场', '文化宫'];

/** Small deterministic PRNG so the demo city is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoIfEmpty(
  db: Db,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
): Promise<{ accounts: DemoAccount[] } | null> {
  const existing = await db.selectFrom('cities').select(['id', 'code']).execute();
  if (existing.length > 0) {
    // Already seeded: still print the accounts when this is the demo city.
    return existing.some((c) => c.code === CITY.code) ? { accounts: demoAccounts() } : null;
  }
  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const parts = await db.transaction().execute((trx) => seedDemoCity(trx, config, passwordHash));
  log.info({ ms: Date.now() - started, ...parts }, 'demo city seeded');
  return { accounts: demoAccounts() };
}

function demoAccounts(): DemoAccount[] {
  return DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: DEMO_PASSWORD, role: a.role }));
}

async function insertRegionLevel(
  trx: Executor,
  cityId: number,
  rows: { parentId: number | null; level: string; code: string; name: string; sort: number }[],
): Promise<number[]> {
  const inserted = await sql<{ id: number }>`
    INSERT INTO regions (city_id, parent_id, level, code, name, sort, path)
    SELECT ${cityId}, p, l, c, n, s, ''
    FROM unnest(${rows.map((r) => r.parentId)}::bigint[], ${rows.map((r) => r.level)}::text[],
                ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.sort)}::int[])
         WITH ORDINALITY AS t(p, l, c, n, s, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  await sql`
    UPDATE regions r SET path = COALESCE(p.path, '/') || r.id || '/'
    FROM regions r2 LEFT JOIN regions p ON p.id = r2.parent_id
    WHERE r.id = r2.id AND r.city_id = ${cityId} AND r.path = ''`.execute(trx);
  return inserted.rows.map((r) => r.id);
}

/** A closed square polygon around a point, for demo grids (WGS-84). */
function square(lng: number, lat: number, half: number) {
  const ring = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ].map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]);
  return { type: 'Polygon', coordinates: [ring] };
}

async function seedDemoCity(trx: Executor, config: Config, passwordHash: string) {
  const rand = prng(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const phone = () =>
    `1${pick(['35', '36', '37', '38', '39', '50', '58', '86', '87'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
  const personName = () => pick(SURNAMES.split('')) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');

  const city = await trx.insertInto('cities').values(CITY).returning('id').executeTakeFirstOrThrow();
  const cityId = city.id;
  await savePolicy(trx, cityId, config.security, new Date());

  // Regions, level by level.
  const [rootId] = await insertRegionLevel(trx, cityId, [
    { parentId: null, level: 'city', code: CITY.code, name: CITY.name, sort: 0 },
  ]);
  const districtIds = await insertRegionLevel(
    trx,
    cityId,
    DISTRICTS.map((d, i) => ({
      parentId: rootId,
      level: 'district',
      code: `4199${String(i + 1).padStart(2, '0')}000000`,
      name: d.name,
      sort: i,
    })),
  );
  const streetRows = DISTRICTS.flatMap((d, di) =>
    d.streets.map((name, si) => ({
      parentId: districtIds[di],
      level: 'street',
      code: `4199${String(di + 1).padStart(2, '0')}${String(si + 1).padStart(3, '0')}000`,
      name,
      sort: si,
    })),
  );
  const streetIds = await insertRegionLevel(trx, cityId, streetRows);
  let communityIndex = 0;
  const communityRows = streetRows.flatMap((street, si) => {
    const count = si % 3 === 0 ? 5 : 4;
    return Array.from({ length: count }, (_, ci) => {
      const base = COMMUNITY_NAMES[communityIndex++ % COMMUNITY_NAMES.length];
      return {
        parentId: streetIds[si],
        level: 'community',
        code: `${street.code.slice(0, 9)}${String(ci + 1).padStart(3, '0')}`,
        name: `${base}社区`,
        sort: ci,
      };
    });
  });
  const communityIds = await insertRegionLevel(trx, cityId, communityRows);
  const gridRows = communityRows.flatMap((c, ci) =>
    [1, 2, 3].map((g) => ({
      parentId: communityIds[ci],
      level: 'grid',
      code: `419990${String(ci * 3 + g).padStart(6, '0')}`,
      name: `${c.name}第${g}网格`,
      sort: g,
    })),
  );
  const gridIds = await insertRegionLevel(trx, cityId, gridRows);
  // Grid polygons laid out on a lattice around a fictional centre.
  const centre = { lng: 113.24, lat: 35.21 };
  const gridCentre = (i: number) => ({
    lng: centre.lng + (i % 12) * 0.006,
    lat: centre.lat + Math.floor(i / 12) * 0.006,
  });
  await sql`
    UPDATE regions r SET polygon = g.polygon::jsonb
    FROM unnest(${gridIds}::bigint[], ${gridIds.map((_, i) =>
      JSON.stringify(square(gridCentre(i).lng, gridCentre(i).lat, 0.0029)),
    )}::text[]) AS g(id, polygon)
    WHERE r.id = g.id`.execute(trx);

  // Units: agencies, then each street office under its district, each district office.
  const districtOffices = DISTRICTS.map((d, i) => ({
    name: `${d.name}人民政府`,
    type: 'district_office',
    regionId: districtIds[i],
    parent: null as string | null,
  }));
  const streetOffices = streetRows.map((s, i) => ({
    name: s.name.endsWith('管委会') ? s.name : `${s.name}办事处`,
    type: 'district_office',
    regionId: streetIds[i],
    parent: districtOffices[DISTRICTS.findIndex((d) => d.streets.includes(s.name))].name,
  }));
  const agencies = AGENCIES.map(([name, type]) => ({ name, type, regionId: rootId, parent: null as string | null }));
  const unitList = [...agencies, ...districtOffices, ...streetOffices];
  const heads = unitList.map(() => ({
    head: personName(),
    headPhone: phone(),
    liaison: personName(),
    liaisonPhone: phone(),
  }));
  const unitRows = await sql<{ id: number; name: string }>`
    INSERT INTO units (city_id, name, type, region_id, head_name, head_phone, liaison_name, liaison_phone)
    SELECT ${cityId}, n, t, r, hn, hp, ln, lp
    FROM unnest(${unitList.map((u) => u.name)}::text[], ${unitList.map((u) => u.type)}::text[], ${unitList.map((u) => u.regionId)}::bigint[],
                ${heads.map((h) => h.head)}::text[], ${heads.map((h) => h.headPhone)}::text[],
                ${heads.map((h) => h.liaison)}::text[], ${heads.map((h) => h.liaisonPhone)}::text[]) AS t(n, t, r, hn, hp, ln, lp)
    RETURNING id, name`.execute(trx);
  const unitId = new Map(unitRows.rows.map((u) => [u.name, u.id]));
  await sql`
    UPDATE units u SET parent_id = p.id
    FROM unnest(${unitList.filter((u) => u.parent).map((u) => u.name)}::text[], ${unitList.filter((u) => u.parent).map((u) => u.parent)}::text[]) AS x(child, parent)
    JOIN units p ON p.name = x.parent AND p.city_id = ${cityId}
    WHERE u.name = x.child AND u.city_id = ${cityId}`.execute(trx);

  // People: staff of the agencies and offices, and members living in the communities.
  const allUnitIds = unitRows.rows.map((u) => u.id);
  const people = Array.from({ length: 300 }, (_, i) => {
    const isMember = i % 3 !== 0;
    return {
      name: personName(),
      kind: isMember ? 'member' : 'staff',
      gender: rand() < 0.5 ? 'male' : 'female',
      phone: phone(),
      unitId: allUnitIds[i % allUnitIds.length],
      communityId: communityIds[Math.floor(rand() * communityIds.length)],
      partyOrg: isMember || rand() < 0.5 ? pick(PARTY_ORGS) : null,
      position: pick(POSITIONS),
    };
  });
  const personRows = await sql<{ id: number }>`
    INSERT INTO people (city_id, name, kind, gender, phone, unit_id, community_id, party_org, position)
    SELECT ${cityId}, n, k, g, p, u, c, o, pos
    FROM unnest(${people.map((p) => p.name)}::text[], ${people.map((p) => p.kind)}::text[], ${people.map((p) => p.gender)}::text[],
                ${people.map((p) => p.phone)}::text[], ${people.map((p) => p.unitId)}::bigint[], ${people.map((p) => p.communityId)}::bigint[],
                ${people.map((p) => p.partyOrg)}::text[], ${people.map((p) => p.position)}::text[])
         WITH ORDINALITY AS t(n, k, g, p, u, c, o, pos, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const personIds = personRows.rows.map((r) => r.id);

  // Pairings: every community has a paired unit for the year; some roads and sites too.
  const pairingUnits = agencies.map((a) => unitId.get(a.name)!);
  const pairings = [
    ...communityIds.map((cid, i) => ({
      unitId: pairingUnits[i % pairingUnits.length],
      targetType: 'community',
      regionId: cid,
      targetName: communityRows[i].name,
    })),
    ...ROADS.map((road, i) => ({
      unitId: pairingUnits[(i * 7) % pairingUnits.length],
      targetType: 'road_segment',
      regionId: districtIds[i % 3],
      targetName: `${road}（全段）`,
    })),
    ...SITES.map((site, i) => ({
      unitId: pairingUnits[(i * 5 + 3) % pairingUnits.length],
      targetType: 'site',
      regionId: districtIds[i % 3],
      targetName: site,
    })),
  ];
  await sql`
    INSERT INTO pairings (city_id, unit_id, target_type, region_id, target_name, starts_on, ends_on)
    SELECT ${cityId}, u, t, r, n, DATE '2026-01-01', DATE '2026-12-31'
    FROM unnest(${pairings.map((p) => p.unitId)}::bigint[], ${pairings.map((p) => p.targetType)}::text[],
                ${pairings.map((p) => p.regionId)}::bigint[], ${pairings.map((p) => p.targetName)}::text[]) AS x(u, t, r, n)`.execute(
    trx,
  );

  // The leading group and task forces.
  const groups = [
    {
      kind: 'leading_group',
      name: '示范市创建全国文明城市工作领导小组',
      duty: '统筹全市创建工作，研究解决重大问题',
      lead: '市文明办',
    },
    {
      kind: 'task_force',
      name: '市容环境整治专班',
      duty: '背街小巷、农贸市场、建筑工地环境整治',
      lead: '市城市管理局',
    },
    { kind: 'task_force', name: '公益广告宣传专班', duty: '公益广告刊播与点位督查', lead: '市委宣传部' },
    { kind: 'task_force', name: '文明交通专班', duty: '文明交通劝导与交通秩序整治', lead: '市公安局交警支队' },
  ];
  const groupRows = await sql<{ id: number }>`
    INSERT INTO groups (city_id, kind, name, duty, lead_unit_id)
    SELECT ${cityId}, k, n, d, u
    FROM unnest(${groups.map((g) => g.kind)}::text[], ${groups.map((g) => g.name)}::text[], ${groups.map((g) => g.duty)}::text[],
                ${groups.map((g) => unitId.get(g.lead)!)}::bigint[]) WITH ORDINALITY AS x(k, n, d, u, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const members = groupRows.rows.flatMap((g, gi) =>
    Array.from({ length: gi === 0 ? 12 : 6 }, (_, i) => ({
      groupId: g.id,
      personId: personIds[(gi * 40 + i * 3) % personIds.length],
      role: i === 0 ? '组长' : i < 3 ? '副组长' : '成员',
      sort: i,
    })),
  );
  await sql`
    INSERT INTO group_members (city_id, group_id, person_id, role, sort)
    SELECT ${cityId}, g, p, r, s
    FROM unnest(${members.map((m) => m.groupId)}::bigint[], ${members.map((m) => m.personId)}::bigint[],
                ${members.map((m) => m.role)}::text[], ${members.map((m) => m.sort)}::int[]) AS x(g, p, r, s)`.execute(
    trx,
  );

  // Accounts: one per role (demo: no forced change), plus liaison accounts for a few units that,
  // like real seeded accounts, must change the password at first sign-in.
  const cityUnit = unitId.get('市城市管理局')!;
  const scopeOf = (scope: (typeof DEMO_ACCOUNTS)[number]['scope']) => {
    switch (scope) {
      case 'city':
        return { regionId: rootId, unitId: null };
      case 'district':
        return { regionId: districtIds[0], unitId: null };
      case 'unit':
        return { regionId: null, unitId: cityUnit };
      case 'community':
        return { regionId: communityIds[0], unitId: null };
    }
  };
  const accounts = [
    ...DEMO_ACCOUNTS.map((a) => ({ ...a, ...scopeOf(a.scope), mustChange: false })),
    ...['市教育局', '市交通运输局', '市住房和城乡建设局'].map((name, i) => ({
      username: `liaison${i + 1}`,
      displayName: `${name}联络员`,
      role: 'unit_staff' as Role,
      regionId: null,
      unitId: unitId.get(name)!,
      mustChange: true,
    })),
  ];
  const userRows = await sql<{ id: number; username: string }>`
    INSERT INTO users (city_id, username, display_name, password_hash, roles, region_id, unit_id, must_change_password)
    SELECT ${cityId}, u, d, ${passwordHash}, ARRAY[r], rg, un, m
    FROM unnest(${accounts.map((a) => a.username)}::text[], ${accounts.map((a) => a.displayName)}::text[], ${accounts.map((a) => a.role)}::text[],
                ${accounts.map((a) => a.regionId)}::bigint[], ${accounts.map((a) => a.unitId)}::bigint[], ${accounts.map((a) => a.mustChange)}::boolean[]) AS x(u, d, r, rg, un, m)
    RETURNING id, username`.execute(trx);
  const userId = new Map(userRows.rows.map((u) => [u.username, u.id]));

  await writeAudit(trx, {
    cityId,
    actorId: null,
    actorName: 'system',
    ip: null,
    action: 'seed.demo',
    entityType: 'city',
    entityId: cityId,
    after: {
      regions: 1 + districtIds.length + streetIds.length + communityIds.length + gridIds.length,
      units: unitList.length,
      people: people.length,
      pairings: pairings.length,
      groups: groups.length,
      accounts: accounts.length,
    },
  });

  // Six months of cases over all of the above.
  const now = new Date();
  const users = accounts.map((a) => ({
    id: userId.get(a.username)!,
    username: a.username,
    displayName: a.displayName,
    regionId: a.regionId,
    unitId: a.unitId,
  }));
  const communities = communityRows.map((c, i) => ({
    id: communityIds[i],
    name: c.name,
    pairedUnitId: pairingUnits[i % pairingUnits.length],
  }));
  const casesCtx: DemoCasesContext = {
    cityId,
    cityName: CITY.name,
    config,
    now,
    rand,
    units: unitId,
    communities: communities.map((c, i) => {
      const si = streetIds.indexOf(communityRows[i].parentId);
      const di = districtIds.indexOf(streetRows[si].parentId);
      return {
        ...c,
        street: streetRows[si].name,
        district: DISTRICTS[di].name,
        districtId: districtIds[di],
        streetOfficeId: unitId.get(streetOffices[si].name)!,
      };
    }),
    grids: gridIds.map((id, i) => ({
      id,
      communityId: gridRows[i].parentId,
      centre: gridCentre(i),
      half: 0.0029,
    })),
    users,
  };
  await seedDemoCases(trx, casesCtx);

  // The campaign of the work ledger, around the same time.
  const campaign = await seedDemoCampaigns(trx, {
    cityId,
    rootId,
    config,
    now,
    rand,
    units: unitId,
    communities,
    users,
  });

  // Sites, three monthly inspection rounds and the current one, their cases, material review.
  const started = performance.now();
  const inspections = await seedDemoInspections(trx, {
    ...casesCtx,
    rootId,
    campaignId: campaign.campaignId,
    passwordHash,
  });
  const inspectionsMs = Math.round(performance.now() - started);

  // Two questionnaires with about 5,000 answers over the communities.
  const surveysStarted = performance.now();
  const surveys = await seedDemoSurveys(trx, { ...casesCtx, rootId, campaignId: campaign.campaignId });
  const surveysMs = Math.round(performance.now() - surveysStarted);

  // The door-to-door canvass (访千楼万家) of the campaign, its opinions and the trained classifier.
  const canvassStarted = performance.now();
  const canvass = await seedDemoCanvass(trx, { ...casesCtx, rootId, campaignId: campaign.campaignId, passwordHash });
  const canvassMs = Math.round(performance.now() - canvassStarted);

  // Community registration and volunteer service (单位下班，社区报到; the weekly 五个一).
  const volunteersStarted = performance.now();
  const volunteers = await seedDemoVolunteers(trx, {
    ...casesCtx,
    rootId,
    campaignId: campaign.campaignId,
    passwordHash,
  });
  const volunteersMs = Math.round(performance.now() - volunteersStarted);
  return {
    inspections: { ...inspections, ms: inspectionsMs },
    surveys: { ...surveys, ms: surveysMs },
    canvass: { ...canvass, ms: canvassMs },
    volunteers: { ...volunteers, ms: volunteersMs },
  };
}
