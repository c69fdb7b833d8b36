// The demo community service of 示范市 (单位下班，社区报到; the weekly 五个一): about 20,000
// party members and cadres of the demo units living across the communities — the city's
// members plus generated ones, their party organisations named after their units (e.g.
// 市城市管理局机关第一党支部) — ~85 % registered with their residential community (most confirmed,
// some pending, a few rejected with a reason or withdrawn), with skills, available times and
// family members; ~5,000 activities of the last six months by communities and units (the 五个一
// most, city clean days, 学雷锋, civil-traffic persuasion) near the community grids, mostly on
// weekends and weekday evenings; ~200,000 check-ins with a heavy tail (15 % of the members never
// come, most every other week or so, a few up to three times a week) inside the windows and the geofences, hours computed like serviceMinutes and
// mostly confirmed; sign-ups; self-reported items with a photo; and the weekly tracker computed
// from all of it with the rule of tracker.ts refreshWeek. A couple of activities happen today and
// this week — one of the demo `member`'s community open for check-in at the seed time — and the
// `member` account is linked to a registered member with history and a partly done week.
// Activities are planned in memory with the seed's PRNG; the bulk rows are generated in SQL
// (seeded random()) — every insert is set-based.

import { sql } from 'kysely';
import { localDay, weekStartOf } from '@cc/common/volunteers';
import { ensureActivityTypes, newQrKey } from '../modules/volunteers/index.js';
import type { Executor } from '../platform/db.js';
import { CHINA, DAY, HOUR, MINUTE, peopleHelpers, randomHelpers, ROADS, storeDemoPhotos } from './demo-cases.js';
import { ESTATE_SUFFIXES, PARKS } from './demo-inspections-content.js';
import type { DemoInspectionsContext } from './demo-inspections.js';

export type DemoVolunteersContext = DemoInspectionsContext;

export interface DemoVolunteersResult {
  members: number;
  registrations: number;
  activities: number;
  attendance: number;
  signups: number;
  reports: number;
  weeks: number;
}

/** Members of the demo city in all (the city's own members included). */
const MEMBERS = 20_000;
const ACTIVITIES = 5_000;
const HISTORY_DAYS = 182;

const BRANCHES = ['机关第一党支部', '机关第二党支部', '机关第三党支部', '离退休党支部'];
const SKILLS = [
  '医疗救护',
  '法律咨询',
  '文艺宣传',
  '心理疏导',
  '摄影摄像',
  '交通劝导',
  '垃圾分类指导',
  '家电维修',
  '义务理发',
  '教育辅导',
  '书法绘画',
  '环境整治',
];
const TIMES = ['工作日晚上', '周六上午', '周六下午', '周日上午', '周日下午', '节假日'];
const RELATIONS = ['配偶', '儿子', '女儿', '父亲', '母亲'];
const REJECT_REASONS = ['居住地址不在本社区辖区', '所填工作单位与党员信息不符', '重复报到，已在其他社区报到'];
const REPORT_REJECT_REASONS = ['照片与所报事项不符', '照片不清晰，请重新上传'];
const MANUAL_REASONS = ['手机定位偏差，现场签到表核实', '老人无智能手机，组织者代为登记', '扫码时网络故障，现场核实'];
const COMMUNITY_SPOTS = ['党群服务中心', '文化广场', '健身广场', '小区南门', '1号楼前空地', '社区新时代文明实践站'];

/** Activity types with their weight in the plan and title/place writers. */
type Writer = (w: { community: string; unit: string | null; pick: <T>(l: readonly T[]) => T; city: string }) => {
  title: string;
  place: string;
};
const TYPES: { code: string; weight: number; write: Writer }[] = [
  {
    code: 'sanitation',
    weight: 20,
    write: ({ community, pick }) => ({
      title: `${community}${pick(['背街小巷', '小区楼道', '绿化带', '卫生死角', '农贸市场周边'])}环境卫生集中整治`,
      place: `${community}${pick(COMMUNITY_SPOTS)}`,
    }),
  },
  {
    code: 'volunteer',
    weight: 19,
    write: ({ community, pick }) => ({
      title: `${pick(['关爱空巢老人', '义诊进社区', '便民义务理发', '助老包饺子', '爱心助学', '家电义务维修'])}志愿服务`,
      place: `${community}${pick(COMMUNITY_SPOTS)}`,
    }),
  },
  {
    code: 'convention',
    weight: 14,
    write: ({ community, pick, city }) => ({
      title: `《${city}市民文明公约》宣传进${pick(['小区', '楼院', '广场', '商户'])}`,
      place: `${community}${pick(COMMUNITY_SPOTS)}`,
    }),
  },
  {
    code: 'sorting',
    weight: 14,
    write: ({ community, pick }) => ({
      title: `垃圾分类${pick(['入户宣传', '定点指导', '桶边督导', '知识讲座'])}`,
      place: `${community.replace(/社区$/, '')}${pick(ESTATE_SUFFIXES)}垃圾分类投放点`,
    }),
  },
  {
    code: 'dissuasion',
    weight: 12,
    write: ({ community, pick }) => ({
      title: `不文明行为劝导：${pick(['乱扔垃圾', '乱停乱放', '占道经营', '遛狗不牵绳', '随地吐痰'])}`,
      place: `${community}${pick(['沿街商铺', '农贸市场门口', '公交站台', ...PARKS.slice(0, 3)])}`,
    }),
  },
  {
    code: 'clean_day',
    weight: 8,
    write: ({ community }) => ({ title: `城市清洁日·${community}大扫除`, place: `${community}辖区` }),
  },
  {
    code: 'lei_feng',
    weight: 6,
    write: ({ community, pick }) => ({
      title: `学雷锋志愿服务·${pick(['文明实践进万家', '扶老助残', '清洁家园', '爱心义卖'])}`,
      place: `${community}${pick(COMMUNITY_SPOTS)}`,
    }),
  },
  {
    code: 'traffic',
    weight: 7,
    write: ({ pick }) => {
      const a = pick(ROADS);
      const b = pick(ROADS.filter((r) => r !== a));
      return { title: `文明交通劝导（${a}路口）`, place: `${a}与${b}交叉口` };
    },
  },
];

