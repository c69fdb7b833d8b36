// Demo field inspections of 示范市: the sample index, site types and checklists (the module's
// defaults), ~1,460 sites of ~30 types laid out on the demo city's road lattice and communities —
// bus stops along the roads, road sections and intersections, shelters, parks, squares, markets,
// estates, back streets, schools, hospitals, windows, venues, buses and taxis at their depots —
// each with its responsible unit (包保单位) and a contact; three monthly rounds before the seed
// (a seeded random draw per type, three inspectors, every inspection submitted with a value for
// every item scored by the rule engine, photos with GPS, scores a little better each round while
// some sites slip) and the current month's round open with inspections assigned; a case for every
// failed item, planned and written like the cases seed's (same planner and writer: the whole log,
// routing to the site's unit, most of the first round's closed, the last round's mostly with the
// units); and material review requirements with submissions in every state. Planned in memory
// with the seed's PRNG; every insert is set-based.

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { CaseStatus } from '@cc/common/cases';
import { INSPECTION_LIMITS } from '@cc/common/inspections';
import {
  describeResult,
  describeRule,
  evaluateRule,
  scoreSite,
  type Outcome,
  type Phase,
  type RuleSpec,
  type RuleValue,
} from '@cc/common/inspection-rules';
import { campaignPhase } from '../modules/campaigns/index.js';
// The draw of a round as the module makes it (pure; not on the module's index yet), so a round's
// recorded seed reproduces its sites.
import { drawSites, newSeed, seedInspectionDefaults, shareOut } from '../modules/inspections/index.js';
import { isWorkingDate, localDate } from '../platform/calendar.js';
import type { Executor } from '../platform/db.js';
import { storeFile } from '../platform/files.js';
import { distanceMetres, type Point } from '../platform/geo.js';
import { t } from '../platform/i18n.js';
import { demoDocument } from './demo-campaigns.js';
import {
  BANKS,
  CAFES,
  CULTURE,
  DOCS,
  ESTATE_SUFFIXES,
  HALLS,
  HOSPITAL_UNITS,
  LANES,
  LIBRARIES,
  MATERIAL_UNITS,
  MATERIALS,
  MUSEUMS,
  NOTES_FAILED,
  PARKS,
  RETURN_NOTES,
  SCENIC,
  SCHOOL_NAMES,
  SCHOOL_UNITS,
  SQUARES,
  STATIONS,
  SUBMIT_NOTES,
  VILLAGES,
  WINDOWS,
} from './demo-inspections-content.js';
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
  PROJECTS,
  randomHelpers,
  ROADS,
  storeDemoPhotos,
  writeDemoCases,
  type DemoCasesContext,
  type Life,
  type Plan,
} from './demo-cases.js';

export interface DemoInspectionsContext extends DemoCasesContext {
  /** The city's root region: the rounds belong to its office. */
  rootId: number;
  /** The demo campaign: the latest rounds are linked to it and score in its phase. */
  campaignId: number | null;
  /** The demo accounts' password hash (two more inspectors are added with it). */
  passwordHash: string;
}

export interface DemoInspectionsResult {
  sites: number;
  rounds: number;
  inspections: number;
  results: number;
  failed: number;
  cases: number;
  photos: number;
  requirements: number;
  submissions: number;
}

/** Sites drawn per type in each past round, and in the open one. */
const PER_TYPE = 8;
const OPEN_PER_TYPE = 2;
/** Mean share of failed items per past round (oldest first): the campaign works. */
const ROUND_FAILURE = [1.4, 1, 0.65];
const EXTRA_INSPECTORS = [
  { username: 'inspector2', displayName: '督导队 林队员' },
  { username: 'inspector3', displayName: '督导队 黄队员' },
];

/**
 * Status of a failed item's case, by round (oldest first): the first round's closed, the second's
 * mostly closed or waiting for verification, the last's mostly with the units (little old work is
 * still open, so the escalations are what a working office would see).
 */
const CASE_MIX: [CaseStatus, number][][] = [
  [
    ['closed', 0.95],
    ['verified', 0.05],
  ],
  [
    ['closed', 0.76],
    ['verified', 0.1],
    ['handled', 0.12],
    ['rework', 0.02],
  ],
  [
    ['dispatched', 0.36],
    ['accepted', 0.32],
    ['handled', 0.12],
    ['registered', 0.06],
    ['rework', 0.03],
    ['verified', 0.03],
    ['closed', 0.08],
  ],
];
/** When a lifecycle would reach past the seed time, the case stays at an earlier status. */
const FALLBACK: Partial<Record<CaseStatus, CaseStatus>> = {
  closed: 'verified',
  verified: 'handled',
  handled: 'accepted',
  rework: 'accepted',
  accepted: 'dispatched',
  dispatched: 'registered',
};

interface SitePlan {
  type: string;
  name: string;
  address: string;
  point: Point;
  gridIndex: number;
  communityIndex: number;
  unitId: number;
  contactName: string;
  contactPhone: string;
}

interface ItemRow {
  id: number;
  type_code: string;
  title: string;
  rule: RuleSpec;
  points: number;
  photo_required: boolean;
  case_category_code: string | null;
}

interface ResultPlan {
  item: ItemRow;
  outcome: Outcome;
  value: RuleValue;
  earned: number;
  seen: string;
  note: string | null;
  photos: { file: number; point: Point; takenAt: number; accuracy: number }[];
}

interface InspectionPlan {
  round: number;
  site: number;
  siteId: number;
  inspectorId: number;
  submittedAt: number | null;
  position: Point | null;
  results: ResultPlan[];
}

/**
 * A value an inspector would enter that passes (or fails) `rule` in `phase`: counts around the
 * threshold, shares of a plausible whole, an observed window or stretch a little longer than the
 * rule's. Used by the demo rounds and the benchmark's submissions.
 */
