// The demo canvass of 示范市 (访千楼万家): the default opinion topics; one open drive
// 「访千楼万家 创文明城市」主题活动 of about six weeks around the seed time, linked to the demo
// campaign, with the seed's milestones (kick-off a week in, records by the end) and materials;
// every paired unit assigned to its community (the pairings) with its buildings and household
// targets — a few units late (no kick-off, or a late one and far behind); ~20,000 visits recorded
// by the units' accounts (the demo `canvasser` with its own visits and households still to go),
// about half with the resident's name, some with a phone; ~30,000 opinions (demo-canvass-content)
// where each community's households raise a handful of shared problems; ~70 % classified by the
// office (the older, the likelier), grouped per drive as the module groups them; routed as reply
// items and, for a few street problems, as real cases (planned and written like the cases seed's);
// replied (solved / scheduled / cannot, with the explanation), delivered to the resident, some
// overdue and escalated; the classifier trained on the classified opinions and stored, and its
// suggestions on the rest. Planned in memory with the seed's PRNG; every insert is set-based.

import { sql } from 'kysely';
import { DEFAULT_MATERIALS, normalisePhone, type OpinionScope, type ReplyKind } from '@cc/common/canvass';
import type { CaseStatus } from '@cc/common/cases';
import {
  groupVectors,
  seedOpinionTopics,
  suggestFromTokens,
  trainClassifier,
  type Suggestion,
} from '../modules/canvass/index.js';
import { localDate } from '../platform/calendar.js';
import type { Executor } from '../platform/db.js';
import { tokens } from '../platform/text.js';
import {
  intervieweeName,
  PROBLEMS,
  STREET_OFFICE,
  writeOpinion,
  writeReply,
  type GeneratedOpinion,
  type OpinionPlace,
} from './demo-canvass-content.js';
import {
  CHINA,
  createLifePlanner,
  DAY,
  demoCalendar,
  HOUR,
  loadLeaves,
  MARKETS,
  MINUTE,
  peopleHelpers,
  randomHelpers,
  ROADS,
  writeDemoCases,
  type Life,
  type Plan,
} from './demo-cases.js';
import { ESTATE_SUFFIXES, PARKS } from './demo-inspections-content.js';
import type { DemoInspectionsContext } from './demo-inspections.js';

export type DemoCanvassContext = DemoInspectionsContext;

export interface DemoCanvassResult {
  assignments: number;
  buildings: number;
  visits: number;
  opinions: number;
  classified: number;
  groups: number;
  routed: number;
  cases: number;
  answered: number;
  delivered: number;
  overdue: number;
  recorders: number;
  classifierAccuracy: number | null;
  trainMs: number;
}

const DRIVE_NAME = '「访千楼万家 创文明城市」主题活动';
const DRIVE_DESCRIPTION =
  '各包联单位组织干部职工深入所包社区、小区，与街道、社区干部一道入户走访：宣讲创建文明城市的目的意义，' +
  '下发明白纸、致全体市民倡议书和《文明市民手册》，结合问卷调查，征询群众对创建工作的意见建议、' +
  '涉及自身利益的困难和问题，以及城市建设管理和社会发展方面的热点问题，认真记录、如实反映，逐条梳理、归类、答复。';
const TOTAL_VISITS = 20_000;
/** Opinions per visit: 0, 1, 2, 3, 4 (mean ~1.5). */
const OPINIONS_PER_VISIT = [0.2, 0.33, 0.29, 0.13, 0.05];
const ANSWER_DAYS = 10;
const ESCALATE_EVERY = 3;
/** Share of a community's opinions that are one of its shared local problems. */
const LOCAL_SHARE = 0.45;
const LOCAL_PROBLEMS = 12;
const VISIT_NOTES = [
  '住户是退休教师，对创城很关心',
  '独居老人，需重点关注',
  '租户，房东不在本地',
  '已邀请加入小区微信群',
  '住户白天上班，晚上回访',
  '家中有残疾人，已告知社区',
];
const DELIVERY_NOTES: Record<ReplyKind, (string | null)[]> = {
  solved: ['居民表示满意', '居民表示感谢', null, null],
  scheduled: ['居民表示会继续关注', '已告知预计完成时间', null],
  cannot: ['已当面解释，居民表示理解', '居民表示理解，希望尽快解决', '已说明原因'],
};