interface PlannedActivity {
  typeCode: string;
  title: string;
  description: string;
  communityId: number;
  unitId: number | null;
  organiserId: number;
  organiserName: string;
  place: string;
  lng: number;
  lat: number;
  radius: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  status: 'published' | 'cancelled';
  createdAt: Date;
}

export async function seedDemoVolunteers(trx: Executor, ctx: DemoVolunteersContext): Promise<DemoVolunteersResult> {
  const { cityId, now } = ctx;
  const { chance, int, pick, weighted, between } = randomHelpers(ctx.rand);
  const { personName, phone } = peopleHelpers(ctx.rand);
  // The bulk rows come from SQL random(): seeded, so the demo is the same on every run.
  await sql`SELECT setseed(0.2026)`.execute(trx);
  await ensureActivityTypes(trx, cityId);

  const user = (name: string) => ctx.users.find((u) => u.username === name)!;
  const admin = user('admin');
  const district = user('district');
  const unitAccount = user('unit');
  const memberAccount = user('member');
  const unitNames = new Map([...ctx.units].map(([name, id]) => [id, name]));
  const unitIds = [...ctx.units.values()];
  const communityById = new Map(ctx.communities.map((c) => [c.id, c]));
  const memberCommunity = ctx.communities.find((c) => c.id === memberAccount.regionId) ?? ctx.communities[0];
  const cityUnit = unitAccount.unitId!;

  // ------------------------------------------------------------------------------------------
  // Members: the city's own, the demo `member`, and generated party members and cadres
  // ------------------------------------------------------------------------------------------

  const linked = await trx
    .selectFrom('users')
    .select('person_id')
    .where('id', '=', memberAccount.id)
    .executeTakeFirstOrThrow();
  let memberPersonId = linked.person_id;
  if (memberPersonId === null) {
    const created = await trx
      .insertInto('people')
      .values({
        city_id: cityId,
        name: '刘红',
        kind: 'member',
        gender: 'female',
        phone: '13837105566',
        unit_id: cityUnit,
        community_id: memberCommunity.id,
        party_org: `${unitNames.get(cityUnit)}机关第一党支部`,
        position: '科员',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    memberPersonId = created.id;
    await trx.updateTable('users').set({ person_id: memberPersonId }).where('id', '=', memberAccount.id).execute();
  }
  const existing = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM people WHERE city_id = ${cityId} AND kind = 'member'`.execute(trx);
  const toGenerate = Math.max(0, MEMBERS - existing.rows[0].n);
  // Bigger units have more members (agencies and offices alike); each its own party branches.
  const unitWeight = new Map(unitIds.map((id) => [id, between(0.4, 2.2)]));
  const generated = Array.from({ length: toGenerate }, () => {
    const unitId = weighted(unitIds, (id) => unitWeight.get(id)!);
    const branches = 2 + (unitId % 3);
    return {
      name: personName(),
      gender: chance(0.52) ? 'male' : 'female',
      phone: phone(),
      unitId,
      communityId: pick(ctx.communities).id,
      partyOrg: `${unitNames.get(unitId)}${BRANCHES[Math.min(int(0, branches - 1), BRANCHES.length - 1)]}`,
      position: pick(['科员', '副科长', '科长', '干事', '副主任', '主任', '教师', '医生', '职工']),
    };
  });
  await sql`
    INSERT INTO people (city_id, name, kind, gender, phone, unit_id, community_id, party_org, position)
    SELECT ${cityId}, n, 'member', g, p, u, c, o, pos
    FROM unnest(${generated.map((p) => p.name)}::text[], ${generated.map((p) => p.gender)}::text[],
                ${generated.map((p) => p.phone)}::text[], ${generated.map((p) => p.unitId)}::bigint[],
                ${generated.map((p) => p.communityId)}::bigint[], ${generated.map((p) => p.partyOrg)}::text[],
                ${generated.map((p) => p.position)}::text[]) AS t(n, g, p, u, c, o, pos)`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Registrations (单位下班，社区报到)
  // ------------------------------------------------------------------------------------------

  const members = (
    await sql<{ id: number; unit_id: number | null; community_id: number | null; party_org: string | null }>`
      SELECT id, unit_id, community_id, party_org FROM people
      WHERE city_id = ${cityId} AND kind = 'member' ORDER BY id`.execute(trx)
  ).rows;
  const regs = members.flatMap((m) => {
    const isDemo = m.id === memberPersonId;
    if (!isDemo && chance(0.15)) return [];
    const x = ctx.rand();
    const status = isDemo
      ? 'confirmed'
      : x < 0.9
        ? 'confirmed'
        : x < 0.95
          ? 'pending'
          : x < 0.98
            ? 'rejected'
            : 'withdrawn';
    const daysAgo = status === 'confirmed' ? int(190, 420) : status === 'pending' ? int(1, 20) : int(30, 150);
    const registeredAt = new Date(now.getTime() - daysAgo * DAY - int(0, 600) * MINUTE);
    const decided = status === 'pending' ? null : new Date(registeredAt.getTime() + int(2, 96) * HOUR);
    const unitName = m.unit_id ? unitNames.get(m.unit_id) : undefined;
    // The city's own members carry a short branch name: registered with the unit's prefix.
    const partyOrg =
      m.party_org && unitName && !m.party_org.startsWith(unitName) ? `${unitName}${m.party_org}` : m.party_org;
    const family = chance(isDemo ? 1 : 0.3)
      ? Array.from({ length: int(1, 2) }, (_, i) => ({
          name: personName(),
          relation: i === 0 ? pick(RELATIONS.slice(0, 3)) : pick(RELATIONS),
        }))
      : [];
    return [
      {
        personId: m.id,
        communityId: isDemo ? memberCommunity.id : (m.community_id ?? pick(ctx.communities).id),
        status,
        unitId: m.unit_id,
        partyOrg,
        skills: SKILLS.filter(() => chance(0.15)),
        times: TIMES.filter(() => chance(0.35)),
        family: JSON.stringify(family),
        note: chance(0.05) ? '可带领家属一同参加' : null,
        registeredAt,
        decidedAt: decided,
        reason: status === 'rejected' ? pick(REJECT_REASONS) : null,
      },
    ];
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const text = (list: string[]) => `{${list.map((s) => `"${s}"`).join(',')}}`;
  await sql`
    INSERT INTO community_registrations (city_id, person_id, community_id, status, work_unit_id, party_org, skills,
      available_times, family_members, volunteer_no, note, registered_at, decided_by, decided_at, reject_reason,
      created_at, updated_at)
    SELECT ${cityId}, p, c, s, u, o, sk::text[], tm::text[], f::jsonb,
      CASE WHEN s = 'confirmed' THEN 'SFZY' || to_char(ra, 'YYYY') || lpad(ord::text, 6, '0') END,
      n, ra, CASE WHEN da IS NOT NULL THEN ${admin.id}::bigint END, da, rr, ra, coalesce(da, ra)
    FROM unnest(${regs.map((r) => r.personId)}::bigint[], ${regs.map((r) => r.communityId)}::bigint[],
                ${regs.map((r) => r.status)}::text[], ${regs.map((r) => r.unitId)}::bigint[],
                ${regs.map((r) => r.partyOrg)}::text[], ${regs.map((r) => text(r.skills))}::text[],
                ${regs.map((r) => text(r.times))}::text[], ${regs.map((r) => r.family)}::text[],
                ${regs.map((r) => r.note)}::text[], ${regs.map((r) => iso(r.registeredAt))}::timestamptz[],
                ${regs.map((r) => iso(r.decidedAt))}::timestamptz[], ${regs.map((r) => r.reason)}::text[])
      WITH ORDINALITY AS t(p, c, s, u, o, sk, tm, f, n, ra, da, rr, ord)`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Activities: planned here; a few around the seed time for the phone pages
  // ------------------------------------------------------------------------------------------

  const localMidnight = (ms: number) => Date.parse(`${localDay(new Date(ms))}T00:00:00Z`) - CHINA;
  const today = localMidnight(now.getTime());
  const gridsOf = new Map<number, DemoVolunteersContext['grids']>();
  for (const g of ctx.grids) gridsOf.set(g.communityId, [...(gridsOf.get(g.communityId) ?? []), g]);
  const spot = (communityId: number) => {
    const grid = pick(gridsOf.get(communityId) ?? ctx.grids);
    return {
      lng: Math.round((grid.centre.lng + between(-0.6, 0.6) * grid.half) * 1e6) / 1e6,
      lat: Math.round((grid.centre.lat + between(-0.6, 0.6) * grid.half) * 1e6) / 1e6,
    };
  };
  const communityWeight = new Map(ctx.communities.map((c) => [c.id, between(0.5, 1.6)]));
  const pairedCommunities = new Map<number, number[]>();
  for (const c of ctx.communities)
    pairedCommunities.set(c.pairedUnitId, [...(pairedCommunities.get(c.pairedUnitId) ?? []), c.id]);
  const organiserOf = (communityId: number, unitId: number | null) => {
    if (unitId === cityUnit) return unitAccount;
    if (unitId === null && communityById.get(communityId)?.districtId === district.regionId) return district;
    return admin;
  };
  const plan = (
    typeCode: string,
    communityId: number,
    unitId: number | null,
    startsAt: number,
    minutes: number,
  ): PlannedActivity => {
    const community = communityById.get(communityId)!;
    const type = TYPES.find((t) => t.code === typeCode)!;
    const unit = unitId ? unitNames.get(unitId)! : null;
    const written = type.write({ community: community.name, unit, pick, city: ctx.cityName });
    const organiser = organiserOf(communityId, unitId);
    const point = spot(communityId);
    return {
      typeCode,
      title: unit ? `${unit}党员进社区·${written.title}` : written.title,
      description: unit
        ? `${unit}组织在职党员到${community.name}开展活动，请报到党员准时参加，扫码签到签退。`
        : `${community.name}党委组织辖区报到党员、志愿者参加，可带家属一同参与，扫码签到签退。`,
      communityId,
      unitId,
      organiserId: organiser.id,
      organiserName: unit ?? `${community.name}党委`,
      place: written.place,
      ...point,
      radius: 100 + 50 * int(0, 4),
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + minutes * MINUTE),
      capacity: chance(0.15) ? null : 10 * int(3, 8),
      status: 'published',
      createdAt: new Date(Math.min(now.getTime(), startsAt - int(1, 7) * DAY)),
    };
  };
  const activities: PlannedActivity[] = [];
  while (activities.length < ACTIVITIES) {
    const dayStart = today - int(1, HISTORY_DAYS) * DAY;
    const weekday = new Date(dayStart + CHINA).getUTCDay(); // 0 = Sunday
    const weekend = weekday === 0 || weekday === 6;
    if (!weekend && chance(0.55)) continue; // weekends carry most of the activities
    let typeCode = weighted(TYPES, (t) => t.weight).code;
    const march = new Date(dayStart + CHINA).getUTCMonth() === 2;
    if (march && chance(0.25)) typeCode = 'lei_feng';
    if (typeCode === 'clean_day' && weekday !== 5 && weekday !== 6) continue; // clean days: Friday/Saturday
    const byUnit = chance(0.25);
    const unitId = byUnit ? pick(unitIds) : null;
    const communityId =
      byUnit && pairedCommunities.has(unitId!)
        ? pick(pairedCommunities.get(unitId!)!)
        : weighted(ctx.communities, (c) => communityWeight.get(c.id)!).id;
    const startMinute = weekend
      ? pick([8 * 60 + 30, 9 * 60, 9 * 60 + 30, 15 * 60, 16 * 60])
      : chance(0.8)
        ? pick([18 * 60 + 30, 19 * 60])
        : 9 * 60;
    const minutes = weekend ? pick([60, 90, 120, 120, 150, 180]) : pick([60, 90, 90, 120]);
    const a = plan(typeCode, communityId, unitId, dayStart + startMinute * MINUTE, minutes);
    if (chance(0.02)) a.status = 'cancelled';
    activities.push(a);
  }
  // Around the seed time: one of the member's community open for check-in now, more this week.
  const nowMs = now.getTime();
  const quarter = (ms: number) => Math.floor(ms / (15 * MINUTE)) * 15 * MINUTE;
  const current = plan('sanitation', memberCommunity.id, null, quarter(nowMs - 20 * MINUTE), 150);
  current.capacity = 60;
  current.createdAt = new Date(nowMs - 3 * DAY);
  const upcoming = [
    plan('convention', memberCommunity.id, null, today + DAY + 19 * 60 * MINUTE, 90),
    plan('sorting', memberCommunity.id, cityUnit, today + 2 * DAY + 9 * 60 * MINUTE, 120),
    plan('volunteer', ctx.communities[1].id, null, quarter(nowMs + 3 * HOUR), 120),
    plan('traffic', ctx.communities[2].id, null, today + 3 * DAY + 8 * 60 * MINUTE, 120),
  ];
  for (const a of upcoming) a.createdAt = new Date(nowMs - int(1, 4) * DAY);
  // Earlier this week (when the week is old enough): a 五个一 the member already did.
  const weekStart = weekStartOf(localDay(now));
  const weekStartMs = Date.parse(`${weekStart}T00:00:00Z`) - CHINA;
  // The latest morning or evening slot of this week that ended half an hour before the seed time.
  const slots = Array.from({ length: 7 }, (_, d) => [8.5, 18.5].map((h) => weekStartMs + d * DAY + h * HOUR)).flat();
  const slot = slots.filter((s) => s + 90 * MINUTE <= nowMs - 30 * MINUTE).pop();
  const earlier = slot !== undefined ? plan('dissuasion', memberCommunity.id, null, slot, 90) : null;
  if (earlier) earlier.createdAt = new Date(earlier.startsAt.getTime() - DAY);
  const all = [...activities, current, ...upcoming, ...(earlier ? [earlier] : [])];
  const ids = (
    await sql<{ id: number }>`
      INSERT INTO volunteer_activities (city_id, type_code, title, description, community_id, organiser_unit_id,
        organiser_id, organiser_name, place, lng, lat, radius_m, starts_at, ends_at, capacity, status, qr_key,
        created_at, updated_at)
      SELECT ${cityId}, ty, ti, de, c, u, o, onm, pl, x, y, r, s, e, cap, st, k, ca, ca
      FROM unnest(${all.map((a) => a.typeCode)}::text[], ${all.map((a) => a.title)}::text[],
                  ${all.map((a) => a.description)}::text[], ${all.map((a) => a.communityId)}::bigint[],
                  ${all.map((a) => a.unitId)}::bigint[], ${all.map((a) => a.organiserId)}::bigint[],
                  ${all.map((a) => a.organiserName)}::text[], ${all.map((a) => a.place)}::text[],
                  ${all.map((a) => a.lng)}::float8[], ${all.map((a) => a.lat)}::float8[],
                  ${all.map((a) => a.radius)}::int[], ${all.map((a) => iso(a.startsAt))}::timestamptz[],
                  ${all.map((a) => iso(a.endsAt))}::timestamptz[], ${all.map((a) => a.capacity)}::int[],
                  ${all.map((a) => a.status)}::text[], ${all.map(() => newQrKey())}::text[],
                  ${all.map((a) => iso(a.createdAt))}::timestamptz[])
        WITH ORDINALITY AS t(ty, ti, de, c, u, o, onm, pl, x, y, r, s, e, cap, st, k, ca, ord)
      ORDER BY ord
      RETURNING id`.execute(trx)
  ).rows.map((r) => r.id);
  const currentId = ids[activities.length];
  const upcomingIds = ids.slice(activities.length + 1, activities.length + 1 + upcoming.length);
  const earlierId = earlier ? ids[ids.length - 1] : null;

  // ------------------------------------------------------------------------------------------
  // Attendance of the past activities: a heavy-tailed number of check-ins per confirmed member,
  // drawn from the activities of the member's community (and some of the member's unit)
  // ------------------------------------------------------------------------------------------

  // Fresh tables have no statistics yet: without them the planner joins the draws badly.
  await sql`ANALYZE community_registrations, volunteer_activities`.execute(trx);
  const WEEK = sql`date_trunc('week', (a.starts_at AT TIME ZONE 'UTC') + interval '8 hours')::date`;
  const selectQ = sql`
    WITH pool_c AS (
      SELECT community_id AS k, array_agg(id ORDER BY id) AS ids FROM volunteer_activities
      WHERE city_id = ${cityId} AND status = 'published' AND ends_at <= ${now}::timestamptz - interval '30 minutes'
        AND organiser_unit_id IS NULL
        AND id <> ${earlierId ?? 0}
      GROUP BY community_id
    ), pool_u AS (
      SELECT organiser_unit_id AS k, array_agg(id ORDER BY id) AS ids FROM volunteer_activities
      WHERE city_id = ${cityId} AND status = 'published' AND ends_at <= ${now}::timestamptz - interval '30 minutes'
        AND organiser_unit_id IS NOT NULL
      GROUP BY organiser_unit_id
    ), m AS (
      SELECT r.person_id, r.community_id, r.work_unit_id, r.family_members,
        CASE WHEN r.person_id = ${memberPersonId} THEN 30 WHEN random() < 0.15 THEN 0
          ELSE least(78, floor(11 * power(random(), -0.4)))::int END AS n
      FROM community_registrations r WHERE r.city_id = ${cityId} AND r.status = 'confirmed'
    ), draws AS (
      SELECT DISTINCT ON (d.activity_id, d.person_id) d.* FROM (
        SELECT m.person_id, m.family_members,
          CASE WHEN u.ids IS NOT NULL AND random() < 0.25 THEN u.ids[1 + floor(random() * cardinality(u.ids))::int]
               ELSE c.ids[1 + floor(random() * cardinality(c.ids))::int] END AS activity_id
        FROM m JOIN pool_c c ON c.k = m.community_id LEFT JOIN pool_u u ON u.k = m.work_unit_id
        CROSS JOIN LATERAL generate_series(1, m.n) g
      ) d ORDER BY d.activity_id, d.person_id
    ), r AS (
      SELECT d.*, a.starts_at, a.ends_at, a.lng, a.lat, a.radius_m, a.organiser_id, ${WEEK} AS week_start,
        random() AS r_in, random() AS r_late, random() AS r_out, random() AS r_early, random() AS r_manual,
        random() AS r_status, random() AS r_cut, random() AS r_decide, random() AS r_family,
        random() * 0.7 * a.radius_m AS d_in, random() * 2 * pi() AS b_in,
        random() * 0.7 * a.radius_m AS d_out, random() * 2 * pi() AS b_out
      FROM draws d JOIN volunteer_activities a ON a.id = d.activity_id
    ), t AS (
      SELECT r.*,
        least(r.ends_at - interval '10 minutes', r.starts_at + make_interval(mins => (r.r_in * 30 - 22)::int)
          + CASE WHEN r.r_late < 0.1 THEN make_interval(mins => (r.r_late * 400)::int) ELSE interval '0' END) AS cin,
        CASE WHEN r.r_early < 0.08 THEN r.ends_at - make_interval(mins => (r.r_early * 500)::int)
          ELSE r.ends_at + make_interval(mins => (r.r_out * 25 - 12)::int) END AS cout_raw,
        r.r_manual < 0.03 AS manual,
        CASE WHEN r.ends_at > ${now}::timestamptz - interval '2 days'
               THEN CASE WHEN r.r_status < 0.35 THEN 'confirmed' ELSE 'pending' END
             WHEN r.r_status < 0.89 THEN 'confirmed' WHEN r.r_status < 0.92 THEN 'rejected' ELSE 'pending' END AS st
      FROM r
    ), u AS (
      SELECT t.*, greatest(t.cout_raw, t.cin + interval '10 minutes') AS cout FROM t
    ), v AS (
      SELECT u.*, greatest(0, floor(extract(epoch FROM least(u.cout, u.ends_at) - greatest(u.cin, u.starts_at)) / 60))::int
        AS mins,
        least(${now}::timestamptz - interval '1 minute', u.cout + make_interval(mins => (30 + u.r_decide * 4000)::int)) AS dec
      FROM u
    )
    SELECT ${cityId}, v.activity_id, v.person_id, v.week_start,
      CASE WHEN v.r_family < 0.4 THEN v.family_members ELSE '[]'::jsonb END,
      v.cin,
      CASE WHEN v.manual THEN NULL ELSE v.lng + v.d_in * sin(v.b_in) / (111320 * cos(radians(v.lat))) END,
      CASE WHEN v.manual THEN NULL ELSE v.lat + v.d_in * cos(v.b_in) / 111320 END,
      CASE WHEN v.manual THEN NULL ELSE v.d_in END,
      v.cout,
      CASE WHEN v.manual THEN NULL ELSE v.lng + v.d_out * sin(v.b_out) / (111320 * cos(radians(v.lat))) END,
      CASE WHEN v.manual THEN NULL ELSE v.lat + v.d_out * cos(v.b_out) / 111320 END,
      CASE WHEN v.manual THEN NULL ELSE v.d_out END,
      CASE WHEN v.manual THEN (${MANUAL_REASONS}::text[])[1 + floor(v.r_cut * ${MANUAL_REASONS.length})::int] END,
      CASE WHEN v.manual THEN v.organiser_id END,
      v.mins, v.st,
      CASE WHEN v.st = 'confirmed' THEN CASE WHEN v.r_cut < 0.05 THEN (v.mins / 30) * 30 ELSE v.mins END END,
      CASE WHEN v.st IN ('confirmed', 'rejected') THEN v.organiser_id END,
      CASE WHEN v.st IN ('confirmed', 'rejected') THEN v.dec END,
      v.cin, CASE WHEN v.st IN ('confirmed', 'rejected') THEN v.dec ELSE v.cout END
    FROM v`;
  const attendedQ = sql`
    INSERT INTO activity_attendance (city_id, activity_id, person_id, week_start, family, check_in_at, check_in_lng,
      check_in_lat, check_in_distance_m, check_out_at, check_out_lng, check_out_lat, check_out_distance_m,
      manual_reason, manual_by, minutes, status, confirmed_minutes, decided_by, decided_at, created_at, updated_at)
    ${selectQ}`;
  await attendedQ.execute(trx);

  // The member's activity earlier this week (checked out, waiting for confirmation), and the
  // activity under way: some have checked in, the member has signed up and can check in now.
  if (earlierId) {
    const e = earlier!;
    const out = new Date(Math.min(e.endsAt.getTime(), nowMs - MINUTE));
    const checkIn = new Date(Math.min(e.startsAt.getTime() + 3 * MINUTE, out.getTime()));
    const minutes = Math.max(
      0,
      Math.floor((out.getTime() - Math.max(checkIn.getTime(), e.startsAt.getTime())) / MINUTE),
    );
    await sql`
      INSERT INTO activity_attendance (city_id, activity_id, person_id, week_start, check_in_at, check_in_lng,
        check_in_lat, check_in_distance_m, check_out_at, check_out_lng, check_out_lat, check_out_distance_m, minutes,
        status, created_at, updated_at)
      VALUES (${cityId}, ${earlierId}, ${memberPersonId}, ${weekStartOf(localDay(e.startsAt))}::date, ${checkIn},
        ${e.lng}, ${e.lat + 0.0003}, 33.4, ${out}, ${e.lng}, ${e.lat - 0.0002}, 22.3, ${minutes}, 'pending', ${checkIn},
        ${out})`.execute(trx);
  }
  await sql`
    INSERT INTO activity_attendance (city_id, activity_id, person_id, week_start, check_in_at, check_in_lng,
      check_in_lat, check_in_distance_m, status, created_at, updated_at)
    SELECT ${cityId}, a.id, r.person_id, ${WEEK}, r.at, a.lng + 0.0004 * (r.q - 0.5), a.lat + 0.0004 * (r.q2 - 0.5),
      30 + 40 * r.q, 'open', r.at, r.at
    FROM volunteer_activities a
    JOIN (SELECT person_id, random() AS pick, random() AS q, random() AS q2,
            least(${now}::timestamptz, ${iso(current.startsAt)}::timestamptz - interval '15 minutes'
              + make_interval(secs => (random() * 1800)::int)) AS at
          FROM community_registrations
          WHERE community_id = ${memberCommunity.id} AND status = 'confirmed' AND person_id <> ${memberPersonId}) r ON true
    WHERE a.id = ${currentId} AND r.pick < 0.04`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Sign-ups: most attendants signed up beforehand (some assigned by the organiser); members of
  // the communities signed up for the coming activities
  // ------------------------------------------------------------------------------------------

  await sql`
    INSERT INTO activity_signups (city_id, activity_id, person_id, source, created_by, created_at)
    SELECT ${cityId}, x.activity_id, x.person_id, CASE WHEN x.q < 0.1 THEN 'assigned' ELSE 'self' END,
      CASE WHEN x.q < 0.1 THEN a.organiser_id WHEN x.person_id = ${memberPersonId} THEN ${memberAccount.id}::bigint END,
      greatest(a.created_at, a.starts_at - make_interval(mins => (30 + x.q * 5000)::int))
    FROM (SELECT activity_id, person_id, random() AS q FROM activity_attendance WHERE city_id = ${cityId}) x
    JOIN volunteer_activities a ON a.id = x.activity_id
    WHERE x.q < 0.85 OR x.person_id = ${memberPersonId}`.execute(trx);
  await sql`
    INSERT INTO activity_signups (city_id, activity_id, person_id, source, created_by, created_at)
    SELECT ${cityId}, a.id, r.person_id, 'self',
      CASE WHEN r.person_id = ${memberPersonId} THEN ${memberAccount.id}::bigint END,
      least(${now}::timestamptz, a.created_at + make_interval(mins => (r.q * 2000)::int))
    FROM volunteer_activities a
    JOIN (SELECT person_id, community_id, random() AS q FROM community_registrations WHERE status = 'confirmed'
            AND city_id = ${cityId}) r ON r.community_id = a.community_id
    WHERE a.id = ANY(${[currentId, ...upcomingIds]}::bigint[])
      AND (r.q < 0.05 OR (r.person_id = ${memberPersonId} AND a.id = ${currentId}))
    ON CONFLICT (activity_id, person_id) DO NOTHING`.execute(trx);
  // Capacities hold everyone who signed up or came.
  await sql`
    UPDATE volunteer_activities a SET capacity = greatest(a.capacity, n.n)
    FROM (SELECT activity_id, count(DISTINCT person_id)::int AS n FROM (
            SELECT activity_id, person_id FROM activity_signups WHERE city_id = ${cityId}
            UNION ALL SELECT activity_id, person_id FROM activity_attendance WHERE city_id = ${cityId}) s
          GROUP BY activity_id) n
    WHERE a.id = n.activity_id AND a.capacity IS NOT NULL AND a.capacity < n.n`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Self-reported 五个一 items with a photo, mostly confirmed
  // ------------------------------------------------------------------------------------------

  const photos = await storeDemoPhotos(trx, ctx, [
    { r: 96, g: 140, b: 88, label: '环境整治', name: '五个一-环境整治.jpg', userId: memberAccount.id },
    { r: 180, g: 90, b: 80, label: '志愿服务', name: '五个一-志愿服务.jpg', userId: memberAccount.id },
    { r: 90, g: 110, b: 170, label: '文明公约宣传', name: '五个一-文明公约宣传.jpg', userId: memberAccount.id },
    { r: 70, g: 150, b: 130, label: '垃圾分类', name: '五个一-垃圾分类.jpg', userId: memberAccount.id },
    { r: 160, g: 130, b: 70, label: '文明劝导', name: '五个一-文明劝导.jpg', userId: memberAccount.id },
  ]);
  const ITEMS = ['sanitation', 'volunteer', 'convention', 'sorting', 'dissuasion'];
  await sql`
    INSERT INTO five_one_reports (city_id, person_id, community_id, week_start, item, photo, note, status, decided_by,
      decided_at, reject_reason, created_at)
    SELECT ${cityId}, person_id, community_id, week_start, item, (${photos}::text[])[array_position(${ITEMS}::text[], item)],
      CASE WHEN q < 0.3 THEN (ARRAY['带孩子一起参加', '和邻居一起完成', '楼栋长组织'])[1 + floor(q * 10)::int % 3] END,
      st, CASE WHEN st <> 'pending' THEN ${admin.id}::bigint END,
      CASE WHEN st <> 'pending' THEN least(${now}::timestamptz, created + make_interval(mins => (60 + q * 2500)::int)) END,
      CASE WHEN st = 'rejected' THEN (${REPORT_REJECT_REASONS}::text[])[1 + floor(q * 1000)::int % 2] END,
      created
    FROM (
      SELECT DISTINCT ON (person_id, week_start, item) *,
        CASE WHEN created > ${now}::timestamptz - interval '2 days' THEN 'pending'
             WHEN q < 0.9 THEN 'confirmed' WHEN q < 0.94 THEN 'rejected' ELSE 'pending' END AS st
      FROM (
        SELECT r.person_id, r.community_id, g.week_start, g.item, g.q,
          least(${now}::timestamptz - interval '5 minutes',
            (g.week_start::timestamp AT TIME ZONE 'UTC') - interval '8 hours' + make_interval(mins => (g.q2 * 9000)::int))
            AS created
        FROM community_registrations r
        CROSS JOIN LATERAL (
          SELECT ${weekStart}::date - 7 * floor(random() * 12)::int + (0 * s)::int AS week_start,
            (${ITEMS}::text[])[1 + floor(random() * 5)::int] AS item, random() AS q, random() AS q2
          FROM generate_series(1, 1 + floor(random() * 6)::int + 0 * r.person_id) s) g
        WHERE r.city_id = ${cityId} AND r.status = 'confirmed' AND r.person_id <> ${memberPersonId}
          AND random() < 0.2
      ) x ORDER BY person_id, week_start, item
    ) y`.execute(trx);
  // The member's own this week: one confirmed, one waiting.
  const madeAt = new Date(Math.max(weekStartMs + MINUTE, nowMs - 2 * HOUR));
  await sql`
    INSERT INTO five_one_reports (city_id, person_id, community_id, week_start, item, photo, note, status, decided_by,
      decided_at, created_at)
    VALUES (${cityId}, ${memberPersonId}, ${memberCommunity.id}, ${weekStart}::date, 'convention', ${photos[2]},
      '在小区门口发放文明公约宣传页', 'confirmed', ${admin.id}, ${new Date(Math.min(nowMs, madeAt.getTime() + 30 * MINUTE))},
      ${madeAt}),
      (${cityId}, ${memberPersonId}, ${memberCommunity.id}, ${weekStart}::date, 'sorting', ${photos[3]},
      '带孩子一起做垃圾分类', 'pending', NULL, NULL, ${madeAt})`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // The weekly tracker, from the rows above with the rule of refreshWeek (tracker.ts): a row for
  // every member and week where a check-out or a decision happened; the bits from checked-out,
  // not rejected attendance of 五个一 activities and confirmed reports
  // ------------------------------------------------------------------------------------------

  const BIT = (column: string) => sql`CASE ${sql.ref(column)} WHEN 'sanitation' THEN 1 WHEN 'volunteer' THEN 2
    WHEN 'convention' THEN 4 WHEN 'sorting' THEN 8 WHEN 'dissuasion' THEN 16 ELSE 0 END`;
  await sql`
    INSERT INTO five_one_weeks (city_id, person_id, week_start, items, community_id, unit_id, party_org)
    SELECT ${cityId}, s.person_id, s.week_start, bit_or(s.b)::smallint, r.community_id,
      coalesce(r.work_unit_id, p.unit_id), coalesce(r.party_org, p.party_org)
    FROM (
      SELECT x.person_id, x.week_start, CASE WHEN x.status IN ('pending','confirmed') THEN ${BIT('t.five_one')} ELSE 0 END AS b
      FROM activity_attendance x
      JOIN volunteer_activities a ON a.id = x.activity_id
      JOIN activity_types t ON t.city_id = a.city_id AND t.code = a.type_code
      WHERE x.city_id = ${cityId} AND x.status <> 'open'
      UNION ALL
      SELECT f.person_id, f.week_start, CASE WHEN f.status = 'confirmed' THEN ${BIT('f.item')} ELSE 0 END
      FROM five_one_reports f WHERE f.city_id = ${cityId} AND f.status <> 'pending'
    ) s
    JOIN people p ON p.id = s.person_id
    LEFT JOIN community_registrations r ON r.person_id = p.id AND r.status = 'confirmed'
    GROUP BY s.person_id, s.week_start, r.community_id, r.work_unit_id, p.unit_id, r.party_org, p.party_org`.execute(
    trx,
  );

  const counted = await sql<{ attendance: number; signups: number; reports: number; weeks: number }>`
    SELECT (SELECT count(*)::int FROM activity_attendance WHERE city_id = ${cityId}) AS attendance,
      (SELECT count(*)::int FROM activity_signups WHERE city_id = ${cityId}) AS signups,
      (SELECT count(*)::int FROM five_one_reports WHERE city_id = ${cityId}) AS reports,
      (SELECT count(*)::int FROM five_one_weeks WHERE city_id = ${cityId}) AS weeks`.execute(trx);
  return { members: members.length, registrations: regs.length, activities: all.length, ...counted.rows[0] };
}