export function ruleValueFor(rule: RuleSpec, pass: boolean, phase: Phase, rand: () => number): RuleValue {
  const { between, int, pick } = randomHelpers(rand);
  const pre = phase === 'pre_inspection';
  switch (rule.kind) {
    case 'presence':
      return { present: pass === (rule.expect === 'present') };
    case 'count': {
      const { min } = (pre && rule.thresholds.pre_inspection) || rule.thresholds.normal;
      return { count: pass ? min + int(0, 4) : Math.max(0, min - 1 - Math.floor(rand() * rand() * min)) };
    }
    case 'ratio': {
      const { minPercent } = (pre && rule.thresholds.pre_inspection) || rule.thresholds.normal;
      const whole = rule.of === 'area' ? int(12, 60) * 10 : int(6, 40);
      const percent = pass
        ? between(minPercent, Math.min(100, minPercent + 35))
        : between(Math.max(0, minPercent - 25), minPercent);
      let part = (pass ? Math.ceil : Math.floor)((percent * whole) / 100);
      if (!pass && (part / whole) * 100 >= minPercent) part -= 1;
      return { part: Math.max(0, Math.min(whole, part)), whole };
    }
    case 'rate': {
      const { min, per } = (pre && rule.thresholds.pre_inspection) || rule.thresholds.normal;
      const observed = per * pick([1, 1, 1.2, 1.5, 2]);
      const needed = Math.ceil((min * observed) / per - 1e-9);
      return { count: pass ? needed + int(0, 2) : Math.max(0, needed - 1 - int(0, 1)), observed };
    }
    case 'density': {
      const { min, within } = (pre && rule.thresholds.pre_inspection) || rule.thresholds.normal;
      const distance = Math.round((within * pick([1, 1, 1.2, 1.5, 2])) / 10) * 10;
      const needed = Math.ceil(distance <= within ? min : (min * distance) / within - 1e-9);
      return { count: pass ? needed + int(0, 3) : Math.max(0, needed - 1 - int(0, 1)), distance };
    }
  }
}