/** Street problems the office files as cases (keyword of the opinion → case category). */
const CASE_CATEGORIES: [RegExp, string][] = [
  [/井盖/, 'FAC.MANHOLE'],
  [/路灯/, 'FAC.LIGHT'],
  [/路面|人行道/, 'FAC.ROAD'],
  [/健身器材坏/, 'FAC.FITNESS'],
  [/楼道.*杂物/, 'ESTATE.CORRIDOR'],
  [/垃圾桶|垃圾清运/, 'ENV.BIN'],
  [/卫生死角/, 'ENV.GARBAGE'],
  [/公厕/, 'ENV.TOILET'],
  [/下水道|污水/, 'ENV.WATER'],
  [/小广告/, 'ENV.ADS'],
  [/占道经营|摆到人行道/, 'STREET.OCCUPY'],
  [/违停|乱停车|车辆乱停/, 'STREET.CAR'],
  [/共享单车|电动车乱停/, 'STREET.BIKE'],
  [/私搭乱建|私自扩建/, 'STREET.BUILD'],
  [/绿化带|黄土/, 'CITY.GREEN'],
  [/招牌破损/, 'CITY.SIGNBOARD'],
];
/** Share of case-worthy common opinions the office files as cases. */
const CASE_SHARE = 0.06;
const CASE_MIX: [CaseStatus, number][] = [
  ['closed', 0.55],
  ['verified', 0.08],
  ['handled', 0.1],
  ['accepted', 0.14],
  ['dispatched', 0.13],
];
const FALLBACK: Partial<Record<CaseStatus, CaseStatus>> = {
  closed: 'verified',
  verified: 'handled',
  handled: 'accepted',
  accepted: 'dispatched',
};

interface Account {
  id: number;
  displayName: string;
}

interface AssignmentPlan {
  communityIndex: number;
  unitId: number;
  kickoff: string | null;
  buildings: { name: string; households: string[] }[];
  target: number;
  visits: number;
  place: Omit<OpinionPlace, 'building'> & { roads: string[] };
  local: { index: number; variant: number; building: string }[];
  recorders: Account[];
}

interface VisitPlan {
  assignment: number;
  building: number;
  household: string;
  at: number;
  createdAt: number;
  consent: boolean;
  name: string | null;
  phone: string | null;
  recorder: Account;
  materials: string[];
  source: 'mobile' | 'batch';
  note: string | null;
}

interface OpinionPlan {
  visit: number;
  seq: number;
  g: GeneratedOpinion;
  routedUnit: number;
  classified: { by: Account; at: number } | null;
  route: { kind: 'reply' | 'case'; by: Account; at: number; dueOn: string } | null;
  reply: {
    kind: ReplyKind;
    text: string;
    promisedOn: string | null;
    by: Account | null;
    byName: string;
    at: number;
  } | null;
  delivery: { via: 'phone' | 'visit' | 'sms'; note: string | null; by: Account; at: number } | null;
  remindedOn: string | null;
  escalatedOn: string | null;
  escalations: number;
  suggestion: Suggestion | null;
  group: number;
}

/** Seeds the canvass of the demo city in `trx`; answers the row counts. */
export async function seedDemoCanvass(trx: Executor, ctx: DemoCanvassContext): Promise<DemoCanvassResult> {
  const { cityId, rand } = ctx;
  const now = ctx.now.getTime();
  const { between, chance, int, pick, weighted, shuffle } = randomHelpers(rand);
  const { personName, phone: mobile } = peopleHelpers(rand);
  const iso = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)).toISOString());
  /** The city's calendar date of an instant, and a date moved by whole days. */
  const dateOf = (ms: number) => localDate(new Date(ms));
  const addDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
  /** An instant on `date` at `hours` on the city's wall clock. */
  const atLocal = (date: string, hours: number) => Date.parse(`${date}T00:00:00Z`) + hours * HOUR - CHINA;
  const today = dateOf(now);
  const unit = (name: string) => {
    const id = ctx.units.get(name);
    if (id === undefined) throw new Error(`demo unit ${name} is missing`);
    return id;
  };
  const account = (username: string) => {
    const found = ctx.users.find((u) => u.username === username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return found;
  };
  const admin = account('admin');
  const district = account('district');
  const canvasser = account('canvasser');
  const focusUnit = account('unit').unitId!;

  await seedOpinionTopics(trx, cityId);

  // ------------------------------------------------------------------------------------------
  // The drive
  // ------------------------------------------------------------------------------------------

  const startsOn = addDays(today, -35);
  const endsOn = addDays(today, 7);
  const kickoffDue = addDays(startsOn, 6);
  const driveCreated = atLocal(addDays(startsOn, -4), 10);
  const drive = await sql<{ id: number }>`
    INSERT INTO canvass_drives (city_id, region_id, campaign_id, name, description, starts_on, ends_on, kickoff_due_on,
                                records_due_on, materials, answer_days, escalate_every_days, status, created_by,
                                created_at, updated_at)
    VALUES (${cityId}, ${ctx.rootId}, ${ctx.campaignId}, ${DRIVE_NAME}, ${DRIVE_DESCRIPTION}, ${startsOn}::date,
            ${endsOn}::date, ${kickoffDue}::date, ${endsOn}::date, ${[...DEFAULT_MATERIALS]}::text[], ${ANSWER_DAYS},
            ${ESCALATE_EVERY}, 'open', ${admin.id}, ${iso(driveCreated)}::timestamptz, ${iso(driveCreated + DAY)}::timestamptz)
    RETURNING id`.execute(trx);
  const driveId = drive.rows[0].id;

  // ------------------------------------------------------------------------------------------
  // Recorders: the units' demo accounts, and two canvassers for each unit without one
  // ------------------------------------------------------------------------------------------

  const pairedUnits = [...new Set(ctx.communities.map((c) => c.pairedUnitId))];
  const unitNames = new Map([...ctx.units.entries()].map(([name, id]) => [id, name]));
  const existing = new Map<number, Account[]>();
  for (const u of ctx.users) {
    if (u.unitId === null) continue;
    existing.set(u.unitId, [...(existing.get(u.unitId) ?? []), { id: u.id, displayName: u.displayName }]);
  }
  const newAccounts = pairedUnits
    .filter((id) => !existing.has(id))
    .flatMap((id, i) =>
      [1, 2].map((k) => ({
        unitId: id,
        username: `canvass${String(i + 1).padStart(2, '0')}${k}`,
        displayName: `${unitNames.get(id)!.replace(/^市/, '')} ${personName()}`,
      })),
    );
  const added = await sql<{ id: number }>`
    INSERT INTO users (city_id, username, display_name, password_hash, roles, unit_id, must_change_password)
    SELECT ${cityId}, u, d, ${ctx.passwordHash}, ARRAY['canvasser'], un, true
    FROM unnest(${newAccounts.map((a) => a.username)}::text[], ${newAccounts.map((a) => a.displayName)}::text[],
                ${newAccounts.map((a) => a.unitId)}::bigint[]) WITH ORDINALITY AS x(u, d, un, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  newAccounts.forEach((a, i) =>
    existing.set(a.unitId, [...(existing.get(a.unitId) ?? []), { id: added.rows[i].id, displayName: a.displayName }]),
  );
  /** Who answers for a unit: its first account that is not the canvasser. */
  const replierOf = (unitId: number) => existing.get(unitId)?.find((a) => a.id !== canvasser.id) ?? null;
  const unitRows = await trx
    .selectFrom('units')
    .select(['id', 'name', 'liaison_name'])
    .where('city_id', '=', cityId)
    .execute();
  const liaisonOf = new Map(unitRows.map((u) => [u.id, `${u.name} ${u.liaison_name ?? ''}`.trim()]));

  // ------------------------------------------------------------------------------------------
  // Assignments and buildings
  // ------------------------------------------------------------------------------------------

  const base = (ci: number) => ctx.communities[ci].name.replace(/社区$/, '');
  const order = shuffle(
    ctx.communities.map((_, i) => i).filter((ci) => ctx.communities[ci].pairedUnitId !== focusUnit),
  );
  const notKickedOff = new Set(order.slice(0, 2));
  const lateKickOff = new Set(order.slice(2, 5));
  const plans: AssignmentPlan[] = ctx.communities.map((c, ci) => {
    const estate = `${base(ci)}${pick(ESTATE_SUFFIXES)}`;
    const buildings = Array.from({ length: int(10, 16) }, (_, b) => {
      const stairs = int(2, 4);
      const floors = pick([5, 6, 6, 7, 11, 18]);
      const households: string[] = [];
      for (let s = 1; s <= stairs; s++) {
        for (let f = 1; f <= floors; f++) for (let d = 1; d <= 2; d++) households.push(`${s}单元${f}0${d}`);
      }
      return { name: `${b + 1}号楼`, households };
    });
    const roads = shuffle([...ROADS]).slice(0, 3);
    const place = {
      community: c.name,
      estate,
      road: roads[0],
      roads,
      market: pick(MARKETS),
      school: `${base(ci)}小学`,
      park: pick(PARKS),
    };
    const kickoff = notKickedOff.has(ci)
      ? null
      : lateKickOff.has(ci)
        ? addDays(kickoffDue, int(3, 8))
        : addDays(kickoffDue, -int(0, 5));
    return {
      communityIndex: ci,
      unitId: c.pairedUnitId,
      kickoff,
      buildings,
      target: buildings.reduce((sum, b) => sum + b.households.length, 0),
      visits: 0,
      place,
      local: Array.from({ length: LOCAL_PROBLEMS }, () => {
        const index = int(0, PROBLEMS.length - 1);
        return { index, variant: int(0, PROBLEMS[index].says.length - 1), building: pick(buildings).name };
      }),
      recorders: existing.get(c.pairedUnitId)!,
    };
  });
  // Coverage: most units well on the way, the late ones far behind, the demo unit about half done.
  const coverage = plans.map((p) =>
    p.kickoff === null
      ? 0
      : lateKickOff.has(p.communityIndex)
        ? between(0.15, 0.35)
        : p.unitId === focusUnit
          ? 0.5
          : between(0.5, 1),
  );
  // The units on time are scaled so that the drive has about TOTAL_VISITS visits.
  const isFixed = (p: AssignmentPlan) => p.unitId === focusUnit || lateKickOff.has(p.communityIndex);
  const fixed = plans.reduce((sum, p, i) => sum + (isFixed(p) ? p.target * coverage[i] : 0), 0);
  const free = plans.reduce((sum, p, i) => sum + (isFixed(p) ? 0 : p.target * coverage[i]), 0);
  const scale = (TOTAL_VISITS - fixed) / free;
  for (const [i, p] of plans.entries()) {
    p.visits = Math.round(p.target * (isFixed(p) ? coverage[i] : Math.min(0.97, coverage[i] * scale)));
  }
  const insertedAssignments = await sql<{ id: number }>`
    INSERT INTO canvass_assignments (city_id, drive_id, unit_id, community_id, target_households, kicked_off_on, note,
                                     created_at, updated_at)
    SELECT ${cityId}, ${driveId}, u, c, t, k, n, ${iso(driveCreated + 2 * HOUR)}::timestamptz,
           coalesce(k::timestamptz, ${iso(driveCreated + 2 * HOUR)}::timestamptz)
    FROM unnest(${plans.map((p) => p.unitId)}::bigint[], ${plans.map((p) => ctx.communities[p.communityIndex].id)}::bigint[],
                ${plans.map((p) => p.target)}::int[], ${plans.map((p) => p.kickoff)}::date[],
                ${plans.map((p) => (p.buildings.length > 12 ? '含部分高层住宅，分两批入户' : null))}::text[])
         WITH ORDINALITY AS x(u, c, t, k, n, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const assignmentIds = insertedAssignments.rows.map((r) => r.id);
  const buildingRows = plans.flatMap((p, a) => p.buildings.map((b, sort) => ({ a, b, sort })));
  const insertedBuildings = await sql<{ id: number }>`
    INSERT INTO canvass_buildings (city_id, assignment_id, name, target_households, sort)
    SELECT ${cityId}, a, n, t, s
    FROM unnest(${buildingRows.map((r) => assignmentIds[r.a])}::bigint[], ${buildingRows.map((r) => r.b.name)}::text[],
                ${buildingRows.map((r) => r.b.households.length)}::int[], ${buildingRows.map((r) => r.sort)}::int[])
         WITH ORDINALITY AS x(a, n, t, s, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const buildingIdOf = new Map(buildingRows.map((r, i) => [`${r.a}/${r.sort}`, insertedBuildings.rows[i].id]));

  // ------------------------------------------------------------------------------------------
  // Visits
  // ------------------------------------------------------------------------------------------

  /** A visiting time on a day: mornings, afternoons and early evenings. */
  const visitingTime = (date: string) =>
    atLocal(
      date,
      weighted(
        [
          [9, 2.5],
          [14.5, 3],
          [19, 1.5],
        ] as const,
        ([, w]) => w,
      )[0] + between(0, 2.5),
    );
  const visits: VisitPlan[] = [];
  for (const [a, p] of plans.entries()) {
    if (p.kickoff === null || p.visits === 0) continue;
    const doors = shuffle(p.buildings.flatMap((b, bi) => b.households.map((h) => ({ bi, h }))));
    const days = Math.max(1, daysBetween(p.kickoff, today) + 1);
    for (let v = 0; v < p.visits; v++) {
      // A few doors are visited twice (the first time the resident had little time).
      const door = v > 20 && chance(0.03) ? doors[int(0, v - 1)] : doors[v];
      let at = visitingTime(addDays(p.kickoff, Math.floor(rand() ** 0.85 * days)));
      if (at > now - 20 * MINUTE) at = now - between(20, 600) * MINUTE;
      const source = chance(0.15) ? 'batch' : 'mobile';
      const createdAt = source === 'batch' ? Math.min(now - 5 * MINUTE, at + between(0.5, 3) * DAY) : at + 2 * MINUTE;
      const consent = chance(0.5);
      const recorder =
        p.unitId === focusUnit
          ? chance(0.6)
            ? { id: canvasser.id, displayName: canvasser.displayName }
            : p.recorders.find((r) => r.id !== canvasser.id)!
          : pick(p.recorders);
      const materials = DEFAULT_MATERIALS.filter((_, i) => chance([0.92, 0.8, 0.5, 0.6][i]));
      visits.push({
        assignment: a,
        building: door.bi,
        household: door.h,
        at,
        createdAt,
        consent,
        name: consent && chance(0.95) ? intervieweeName(rand) : null,
        phone: chance(0.3) ? normalisePhone(mobile()) : null,
        recorder,
        materials,
        source,
        note: chance(0.05) ? pick(VISIT_NOTES) : null,
      });
    }
  }
  // Visit ids follow the time they were recorded.
  visits.sort((x, y) => x.createdAt - y.createdAt);
  const insertedVisits = await sql<{ id: number }>`
    INSERT INTO canvass_visits (city_id, drive_id, assignment_id, unit_id, community_id, building_id, household,
                                interviewee_name, name_consent, phone, recorder_id, recorder_name, visited_at, materials,
                                note, source, idempotency_key, created_at)
    SELECT ${cityId}, ${driveId}, a.id, a.unit_id, a.community_id, b, h, n, nc, ph, r, rn, va,
           coalesce(string_to_array(nullif(m, ''), ','), '{}'), nt, s, k, ca
    FROM unnest(${visits.map((v) => assignmentIds[v.assignment])}::bigint[],
                ${visits.map((v) => buildingIdOf.get(`${v.assignment}/${v.building}`)!)}::bigint[],
                ${visits.map((v) => v.household)}::text[], ${visits.map((v) => v.name)}::text[],
                ${visits.map((v) => v.consent)}::boolean[], ${visits.map((v) => v.phone)}::text[],
                ${visits.map((v) => v.recorder.id)}::bigint[], ${visits.map((v) => v.recorder.displayName)}::text[],
                ${visits.map((v) => iso(v.at))}::timestamptz[], ${visits.map((v) => v.materials.join(','))}::text[],
                ${visits.map((v) => v.note)}::text[], ${visits.map((v) => v.source)}::text[],
                ${visits.map((_, i) => `demo-visit-${i + 1}`)}::text[], ${visits.map((v) => iso(v.createdAt))}::timestamptz[])
         WITH ORDINALITY AS x(a, b, h, n, nc, ph, r, rn, va, m, nt, s, k, ca, ord)
    JOIN canvass_assignments a ON a.id = x.a
    ORDER BY ord
    RETURNING id`.execute(trx);
  const visitIds = insertedVisits.rows.map((r) => r.id);

  // ------------------------------------------------------------------------------------------
  // Opinions: what was said, classified, routed, answered and delivered
  // ------------------------------------------------------------------------------------------

  const officeFor = (ci: number) =>
    ctx.communities[ci].districtId === district.regionId && chance(0.5) ? district : admin;
  const opinions: OpinionPlan[] = [];
  for (const [vi, v] of visits.entries()) {
    const p = plans[v.assignment];
    const ci = p.communityIndex;
    const count = weighted(
      OPINIONS_PER_VISIT.map((w, n) => [n, w] as const),
      ([, w]) => w,
    )[0];
    for (let seq = 1; seq <= count; seq++) {
      const own: OpinionPlace = { ...p.place, road: pick(p.place.roads), building: p.buildings[v.building].name };
      const local = chance(LOCAL_SHARE) ? pick(p.local) : null;
      const g = local
        ? writeOpinion(rand, { ...own, road: p.place.road, building: local.building }, local.index, local.variant)
        : writeOpinion(rand, own);
      const routedUnit = g.unit === STREET_OFFICE ? ctx.communities[ci].streetOfficeId : unit(g.unit);
      const age = (now - v.createdAt) / DAY;
      const classifiedAt = v.createdAt + between(4 * HOUR, 3 * DAY);
      const classify = classifiedAt < now - 10 * MINUTE && chance(age > 14 ? 0.93 : age > 7 ? 0.75 : 0.5);
      const office = officeFor(ci);
      opinions.push({
        visit: vi,
        seq,
        g,
        routedUnit,
        classified: classify ? { by: office, at: classifiedAt } : null,
        route: null,
        reply: null,
        delivery: null,
        remindedOn: null,
        escalatedOn: null,
        escalations: 0,
        suggestion: null,
        group: -1,
      });
    }
  }

  const isCaseWorthy = (o: OpinionPlan) =>
    o.g.scope === 'common' && o.g.topic === 'city' && CASE_CATEGORIES.some(([re]) => re.test(o.g.text));
  for (const o of opinions) {
    if (!o.classified) continue;
    const routedAt = o.classified.at + between(HOUR, 2 * DAY);
    if (routedAt > now - 5 * MINUTE || chance(0.08)) continue;
    const kind = isCaseWorthy(o) && chance(CASE_SHARE) ? 'case' : 'reply';
    const dueOn = addDays(dateOf(routedAt), ANSWER_DAYS);
    o.route = { kind, by: o.classified.by, at: routedAt, dueOn };
    if (kind === 'case') continue;
    // Most units answer within the time; some late, some not yet.
    const repliedAt = routedAt + (chance(0.85) ? between(0.3, ANSWER_DAYS - 1) : between(ANSWER_DAYS, 20)) * DAY;
    const silent = o.routedUnit !== focusUnit ? chance(0.07) : chance(0.2);
    if (silent || repliedAt > now - 10 * MINUTE) continue;
    const individual = o.g.scope === 'individual';
    const replyKind = weighted(
      [
        ['solved', individual ? 0.4 : 0.55],
        ['scheduled', 0.28],
        ['cannot', individual ? 0.32 : 0.17],
      ] as [ReplyKind, number][],
      ([, w]) => w,
    )[0];
    const promisedOn = replyKind === 'scheduled' ? addDays(dateOf(repliedAt), int(7, 60)) : null;
    const replier = replierOf(o.routedUnit);
    o.reply = {
      kind: replyKind,
      text: writeReply(rand, replyKind, promisedOn),
      promisedOn,
      by: replier,
      byName: replier?.displayName ?? liaisonOf.get(o.routedUnit)!,
      at: repliedAt,
    };
    const deliveredAt = repliedAt + between(0.2, 4) * DAY;
    if (deliveredAt < now - 10 * MINUTE && chance(0.85)) {
      const v = visits[o.visit];
      const via = v.phone ? (chance(0.75) ? 'phone' : 'sms') : 'visit';
      o.delivery = { via, note: pick(DELIVERY_NOTES[replyKind]), by: v.recorder, at: deliveredAt };
    }
  }
  /** Reminders on the due day and escalations every few days after it, up to `until` (a reply, or today). */
  const schedule = (o: OpinionPlan, until: string) => {
    const dueOn = o.route!.dueOn;
    if (until >= dueOn) o.remindedOn = dueOn;
    const late = daysBetween(dueOn, until);
    if (late >= 1) {
      o.escalations = Math.floor((late - 1) / ESCALATE_EVERY) + 1;
      o.escalatedOn = addDays(dueOn, 1 + (o.escalations - 1) * ESCALATE_EVERY);
    }
  };

  // ------------------------------------------------------------------------------------------
  // Grouping, and the classifier on what staff classified
  // ------------------------------------------------------------------------------------------

  // Each text segmented once, for both. Groups form in the order opinions arrive.
  const words = opinions.map((o) => tokens(o.g.text));
  const groups = groupVectors(
    words.map((list) => {
      const vector = new Map<string, number>();
      for (const w of list) vector.set(w, (vector.get(w) ?? 0) + 1);
      return vector;
    }),
  );
  opinions.forEach((o, i) => (o.group = groups[i]));
  const classifiedOpinions = opinions.filter((o) => o.classified);
  const { model, evaluation } = trainClassifier(
    opinions
      .flatMap((o, i) => (o.classified ? [{ o, i }] : []))
      .map(({ o, i }) => ({
        text: o.g.text,
        tokens: words[i],
        topic: o.g.topic,
        subtopic: o.g.subtopic,
        unitId: o.route ? o.routedUnit : null,
      })),
  );
  opinions.forEach((o, i) => {
    if (!o.classified) o.suggestion = suggestFromTokens(model, words[i]);
  });

  const groupCount = Math.max(-1, ...groups) + 1;
  const groupRows = Array.from({ length: groupCount }, () => ({ label: '', count: 0, first: 0, last: 0 }));
  for (const o of opinions) {
    const row = groupRows[o.group];
    const at = visits[o.visit].createdAt;
    if (row.count === 0) Object.assign(row, { label: o.g.text, first: at });
    row.count += 1;
    row.last = Math.max(row.last, at);
  }
  const insertedGroups = await sql<{ id: number }>`
    INSERT INTO opinion_groups (city_id, drive_id, label, opinion_count, created_at, updated_at)
    SELECT ${cityId}, ${driveId}, l, n, f, u
    FROM unnest(${groupRows.map((g) => g.label)}::text[], ${groupRows.map((g) => g.count)}::int[],
                ${groupRows.map((g) => iso(g.first))}::timestamptz[], ${groupRows.map((g) => iso(g.last))}::timestamptz[])
         WITH ORDINALITY AS x(l, n, f, u, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const groupIds = insertedGroups.rows.map((r) => r.id);

  // ------------------------------------------------------------------------------------------
  // Cases for the opinions filed as cases (planned as the cases seed plans them)
  // ------------------------------------------------------------------------------------------

  const calendar = demoCalendar();
  const leaves = await loadLeaves(trx, cityId, ctx.now, calendar);
  const leafOf = new Map(leaves.map((l) => [l.code, l]));
  const { live } = createLifePlanner(rand, now, calendar);
  const settled = (life: Life) => Math.max(...life.steps.map((s) => s.at)) < now - 5 * MINUTE;
  const caseOpinions = opinions.filter((o) => o.route?.kind === 'case');
  const gridsOf = new Map<number, typeof ctx.grids>();
  for (const g of ctx.grids) gridsOf.set(g.communityId, [...(gridsOf.get(g.communityId) ?? []), g]);
  const casePlans = caseOpinions.map((o): Plan => {
    const v = visits[o.visit];
    const p = plans[v.assignment];
    const c = ctx.communities[p.communityIndex];
    const leaf = leafOf.get(CASE_CATEGORIES.find(([re]) => re.test(o.g.text))![1])!;
    let status = weighted(CASE_MIX, ([, w]) => w)[0];
    let life = live(status, leaf, o.route!.at, o.route!.at);
    while (!settled(life) && FALLBACK[status]) {
      status = FALLBACK[status]!;
      life = live(status, leaf, o.route!.at, o.route!.at);
    }
    const grid = pick(gridsOf.get(c.id)!);
    const inner = grid.half * 0.8;
    const office = o.route!.by;
    return {
      ...life,
      leaf,
      source: 'canvass',
      communityIndex: p.communityIndex,
      gridId: grid.id,
      lng: Math.round((grid.centre.lng + between(-inner, inner)) * 1e6) / 1e6,
      lat: Math.round((grid.centre.lat + between(-inner, inner)) * 1e6) / 1e6,
      description: `入户征询群众意见：${o.g.text}`,
      address: `${c.district}${c.street}${c.name}${p.place.estate}${p.buildings[v.building].name}`,
      siteName: null,
      sourceRef: null,
      ownerUnitId: null,
      responsibleUnitId: o.routedUnit,
      suggestedUnitId: o.routedUnit,
      unitId: life.dispatchedAt !== null ? o.routedUnit : null,
      idempotencyKey: null,
      reporter: {
        userId: office.id,
        name: v.name,
        phone: v.phone,
        actorId: office.id,
        actorName: office.displayName,
      },
      token: null,
      beforePhoto: null,
      isPublic: false,
      mergedInto: null,
      duplicateScore: null,
      mergedFrom: [],
    };
  });
  // A closed case is the unit's answer: the resident is told it was put right.
  caseOpinions.forEach((o, i) => {
    const closedAt = casePlans[i].closedAt;
    if (closedAt === null) return;
    const repliedAt = Math.min(now - 10 * MINUTE, closedAt + between(0.5, 24) * HOUR);
    const replier = replierOf(o.routedUnit);
    o.reply = {
      kind: 'solved',
      text: '已立案交办，经现场整改并复核通过，问题已解决，感谢您的反映。',
      promisedOn: null,
      by: replier,
      byName: replier?.displayName ?? liaisonOf.get(o.routedUnit)!,
      at: repliedAt,
    };
    const deliveredAt = repliedAt + between(0.2, 3) * DAY;
    if (deliveredAt < now - 10 * MINUTE && chance(0.8)) {
      const v = visits[o.visit];
      o.delivery = {
        via: v.phone ? 'phone' : 'visit',
        note: pick(DELIVERY_NOTES.solved),
        by: v.recorder,
        at: deliveredAt,
      };
    }
  });

  // The scheduler's reminders and escalations of what was still unanswered on (or after) its day.
  for (const o of opinions) {
    if (!o.route) continue;
    const until = o.reply ? dateOf(o.reply.at) : today;
    if (until > o.route.dueOn || (!o.reply && until === o.route.dueOn)) schedule(o, until);
  }

  // ------------------------------------------------------------------------------------------
  // Insert the opinions, then the cases
  // ------------------------------------------------------------------------------------------

  const statusOf = (o: OpinionPlan) => (o.delivery ? 'delivered' : o.reply ? 'answered' : o.route ? 'routed' : 'new');
  const lastAt = (o: OpinionPlan) =>
    Math.max(visits[o.visit].createdAt, o.classified?.at ?? 0, o.route?.at ?? 0, o.reply?.at ?? 0, o.delivery?.at ?? 0);
  const col = <T>(fn: (o: OpinionPlan) => T) => opinions.map(fn);
  const scopeOf = (o: OpinionPlan): OpinionScope | null => (o.classified ? o.g.scope : null);
  const insertedOpinions = await sql<{ id: number }>`
    INSERT INTO canvass_opinions (city_id, drive_id, visit_id, seq, unit_id, community_id, text, scope, topic_code,
                                  subtopic_code, classified_by, classified_at, suggested_topic, suggested_subtopic,
                                  suggested_unit_id, suggested_confidence, group_id, status, route_kind, routed_unit_id,
                                  routed_by, routed_at, answer_due_on, reply_kind, reply_text, reply_promised_on,
                                  replied_by, replied_by_name, replied_at, delivered_via, delivered_note, delivered_by,
                                  delivered_at, reminded_on, escalated_on, escalation_count, created_at, updated_at)
    SELECT ${cityId}, ${driveId}, x.visit, x.seq, x.unit, x.community, x.text, x.scope, x.topic, x.subtopic, x.cb, x.ca,
           x.st, x.ss, x.su, x.sc, x.g, x.status, x.rk, x.ru, x.rb, x.ra, x.due, x.pk, x.pt, x.pp, x.pb, x.pn, x.pa,
           x.dv, x.dn, x.db, x.da, x.rem, x.esc, x.escn, x.cr, x.ua
    FROM unnest(
      ${col((o) => visitIds[o.visit])}::bigint[], ${col((o) => plans[visits[o.visit].assignment].unitId)}::bigint[],
      ${col((o) => ctx.communities[plans[visits[o.visit].assignment].communityIndex].id)}::bigint[],
      ${col((o) => iso(visits[o.visit].createdAt))}::timestamptz[], ${col((o) => o.seq)}::smallint[], ${col((o) => o.g.text)}::text[],
      ${col(scopeOf)}::text[], ${col((o) => (o.classified ? o.g.topic : null))}::text[],
      ${col((o) => (o.classified ? o.g.subtopic : null))}::text[], ${col((o) => o.classified?.by.id ?? null)}::bigint[],
      ${col((o) => iso(o.classified?.at ?? null))}::timestamptz[], ${col((o) => o.suggestion?.topic ?? null)}::text[],
      ${col((o) => o.suggestion?.subtopic ?? null)}::text[], ${col((o) => o.suggestion?.unitId ?? null)}::bigint[],
      ${col((o) => o.suggestion?.confidence ?? null)}::real[], ${col((o) => groupIds[o.group])}::bigint[],
      ${col(statusOf)}::text[], ${col((o) => o.route?.kind ?? null)}::text[],
      ${col((o) => (o.route ? o.routedUnit : null))}::bigint[], ${col((o) => o.route?.by.id ?? null)}::bigint[],
      ${col((o) => iso(o.route?.at ?? null))}::timestamptz[], ${col((o) => o.route?.dueOn ?? null)}::date[],
      ${col((o) => o.reply?.kind ?? null)}::text[], ${col((o) => o.reply?.text ?? null)}::text[],
      ${col((o) => o.reply?.promisedOn ?? null)}::date[], ${col((o) => o.reply?.by?.id ?? null)}::bigint[],
      ${col((o) => o.reply?.byName ?? null)}::text[], ${col((o) => iso(o.reply?.at ?? null))}::timestamptz[],
      ${col((o) => o.delivery?.via ?? null)}::text[], ${col((o) => o.delivery?.note ?? null)}::text[],
      ${col((o) => o.delivery?.by.id ?? null)}::bigint[], ${col((o) => iso(o.delivery?.at ?? null))}::timestamptz[],
      ${col((o) => o.remindedOn)}::date[], ${col((o) => o.escalatedOn)}::date[], ${col((o) => o.escalations)}::int[],
      ${col((o) => iso(lastAt(o)))}::timestamptz[]
    ) WITH ORDINALITY AS x(visit, unit, community, cr, seq, text, scope, topic, subtopic, cb, ca, st, ss, su, sc, g, status, rk, ru, rb, ra,
                           due, pk, pt, pp, pb, pn, pa, dv, dn, db, da, rem, esc, escn, ua, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const opinionIdOf = new Map(opinions.map((o, i) => [o, insertedOpinions.rows[i].id]));

  for (const [i, p] of casePlans.entries()) {
    const id = opinionIdOf.get(caseOpinions[i])!;
    p.sourceRef = `canvass-opinion:${id}`;
    p.idempotencyKey = `canvass-opinion-${id}`;
  }
  // The after-photos of handled cases reuse the demo's stored photos.
  const photoFiles = await sql<{ kind: string; file_id: string }>`
    SELECT DISTINCT kind, file_id FROM case_photos WHERE city_id = ${cityId} ORDER BY kind, file_id`.execute(trx);
  const photosOf = (kind: string) => photoFiles.rows.filter((r) => r.kind === kind).map((r) => r.file_id);
  const intake = casePlans.map((_, i) => i).sort((a, b) => casePlans[a].reportedAt - casePlans[b].reportedAt);
  const written = await writeDemoCases(
    trx,
    ctx,
    intake.map((i) => casePlans[i]),
    { before: photosOf('before'), after: photosOf('after') },
  );
  await sql`
    UPDATE canvass_opinions o SET case_id = x.case_id
    FROM unnest(${intake.map((i) => opinionIdOf.get(caseOpinions[i])!)}::bigint[], ${written.ids}::bigint[]) AS x(id, case_id)
    WHERE o.id = x.id`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // The stored classifier
  // ------------------------------------------------------------------------------------------

  await sql`
    INSERT INTO opinion_classifiers (city_id, trained_at, trained_by, sample_count, holdout_count, accuracy,
                                     unit_accuracy, train_ms, evaluation, model)
    VALUES (${cityId}, ${iso(now - 2 * HOUR)}::timestamptz, ${admin.id}, ${evaluation.sampleCount},
            ${evaluation.holdoutCount}, ${evaluation.accuracy}, ${evaluation.unitAccuracy}, ${evaluation.trainMs},
            ${JSON.stringify(evaluation)}::jsonb, ${JSON.stringify(model)}::jsonb)`.execute(trx);

  const overdue = opinions.filter((o) => o.route && !o.reply && o.route.dueOn < today).length;
  return {
    assignments: plans.length,
    buildings: buildingRows.length,
    visits: visits.length,
    opinions: opinions.length,
    classified: classifiedOpinions.length,
    groups: groupCount,
    routed: opinions.filter((o) => o.route).length,
    cases: written.ids.length,
    answered: opinions.filter((o) => o.reply).length,
    delivered: opinions.filter((o) => o.delivery).length,
    overdue,
    recorders: new Set(visits.map((v) => v.recorder.id)).size,
    classifierAccuracy: evaluation.accuracy,
    trainMs: evaluation.trainMs,
  };
}