/** Seeds the inspections side of the demo city (its defaults, sites, rounds, cases, materials), in `trx`. */
export async function seedDemoInspections(trx: Executor, ctx: DemoInspectionsContext): Promise<DemoInspectionsResult> {
  const { cityId, rand } = ctx;
  const now = ctx.now.getTime();
  const { between, chance, int, pick, weighted, shuffle } = randomHelpers(rand);
  const { personName, phone } = peopleHelpers(rand);
  const iso = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)).toISOString());
  const calendar = demoCalendar();
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

  // ------------------------------------------------------------------------------------------
  // Defaults, and two more inspectors
  // ------------------------------------------------------------------------------------------

  await seedInspectionDefaults(trx, cityId, ctx.now);
  const items = (
    await trx
      .selectFrom('checklist_items')
      .select(['id', 'type_code', 'title', 'rule', 'points', 'photo_required', 'case_category_code'])
      .where('city_id', '=', cityId)
      .where('active', '=', true)
      .orderBy('sort')
      .orderBy('id')
      .execute()
  ).map((r) => ({ ...r, rule: r.rule as RuleSpec }));
  const itemsOf = new Map<string, ItemRow[]>();
  for (const item of items) itemsOf.set(item.type_code, [...(itemsOf.get(item.type_code) ?? []), item]);

  const added = await sql<{ id: number; username: string; display_name: string }>`
    INSERT INTO users (city_id, username, display_name, password_hash, roles, region_id, must_change_password)
    SELECT ${cityId}, u, d, ${ctx.passwordHash}, ARRAY['inspector'], ${ctx.rootId}, false
    FROM unnest(${EXTRA_INSPECTORS.map((i) => i.username)}::text[], ${EXTRA_INSPECTORS.map((i) => i.displayName)}::text[])
         WITH ORDINALITY AS x(u, d, ord)
    ORDER BY ord
    RETURNING id, username, display_name`.execute(trx);
  const inspectors = [account('inspector'), ...added.rows.map((r) => ({ id: r.id, displayName: r.display_name }))];

  // ------------------------------------------------------------------------------------------
  // Sites
  // ------------------------------------------------------------------------------------------

  const communityIndexOf = new Map(ctx.communities.map((c, i) => [c.id, i]));
  const grids = ctx.grids;
  const step = Math.abs(grids[1].centre.lng - grids[0].centre.lng);
  const lngs = grids.map((g) => g.centre.lng);
  const lats = grids.map((g) => g.centre.lat);
  const box = { west: Math.min(...lngs), east: Math.max(...lngs), south: Math.min(...lats), north: Math.max(...lats) };
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  /** The grid a point lies in (the nearest one), and the point moved inside its square if need be. */
  const place = (p: Point) => {
    let best = 0;
    let bestD = Infinity;
    grids.forEach((g, i) => {
      const d = (g.centre.lng - p.lng) ** 2 + (g.centre.lat - p.lat) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    const g = grids[best];
    const inner = g.half * 0.95;
    const clamp = (v: number, c: number) => Math.min(c + inner, Math.max(c - inner, v));
    return {
      gridIndex: best,
      point: { lng: round6(clamp(p.lng, g.centre.lng)), lat: round6(clamp(p.lat, g.centre.lat)) },
    };
  };
  const inGrid = (gridIndex: number): Point => {
    const g = grids[gridIndex];
    const inner = g.half * 0.85;
    return { lng: g.centre.lng + between(-inner, inner), lat: g.centre.lat + between(-inner, inner) };
  };
  const gridsOf = new Map<number, number[]>();
  grids.forEach((g, i) => gridsOf.set(g.communityId, [...(gridsOf.get(g.communityId) ?? []), i]));
  const inCommunity = (ci: number) => inGrid(pick(gridsOf.get(ctx.communities[ci].id)!));
  const base = (ci: number) => ctx.communities[ci].name.replace(/社区$/, '');

  const sites: SitePlan[] = [];
  const taken = new Set<string>();
  /** A site at (or near) `at`; its unit and address may depend on the community it falls in. */
  const addSite = (
    type: string,
    name: string,
    at: Point,
    unitOf: number | ((communityIndex: number) => number),
    address?: (communityIndex: number) => string,
  ) => {
    const { gridIndex, point } = place(at);
    const communityIndex = communityIndexOf.get(grids[gridIndex].communityId)!;
    const c = ctx.communities[communityIndex];
    let unique = name;
    // A second place of the same name is told apart by its community (inside the brackets, if any).
    const tell = (mark: string) => (name.endsWith('）') ? `${name.slice(0, -1)}·${mark}）` : `${name}（${mark}）`);
    for (let n = 2; taken.has(`${type}/${unique}`); n++) unique = tell(n === 2 ? c.name : String(n));
    taken.add(`${type}/${unique}`);
    sites.push({
      type,
      name: unique,
      address: address ? address(communityIndex) : `${c.district}${c.street}${c.name}`,
      point,
      gridIndex,
      communityIndex,
      unitId: typeof unitOf === 'number' ? unitOf : unitOf(communityIndex),
      contactName: personName(),
      contactPhone: phone(),
    });
  };

  // The road lattice: eight east–west roads along grid rows, eight north–south along columns.
  const rows = Math.round((box.north - box.south) / step) + 1;
  const cols = Math.round((box.east - box.west) / step) + 1;
  const spread = (n: number, count: number) =>
    Array.from({ length: n }, (_, i) => Math.round((i * (count - 1)) / (n - 1)));
  const half = grids[0].half;
  const roads = [
    ...spread(8, rows).map((row, i) => ({
      name: ROADS[i],
      ew: true,
      at: box.south + row * step + 0.0011,
      from: box.west - half,
      to: box.east + half,
    })),
    ...spread(8, cols).map((col, i) => ({
      name: ROADS[8 + i],
      ew: false,
      at: box.west + col * step + 0.0011,
      from: box.south - half,
      to: box.north + half,
    })),
  ];
  const onRoad = (road: (typeof roads)[number], along: number, aside = 0): Point =>
    road.ew ? { lng: along, lat: road.at + aside } : { lng: road.at + aside, lat: along };
  const crossings = roads.filter((r) => !r.ew).flatMap((ns) => roads.filter((r) => r.ew).map((ew) => ({ ew, ns })));
  const roadAddress = (road: string) => (ci: number) =>
    `${ctx.communities[ci].district}${road}（${ctx.communities[ci].name}段）`;
  const pairedRoads = new Map(
    (
      await trx
        .selectFrom('pairings')
        .select(['unit_id', 'target_name'])
        .where('city_id', '=', cityId)
        .where('target_type', '=', 'road_segment')
        .execute()
    ).map((p) => [p.target_name.replace(/（.*$/, ''), p.unit_id]),
  );
  const districtOffice = (ci: number) => unit(`${ctx.communities[ci].district}人民政府`);

  for (const road of roads) {
    // Bus stops every ~400 m, named by the crossing road or the community they serve; a public
    // bike station, a toilet or a newsstand next to some of them.
    for (let x = road.from + 0.0018, k = 0; x < road.to; x += 0.0036, k++) {
      const point = onRoad(road, x, k % 2 ? 0.0002 : -0.0002);
      const cross = roads.find((r) => r.ew !== road.ew && Math.abs(r.at - x) < 0.0012);
      const ci = communityIndexOf.get(grids[place(point).gridIndex].communityId)!;
      const landmark = cross ? `${cross.name}口` : base(ci);
      const name =
        ['', ...(road.ew ? ['东', '西'] : ['南', '北'])]
          .map((side) => `${road.name}${landmark}${side}站`)
          .find((n) => !taken.has(`bus_stop/${n}`)) ?? `${road.name}${landmark}站`;
      addSite('bus_stop', name, point, unit(chance(0.85) ? '市公交集团' : '市交通运输局'), roadAddress(road.name));
      if (k % 5 === 2) {
        addSite(
          'public_bike',
          `${road.name}${base(ci)}公共自行车站`,
          onRoad(road, x + 0.0006, 0.0004),
          districtOffice,
          roadAddress(road.name),
        );
      }
      if (k % 7 === 3) {
        addSite(
          'public_toilet',
          `${road.name}${base(ci)}公厕`,
          onRoad(road, x - 0.0008, 0.0005),
          unit('市环境卫生管理处'),
          roadAddress(road.name),
        );
      }
      if (k % 8 === 1) {
        addSite(
          'newsstand',
          `${road.name}${base(ci)}${chance(0.5) ? '报刊亭' : '阅报栏'}`,
          onRoad(road, x + 0.001, -0.0004),
          unit(chance(0.6) ? '市邮政分公司' : '市城市管理局'),
          roadAddress(road.name),
        );
      }
    }
    // Road sections between the crossing roads: 步行500米 counts are taken along them.
    const across = roads.filter((r) => r.ew !== road.ew).sort((a, b) => a.at - b.at);
    for (let i = 0; i + 1 < across.length; i++) {
      const mid = (across[i].at + across[i + 1].at) / 2;
      addSite(
        'main_road',
        `${road.name}（${across[i].name}—${across[i + 1].name}段）`,
        onRoad(road, mid),
        pairedRoads.get(road.name) ?? unit('市城市管理局'),
        roadAddress(road.name),
      );
    }
  }
  for (const { ew, ns } of crossings) {
    const at = { lng: ns.at, lat: ew.at };
    if (chance(0.62)) addSite('intersection', `${ew.name}与${ns.name}交叉口`, at, unit('市公安局交警支队'));
    if (chance(0.7)) {
      addSite(
        'bike_shelter',
        `${ew.name}${ns.name}口非机动车道遮阳棚`,
        { lng: at.lng + 0.0004, lat: at.lat - 0.0003 },
        unit('示范广播电视台'),
      );
    }
  }

  // Places in the communities.
  const communityCount = ctx.communities.length;
  const anyCommunity = () => Math.floor(rand() * communityCount);
  /** Where a place named after a district, street or community lies ('南湖公园' in 南湖区), else anywhere. */
  const communityFor = (name: string) => {
    const hits = ctx.communities.flatMap((c, i) =>
      [c.district.replace(/区$/, ''), c.street.replace(/(街道|管委会)$/, ''), base(i)].some((w) => name.startsWith(w))
        ? [i]
        : [],
    );
    return hits.length > 0 ? pick(hits) : anyCommunity();
  };
  SQUARES.forEach((name) => addSite('square', name, inCommunity(communityFor(name)), unit('市城市管理局')));
  PARKS.forEach((name) => addSite('park', name, inCommunity(communityFor(name)), unit('市园林绿化中心')));
  for (let ci = 0; ci < communityCount; ci++) {
    const c = ctx.communities[ci];
    addSite('community', `${c.name}党群服务中心`, inCommunity(ci), c.pairedUnitId);
    for (const suffix of shuffle([...ESTATE_SUFFIXES]).slice(0, 4)) {
      addSite('residential_estate', `${base(ci)}${suffix}`, inCommunity(ci), c.pairedUnitId);
    }
    for (const lane of shuffle([...LANES]).slice(0, ci % 2 ? 3 : 2)) {
      addSite('back_street', `${base(ci)}${lane}`, inCommunity(ci), c.pairedUnitId);
    }
  }
  const fringe = ctx.communities.map((c, i) => ({ c, i })).filter(({ c }) => c.district !== '东城区');
  VILLAGES.forEach((name) => {
    const { c, i } = pick(fringe);
    addSite('urban_village', name, inCommunity(i), c.streetOfficeId);
  });
  const markets = [
    ...MARKETS.map((name) => ({ name, ci: communityFor(name) })),
    ...shuffle(ctx.communities.map((_, ci) => ({ name: `${base(ci)}农贸市场`, ci }))).slice(0, 18),
  ];
  markets.forEach(({ name, ci }) => addSite('farmers_market', name, inCommunity(ci), unit('市农贸市场服务中心')));
  for (let i = 0; i < 30; i++) {
    const road = pick(roads);
    addSite(
      'construction_site',
      `${road.name}${pick([...PROJECTS, '棚户区改造项目', '住宅小区项目', '综合管廊工程'])}工地`,
      onRoad(road, between(road.from, road.to), between(0.0008, 0.002)),
      unit('市住房和城乡建设局'),
      roadAddress(road.name),
    );
  }
  for (let i = 0; i < 40; i++) {
    const road = pick(roads);
    addSite(
      'internet_cafe',
      `${pick(CAFES)}（${road.name}店）`,
      onRoad(road, between(road.from, road.to), 0.0006),
      unit('市文化广电和旅游局'),
      roadAddress(road.name),
    );
  }
  const single = (type: string, list: [string, string][]) =>
    list.forEach(([name, owner]) => addSite(type, name, inCommunity(communityFor(name)), unit(owner)));
  single('culture_venue', CULTURE);
  single('library', LIBRARIES);
  single('museum', MUSEUMS);
  single('government_hall', HALLS);
  single('scenic_spot', SCENIC);
  single('station', STATIONS);
  for (let i = 0; i < 30; i++) {
    const [kind, owner] = pick(WINDOWS);
    const road = pick(roads);
    addSite(
      'service_window',
      `${kind}（${road.name}）`,
      onRoad(road, between(road.from, road.to), 0.0007),
      unit(owner),
      roadAddress(road.name),
    );
  }
  for (let i = 0; i < 20; i++) {
    const road = pick(roads);
    addSite(
      'bank',
      `${pick(BANKS)}示范${road.name}支行`,
      onRoad(road, between(road.from, road.to), -0.0007),
      unit('市商务局'),
      roadAddress(road.name),
    );
  }
  for (let i = 0; i < 8; i++) {
    const road = roads[i * 2];
    addSite(
      'post_office',
      `示范市邮政${road.name}营业所`,
      onRoad(road, between(road.from, road.to), 0.0007),
      unit('市邮政分公司'),
      roadAddress(road.name),
    );
  }
  for (let i = 0; i < 12; i++) {
    const road = pick(roads);
    addSite(
      'telecom_hall',
      `中国移动${road.name}营业厅`,
      onRoad(road, between(road.from, road.to), -0.0006),
      unit('中国移动示范分公司'),
      roadAddress(road.name),
    );
  }
  HOSPITAL_UNITS.forEach((name) => addSite('hospital', name, inCommunity(communityFor(name)), unit(name)));
  [...new Set(ctx.communities.map((c) => c.street))].forEach((street) => {
    const ci = ctx.communities.findIndex((c) => c.street === street);
    addSite(
      'hospital',
      `${street.replace(/(街道|管委会)$/, '')}社区卫生服务中心`,
      inCommunity(ci),
      unit('市卫生健康委员会'),
    );
  });
  SCHOOL_UNITS.forEach((name) => addSite('school', name, inCommunity(communityFor(name)), unit(name)));
  for (let i = 0; i < 34; i++) {
    const ci = anyCommunity();
    addSite('school', `${base(ci)}${pick(SCHOOL_NAMES)}`, inCommunity(ci), unit('市教育局'));
  }
  // Buses and taxis are registered at their depots (one per district).
  const depots = [0, Math.floor(communityCount / 2), communityCount - 1].map((ci) => inCommunity(ci));
  for (let i = 0; i < 120; i++) {
    addSite(
      'bus',
      `${1 + (i % 30)}路公交车（车号${1001 + i}）`,
      depots[i % 3],
      unit('市公交集团'),
      () => '示范市公交集团停车场',
    );
  }
  for (let i = 0; i < 60; i++) {
    addSite(
      'taxi',
      `出租车 示A·T${1000 + ((i * 7919) % 9000)}`,
      depots[(i + 1) % 3],
      unit('市交通运输局'),
      () => '示范市出租汽车服务中心',
    );
  }

  const insertedSites = await sql<{ id: number }>`
    INSERT INTO sites (city_id, type_code, name, address, lng, lat, region_id, unit_id, contact_name, contact_phone,
                       created_at, updated_at)
    SELECT ${cityId}, t, n, a, x, y, r, u, cn, cp, ${ctx.now}, ${ctx.now}
    FROM unnest(${sites.map((s) => s.type)}::text[], ${sites.map((s) => s.name)}::text[], ${sites.map((s) => s.address)}::text[],
                ${sites.map((s) => s.point.lng)}::float8[], ${sites.map((s) => s.point.lat)}::float8[],
                ${sites.map((s) => ctx.communities[s.communityIndex].id)}::bigint[], ${sites.map((s) => s.unitId)}::bigint[],
                ${sites.map((s) => s.contactName)}::text[], ${sites.map((s) => s.contactPhone)}::text[])
         WITH ORDINALITY AS x(t, n, a, x, y, r, u, cn, cp, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const siteIds = insertedSites.rows.map((r) => r.id);
  const siteIndex = new Map(siteIds.map((id, i) => [id, i]));

  // ------------------------------------------------------------------------------------------
  // Rounds: three past months and the current one
  // ------------------------------------------------------------------------------------------

  const today = localDate(ctx.now);
  const [year, month] = today.split('-').map(Number);
  const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const monthDay = (offset: number, day: number) => Date.UTC(year, month - 1 + offset, day);
  const at = (date: string, hours: number) => Date.parse(`${date}T00:00:00Z`) + hours * HOUR - CHINA;
  const typeCodes = [...itemsOf.keys()].filter((type) => sites.some((s) => s.type === type)).sort();
  const candidates = siteIds
    .map((id, i) => ({ id, type_code: sites[i].type }))
    .filter((c) => typeCodes.includes(c.type_code));
  const phaseOfCampaign = ctx.campaignId ? ((await campaignPhase(trx, ctx.campaignId)) ?? 'normal') : 'normal';
  const rounds = [-3, -2, -1, 0].map((offset, i) => {
    const open = offset === 0;
    const startsOn = open ? dateOf(monthDay(0, 1)) : dateOf(monthDay(offset, 6));
    const endsOn = open
      ? dateOf(Math.max(monthDay(0, 25), Date.parse(today) + 10 * DAY))
      : dateOf(monthDay(offset, 20));
    const [y, m] = startsOn.split('-').map(Number);
    const seed = newSeed(rand);
    const perType = open ? OPEN_PER_TYPE : PER_TYPE;
    const linked = ctx.campaignId !== null && i >= 2;
    return {
      name: `${y}年${m}月模拟测评`,
      open,
      startsOn,
      endsOn,
      seed,
      perType,
      campaignId: linked ? ctx.campaignId : null,
      phase: (linked ? phaseOfCampaign : 'normal') as Phase,
      createdAt: Math.min(at(startsOn, -2 * 24 + 10), now - 2 * DAY),
      openedAt: Math.min(at(startsOn, 8.5), now - HOUR),
      closedAt: open ? null : at(endsOn, 2 * 24 + 17),
      drawn: drawSites(candidates, perType, seed),
    };
  });
  const roundRows = await sql<{ id: number }>`
    INSERT INTO inspection_rounds (city_id, region_id, campaign_id, name, starts_on, ends_on, status, draw_seed, criteria,
                                   created_by, created_at, updated_at, opened_at, closed_at)
    SELECT ${cityId}, ${ctx.rootId}, c, n, s::date, e::date, st, seed::bigint, cr::jsonb, ${admin.id}, ca, coalesce(cl, oa), oa, cl
    FROM unnest(${rounds.map((r) => r.campaignId)}::bigint[], ${rounds.map((r) => r.name)}::text[],
                ${rounds.map((r) => r.startsOn)}::text[], ${rounds.map((r) => r.endsOn)}::text[],
                ${rounds.map((r) => (r.open ? 'open' : 'closed'))}::text[], ${rounds.map((r) => r.seed)}::text[],
                ${rounds.map((r) => JSON.stringify({ typeCodes, perType: r.perType }))}::text[],
                ${rounds.map((r) => iso(r.createdAt))}::timestamptz[], ${rounds.map((r) => iso(r.openedAt))}::timestamptz[],
                ${rounds.map((r) => iso(r.closedAt))}::timestamptz[]) WITH ORDINALITY AS x(c, n, s, e, st, seed, cr, ca, oa, cl, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const roundIds = roundRows.rows.map((r) => r.id);

  // ------------------------------------------------------------------------------------------
  // Inspections and results
  // ------------------------------------------------------------------------------------------

  const regionPaths = new Map(
    (
      await trx
        .selectFrom('regions')
        .select(['id', 'path'])
        .where('city_id', '=', cityId)
        .where('level', '=', 'community')
        .execute()
    ).map((r) => [r.id, r.path]),
  );
  const pathOf = (site: number) => regionPaths.get(ctx.communities[sites[site].communityIndex].id) ?? '';
  // Each site's tendency to fail an item; most improve round by round, some slip.
  const proneness = sites.map(() => Math.max(0.01, Math.min(0.6, 0.02 + (rand() + rand() + rand()) * 0.07)));
  const slipping = sites.map(() => chance(0.15));
  const files = await storeDemoPhotos(trx, ctx, [
    { r: 120, g: 128, b: 140, label: '测评现场', name: '测评现场-1.jpg', userId: inspectors[0].id },
    { r: 138, g: 122, b: 104, label: '测评现场', name: '测评现场-2.jpg', userId: inspectors[1].id },
    { r: 104, g: 132, b: 118, label: '测评现场', name: '测评现场-3.jpg', userId: inspectors[2].id },
    { r: 82, g: 142, b: 104, label: '整改后', name: '整改后-公益广告补设.jpg', userId: account('unit').id },
    { r: 88, g: 126, b: 166, label: '整改后', name: '整改后-环境清理.jpg', userId: account('unit').id },
  ]);
  const sitePhotos = files.slice(0, 3);
  const afterPhotos = files.slice(3);

  /** A point `metres` (roughly) away from `p`, in a random direction. */
  const near = (p: Point, metres: number): Point => {
    const angle = rand() * 2 * Math.PI;
    const d = metres / 111_320;
    return {
      lng: round6(p.lng + (d * Math.cos(angle)) / Math.cos((p.lat * Math.PI) / 180)),
      lat: round6(p.lat + d * Math.sin(angle)),
    };
  };
  const workingDays = (from: string, to: string) => {
    const days: string[] = [];
    for (let d = Date.parse(from); d <= Date.parse(to); d += DAY)
      if (isWorkingDate(dateOf(d), calendar)) days.push(dateOf(d));
    return days;
  };

  const inspections: InspectionPlan[] = [];
  rounds.forEach((round, r) => {
    const order = [...round.drawn].sort((a, b) => {
      const [sa, sb] = [siteIndex.get(a)!, siteIndex.get(b)!];
      return pathOf(sa).localeCompare(pathOf(sb)) || sites[sa].type.localeCompare(sites[sb].type) || a - b;
    });
    const assignees = shareOut(order, shuffle(inspectors.map((i) => i.id)));
    const days = workingDays(round.startsOn, round.endsOn);
    // Each inspector works through their share, neighbours together, over the round's working days.
    const shareSize = new Map<number, number>();
    for (const id of assignees) shareSize.set(id, (shareSize.get(id) ?? 0) + 1);
    const done = new Map<number, number>();
    order.forEach((siteId, k) => {
      const site = siteIndex.get(siteId)!;
      const plan: InspectionPlan = {
        round: r,
        site,
        siteId,
        inspectorId: assignees[k],
        submittedAt: null,
        position: null,
        results: [],
      };
      inspections.push(plan);
      if (round.open) return;
      const nth = done.get(assignees[k]) ?? 0;
      done.set(assignees[k], nth + 1);
      const day = days[Math.floor((nth / shareSize.get(assignees[k])!) * days.length)] ?? round.startsOn;
      plan.submittedAt = at(day, pick([9, 9.5, 10, 10.5, 11, 14.5, 15, 15.5, 16, 16.5])) + int(0, 25) * MINUTE;
      plan.position = near(sites[site].point, between(5, 60));
      const factor = slipping[site] ? [0.8, 1.1, 1.45][r] : ROUND_FAILURE[r];
      for (const item of itemsOf.get(sites[site].type) ?? []) {
        // Screens and on-board TV: some stops and buses have none.
        if (item.rule.kind === 'rate' && chance(0.12)) {
          const result = evaluateRule(item.rule, { na: true }, round.phase);
          plan.results.push({
            item,
            outcome: 'na',
            value: { na: true },
            earned: 0,
            seen: describeResult(item.rule, result, 'zh-CN'),
            note: null,
            photos: [],
          });
          continue;
        }
        const difficulty = item.rule.kind === 'presence' ? (item.rule.expect === 'absent' ? 1.1 : 0.7) : 1.35;
        const pass = !chance(Math.min(0.85, proneness[site] * factor * difficulty));
        const value = ruleValueFor(item.rule, pass, round.phase, rand);
        const result = evaluateRule(item.rule, value, round.phase);
        const proof = result.outcome !== 'na' && (item.photo_required || (result.outcome === 'fail' && chance(0.5)));
        const takenAt = plan.submittedAt - int(3, 40) * MINUTE;
        const first = int(0, sitePhotos.length - 1);
        // A few photos are taken far from the site (an old photo, or the wrong place): flagged.
        const photos = proof
          ? Array.from({ length: chance(0.2) ? 2 : 1 }, (_, n) => ({
              file: (first + n) % sitePhotos.length,
              point: near(sites[site].point, chance(0.03) ? between(400, 900) : between(3, 45)),
              takenAt: takenAt + n * MINUTE,
              accuracy: int(5, 30),
            }))
          : [];
        plan.results.push({
          item,
          outcome: result.outcome,
          value,
          earned: result.outcome === 'pass' ? item.points : 0,
          seen: describeResult(item.rule, result, 'zh-CN'),
          note: result.outcome === 'fail' ? pick(NOTES_FAILED) : null,
          photos,
        });
      }
    });
  });

  const scores = inspections.map((p) => {
    const s = scoreSite(p.results.map((x) => ({ points: x.item.points, outcome: x.outcome })));
    return { ...s, failed: p.results.filter((x) => x.outcome === 'fail').length };
  });
  const submitted = (p: InspectionPlan) => p.submittedAt !== null;
  const insertedInspections = await sql<{ id: number }>`
    INSERT INTO inspections (city_id, kind, round_id, site_id, inspector_id, status, type_code, region_id, unit_id, phase,
                             earned, applicable, score, failed, idempotency_key, submitted_at, submitted_lng, submitted_lat,
                             created_at, updated_at)
    SELECT ${cityId}, 'round', r, s.id, i, st, s.type_code, s.region_id, s.unit_id, ph, e, a, sc, f, k, sa, x, y, ca,
           coalesce(sa, ca)
    FROM unnest(${inspections.map((p) => roundIds[p.round])}::bigint[], ${inspections.map((p) => p.siteId)}::bigint[],
                ${inspections.map((p) => p.inspectorId)}::bigint[],
                ${inspections.map((p) => (submitted(p) ? 'submitted' : 'assigned'))}::text[],
                ${inspections.map((p) => (submitted(p) ? rounds[p.round].phase : null))}::text[],
                ${inspections.map((p, i) => (submitted(p) ? scores[i].earned : null))}::numeric[],
                ${inspections.map((p, i) => (submitted(p) ? scores[i].applicable : null))}::numeric[],
                ${inspections.map((p, i) => (submitted(p) ? scores[i].score : null))}::numeric[],
                ${inspections.map((p, i) => (submitted(p) ? scores[i].failed : null))}::int[],
                ${inspections.map((p) => (submitted(p) ? `demo-${roundIds[p.round]}-${p.siteId}` : null))}::text[],
                ${inspections.map((p) => iso(p.submittedAt))}::timestamptz[],
                ${inspections.map((p) => p.position?.lng ?? null)}::float8[], ${inspections.map((p) => p.position?.lat ?? null)}::float8[],
                ${inspections.map((p) => iso(rounds[p.round].createdAt))}::timestamptz[])
         WITH ORDINALITY AS x(r, site, i, st, ph, e, a, sc, f, k, sa, x, y, ca, ord)
    JOIN sites s ON s.id = x.site
    ORDER BY ord
    RETURNING id`.execute(trx);
  const inspectionIds = insertedInspections.rows.map((r) => r.id);

  const results = inspections.flatMap((p, i) => p.results.map((x) => ({ p, i, x })));
  const insertedResults = await sql<{ id: number }>`
    INSERT INTO inspection_results (city_id, inspection_id, item_id, outcome, value, points, earned, seen, photos, note, created_at)
    SELECT ${cityId}, ins, it, o, v::jsonb, pt, e, s, coalesce(string_to_array(nullif(ph, ''), ','), '{}'), n, c
    FROM unnest(${results.map((r) => inspectionIds[r.i])}::bigint[], ${results.map((r) => r.x.item.id)}::bigint[],
                ${results.map((r) => r.x.outcome)}::text[], ${results.map((r) => JSON.stringify(r.x.value))}::text[],
                ${results.map((r) => (r.x.outcome === 'na' ? 0 : r.x.item.points))}::numeric[],
                ${results.map((r) => r.x.earned)}::numeric[], ${results.map((r) => r.x.seen)}::text[],
                ${results.map((r) => r.x.photos.map((ph) => sitePhotos[ph.file]).join(','))}::text[],
                ${results.map((r) => r.x.note)}::text[], ${results.map((r) => iso(r.p.submittedAt))}::timestamptz[])
         WITH ORDINALITY AS x(ins, it, o, v, pt, e, s, ph, n, c, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const resultIds = insertedResults.rows.map((r) => r.id);

  const photoRows = results.flatMap((r) =>
    r.x.photos.map((ph) => {
      const distance = distanceMetres(ph.point, sites[r.p.site].point);
      return { r, ph, distance, far: distance > INSPECTION_LIMITS.farPhotoMetres };
    }),
  );
  await sql`
    INSERT INTO inspection_photos (city_id, inspection_id, item_id, file_id, taken_at, lng, lat, accuracy_m, distance_m, far, created_at)
    SELECT ${cityId}, ins, it, f, t, x, y, a, d, fr, c
    FROM unnest(${photoRows.map((p) => inspectionIds[p.r.i])}::bigint[], ${photoRows.map((p) => p.r.x.item.id)}::bigint[],
                ${photoRows.map((p) => sitePhotos[p.ph.file])}::text[], ${photoRows.map((p) => iso(p.ph.takenAt))}::timestamptz[],
                ${photoRows.map((p) => p.ph.point.lng)}::float8[], ${photoRows.map((p) => p.ph.point.lat)}::float8[],
                ${photoRows.map((p) => p.ph.accuracy)}::float8[], ${photoRows.map((p) => p.distance)}::float8[],
                ${photoRows.map((p) => p.far)}::boolean[], ${photoRows.map((p) => iso(p.r.p.submittedAt))}::timestamptz[])
         WITH ORDINALITY AS v(ins, it, f, t, x, y, a, d, fr, c, ord)
    ORDER BY ord`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // A case for every failed item
  // ------------------------------------------------------------------------------------------

  const leaves = await loadLeaves(trx, cityId, ctx.now, calendar);
  const leafOf = new Map(leaves.map((l) => [l.code, l]));
  // Lifecycles as the cases seed plans them, placed on the same working calendar.
  const { live } = createLifePlanner(rand, now, calendar);
  const settled = (life: Life) => Math.max(...life.steps.map((s) => s.at)) < now - 5 * MINUTE;

  const failed = results.map((r, k) => ({ ...r, resultId: resultIds[k] })).filter((r) => r.x.outcome === 'fail');
  const inspectorById = new Map(inspectors.map((i) => [i.id, i]));
  const plans = failed.map(({ p, x, resultId }): Plan => {
    const site = sites[p.site];
    const round = rounds[p.round];
    const leaf = leafOf.get(x.item.case_category_code ?? '') ?? leafOf.get('PSA.MISSING')!;
    const reportedAt = p.submittedAt! + int(1, 4) * MINUTE;
    // The office registers at once and dispatches the round's cases with its 督查通报 after the
    // round closes (the latest round's only in the last days).
    const dispatchFrom = Math.max(round.closedAt!, p.round === 2 ? now - between(1, 6) * DAY : 0);
    let status = weighted(CASE_MIX[p.round], ([, w]) => w)[0];
    let life = live(status, leaf, reportedAt, dispatchFrom);
    while (!settled(life) && FALLBACK[status]) {
      status = FALLBACK[status]!;
      life = live(status, leaf, reportedAt, dispatchFrom);
    }
    const inspector = inspectorById.get(p.inspectorId)!;
    const c = ctx.communities[site.communityIndex];
    const dispatched = life.dispatchedAt !== null;
    return {
      ...life,
      leaf,
      source: 'inspection',
      communityIndex: site.communityIndex,
      gridId: grids[site.gridIndex].id,
      lng: site.point.lng,
      lat: site.point.lat,
      description: t('zh-CN', 'INSPECTION_CASE_DESCRIPTION', {
        round: round.name,
        site: site.name,
        item: x.item.title,
        seen: x.seen,
        rule: describeRule(x.item.rule, 'zh-CN'),
      }),
      address: site.address,
      siteName: site.name,
      sourceRef: `inspection-result:${resultId}`,
      ownerUnitId: null,
      responsibleUnitId: site.unitId,
      suggestedUnitId: site.unitId ?? c.pairedUnitId,
      unitId: dispatched ? site.unitId : null,
      idempotencyKey: `inspection-result-${resultId}`,
      reporter: {
        userId: inspector.id,
        name: inspector.displayName,
        phone: null,
        actorId: inspector.id,
        actorName: inspector.displayName,
      },
      token: randomBytes(18).toString('base64url'),
      beforePhoto: x.photos.length > 0 ? x.photos[0].file : null,
      isPublic: false,
      mergedInto: null,
      duplicateScore: null,
      mergedFrom: [],
    };
  });
  // Case ids follow intake order across rounds, as they would in real use.
  const intakeOrder = plans.map((_, i) => i).sort((a, b) => plans[a].reportedAt - plans[b].reportedAt);
  const written = await writeDemoCases(
    trx,
    ctx,
    intakeOrder.map((i) => plans[i]),
    { before: sitePhotos, after: afterPhotos },
  );
  await sql`
    UPDATE inspection_results x SET case_id = v.case_id
    FROM unnest(${intakeOrder.map((i) => failed[i].resultId)}::bigint[], ${written.ids}::bigint[]) AS v(id, case_id)
    WHERE x.id = v.id`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Material review
  // ------------------------------------------------------------------------------------------

  const standards = new Map(
    (
      await trx
        .selectFrom('index_nodes')
        .select(['id', 'code', 'name'])
        .where('city_id', '=', cityId)
        .where(
          'code',
          'in',
          MATERIALS.map((m) => m.code),
        )
        .execute()
    ).map((n) => [n.code, n]),
  );
  const docs = await Promise.all(
    DOCS.map((d) =>
      demoDocument(d.title, [
        '根据《示范市创建全国文明城市测评体系》的要求，现将本单位落实情况报告如下。',
        '一、组织领导：成立工作专班，明确分管领导和联络员，任务分解到科室和责任人。',
        '二、主要做法：对照测评标准逐项落实，建立工作台帐，按月更新，佐证材料齐全。',
        '三、下步打算：查漏补缺，持续巩固，确保迎检达标。',
      ]),
    ),
  );
  const docIds: string[] = [];
  for (const [i, buffer] of docs.entries()) {
    const stored = await storeFile(trx, ctx.config, {
      cityId,
      userId: admin.id,
      name: DOCS[i].file,
      buffer,
      now: ctx.now,
    });
    docIds.push(stored.id);
  }
  const unitRows = await trx
    .selectFrom('units')
    .select(['id', 'name', 'liaison_name'])
    .where('city_id', '=', cityId)
    .execute();
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const accountOf = new Map(
    ctx.users.filter((u) => u.unitId !== null && u.username !== 'canvasser').map((u) => [u.unitId!, u]),
  );
  const createdOn = at(dateOf(monthDay(-3, 1)), 10);
  const requirements = MATERIALS.flatMap((m) =>
    (m.units === 'all' ? MATERIAL_UNITS : m.units).map((name) => {
      const unitId = unit(name);
      const early = m.due === 'past';
      // The demo `unit` account has something returned and something still to submit.
      const forced =
        name === '市城市管理局'
          ? ({ 'I07.01.01.03': 'returned', 'I02.03.01.01': 'missing' } as Record<string, string>)[m.code]
          : undefined;
      const mix: [string, number][] = early
        ? [
            ['accepted', 75],
            ['returned', 10],
            ['submitted', 10],
            ['missing', 5],
          ]
        : [
            ['accepted', 40],
            ['submitted', 25],
            ['returned', 15],
            ['missing', 20],
          ];
      const status = forced ?? weighted(mix, ([, w]) => w)[0];
      return { m, unitId, status, dueOn: early ? dateOf(monthDay(-2, 15)) : dateOf(monthDay(1, 0)) };
    }),
  );
  const reqRows = await sql<{ id: number }>`
    INSERT INTO material_requirements (city_id, standard_id, unit_id, due_on, status, created_by, created_at, updated_at)
    SELECT ${cityId}, s, u, d::date, st, ${admin.id}, ${iso(createdOn)}::timestamptz, ${iso(createdOn)}::timestamptz
    FROM unnest(${requirements.map((r) => standards.get(r.m.code)!.id)}::bigint[], ${requirements.map((r) => r.unitId)}::bigint[],
                ${requirements.map((r) => r.dueOn)}::text[], ${requirements.map((r) => r.status)}::text[])
         WITH ORDINALITY AS x(s, u, d, st, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const submissions = requirements.flatMap((r, ri) => {
    if (r.status === 'missing') return [];
    const acc = accountOf.get(r.unitId);
    const by = {
      id: acc?.id ?? null,
      name: acc?.displayName ?? `${unitById.get(r.unitId)!.name} ${unitById.get(r.unitId)!.liaison_name ?? ''}`.trim(),
    };
    const files = chance(0.5) ? [docIds[r.m.doc]] : [docIds[r.m.doc], sitePhotos[int(0, sitePhotos.length - 1)]];
    // A returned attempt first (always for 'returned'), then the final one.
    const attempts: ('submitted' | 'accepted' | 'returned')[] =
      r.status === 'returned'
        ? ['returned']
        : chance(0.25)
          ? ['returned', r.status as 'submitted' | 'accepted']
          : [r.status as 'submitted' | 'accepted'];
    let t0 = createdOn + between(2, 40) * DAY;
    return attempts.map((status) => {
      const submittedAt = Math.min(t0, now - between(2, 5) * DAY);
      const reviewedAt = status === 'submitted' ? null : Math.min(submittedAt + between(0.5, 3) * DAY, now - HOUR);
      t0 = (reviewedAt ?? submittedAt) + between(1, 6) * DAY;
      return {
        requirementId: reqRows.rows[ri].id,
        status,
        note: pick(SUBMIT_NOTES),
        files,
        by,
        submittedAt,
        reviewedAt,
        reviewNote:
          status === 'returned'
            ? pick(RETURN_NOTES)
            : status === 'accepted'
              ? pick(['材料齐全，予以通过', '符合要求', null])
              : null,
      };
    });
  });
  submissions.sort((a, b) => a.submittedAt - b.submittedAt);
  await sql`
    INSERT INTO material_submissions (city_id, requirement_id, status, note, files, submitted_by, submitted_by_name, submitted_at,
                                      reviewed_by, reviewed_by_name, reviewed_at, review_note)
    SELECT ${cityId}, q, st, n, string_to_array(f, ','), sb, sn, sa, CASE WHEN ra IS NULL THEN NULL ELSE ${admin.id}::bigint END,
           CASE WHEN ra IS NULL THEN NULL ELSE ${admin.displayName} END, ra, rn
    FROM unnest(${submissions.map((s) => s.requirementId)}::bigint[], ${submissions.map((s) => s.status)}::text[],
                ${submissions.map((s) => s.note)}::text[], ${submissions.map((s) => s.files.join(','))}::text[],
                ${submissions.map((s) => s.by.id)}::bigint[], ${submissions.map((s) => s.by.name)}::text[],
                ${submissions.map((s) => iso(s.submittedAt))}::timestamptz[], ${submissions.map((s) => iso(s.reviewedAt))}::timestamptz[],
                ${submissions.map((s) => s.reviewNote)}::text[]) WITH ORDINALITY AS x(q, st, n, f, sb, sn, sa, ra, rn, ord)
    ORDER BY ord`.execute(trx);
  await sql`
    UPDATE material_requirements m SET updated_at = x.last
    FROM (SELECT requirement_id, max(coalesce(reviewed_at, submitted_at)) AS last FROM material_submissions
          WHERE city_id = ${cityId} GROUP BY requirement_id) x
    WHERE m.id = x.requirement_id`.execute(trx);

  return {
    sites: sites.length,
    rounds: rounds.length,
    inspections: inspections.length,
    results: results.length,
    failed: failed.length,
    cases: written.ids.length,
    photos: photoRows.length,
    requirements: requirements.length,
    submissions: submissions.length,
  };
}
