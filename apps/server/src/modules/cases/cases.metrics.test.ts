// Metrics against hand-computed figures: a small set of cases written straight into the table with
// known dates and outcomes, then every formula of cases.metrics.ts checked by hand.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import type { CasesTable } from '../../platform/db-schema.js';
import {
  casePeople,
  caseTestConfig,
  createCaseCity,
  type CaseCity,
  type CasePeople,
} from '../../../test/case-fixtures.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { rate } from './cases.metrics.js';

let env: TestEnv;
let city: CaseCity;
let people: CasePeople;

const h = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000);

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  people = await casePeople(env, city);
  const bin = city.category('ENV.BIN');
  const light = city.category('FAC.LIGHT');
  const base = (over: Partial<Insertable<CasesTable>>): Insertable<CasesTable> => ({
    city_id: city.cityId,
    category_id: bin,
    source: 'inspector',
    status: 'closed',
    description: '测试',
    region_id: city.gridA,
    community_id: city.communities[0].id,
    grid_id: city.gridA,
    unit_id: city.unitA,
    registered_at: new Date('2026-03-02T01:00:00Z'),
    dispatched_at: new Date('2026-03-02T02:00:00Z'),
    deadline_at: new Date('2026-03-05T02:00:00Z'),
    created_at: new Date('2026-03-02T00:00:00Z'),
    updated_at: new Date('2026-03-02T00:00:00Z'),
    ...over,
  });
  const d = '2026-03-02T02:00:00Z';
  await env.db
    .insertInto('cases')
    .values([
      // unitA, due in March: closed on time after 10 h, 20 h (reworked once), closed late after 30 h (extended).
      base({ handled_at: h(d, 10), closed_at: h(d, 12), closed_on_time: true }),
      base({ handled_at: h(d, 20), closed_at: h(d, 22), closed_on_time: true, rework_count: 1 }),
      base({
        handled_at: h(d, 90),
        closed_at: h(d, 91),
        closed_on_time: false,
        extension_count: 1,
        category_id: light,
      }),
      // unitA, due in March, still working and escalated twice.
      base({ status: 'accepted', escalation_count: 2 }),
      // unitA, due in April: not in March's due figures, but registered in March.
      base({ status: 'dispatched', deadline_at: new Date('2026-04-02T02:00:00Z') }),
      // unitB, due in March, handled once, waiting for verification.
      base({ status: 'handled', unit_id: city.unitB, handled_at: h(d, 5) }),
      // Registered in February, due in March (received in February only).
      base({
        registered_at: new Date('2026-02-20T02:00:00Z'),
        created_at: new Date('2026-02-20T01:00:00Z'),
        handled_at: h(d, 1),
        closed_at: h(d, 2),
        closed_on_time: true,
        unit_id: city.unitB,
      }),
      // Voided and merged cases never count.
      base({ status: 'voided' }),
      base({ status: 'merged' }),
      // Not yet dispatched: received, not due.
      base({ status: 'registered', unit_id: null, dispatched_at: null, deadline_at: null }),
    ])
    .execute();
});
afterAll(() => env.close());

interface Row {
  key: string;
  label: string;
  received: number;
  due: number;
  closed: number;
  closedOnTime: number;
  closeRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  escalated: number;
  avgHandlingHours: number | null;
  p90HandlingHours: number | null;
}

async function metrics(query: string) {
  const res = await people.office.get(`/api/cases/metrics?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: Row[]; total: Row };
}

describe('case metrics', () => {
  it('rate() is n / d to 4 decimals, null on an empty denominator', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
    expect(rate(1, 0)).toBeNull();
  });

  it('per unit for March matches the hand-computed figures', async () => {
    const { rows, total } = await metrics('groupBy=unit&from=2026-03-01&to=2026-03-31');
    const a = rows.find((r) => r.key === String(city.unitA))!;
    expect(a.label).toBe('东区城管局');
    // Received (registered in March, not merged): 6 of unitA's incl. the voided one.
    expect(a.received).toBe(6);
    // Due in March: 3 closed + 1 working = 4; closed 3; on time 2.
    expect(a).toMatchObject({ due: 4, closed: 3, closedOnTime: 2, escalated: 1 });
    expect(a.closeRate).toBe(0.75);
    expect(a.onTimeRate).toBe(0.5);
    // Handled at least once: the 3 closed → 1 reworked of 3.
    expect(a.reworkRate).toBe(0.3333);
    expect(a.extensionRate).toBe(0.25);
    // Handling hours of the closed: 10, 20, 90 → mean 40; p90 = 20 + 0.8 × 70 = 76.
    expect(a.avgHandlingHours).toBe(40);
    expect(a.p90HandlingHours).toBe(76);

    const b = rows.find((r) => r.key === String(city.unitB))!;
    expect(b).toMatchObject({ received: 1, due: 2, closed: 1, closedOnTime: 1, closeRate: 0.5, reworkRate: 0 });

    expect(total).toMatchObject({ received: 8, due: 6, closed: 4, closedOnTime: 3 });
    expect(total.closeRate).toBe(0.6667);
    expect(total.onTimeRate).toBe(0.5);
  });

  it('groups by category (top level), region and month', async () => {
    const byCategory = await metrics('groupBy=category&from=2026-03-01&to=2026-03-31');
    const labels = byCategory.rows.map((r) => r.label).sort();
    expect(labels).toEqual(['公共环境', '公共设施']);
    expect(byCategory.rows.find((r) => r.label === '公共设施')).toMatchObject({ due: 1, closed: 1, closedOnTime: 0 });

    const byRegion = await metrics('groupBy=region&from=2026-03-01&to=2026-03-31');
    expect(byRegion.rows.map((r) => r.label)).toEqual(['东区']);

    const byMonth = await metrics('groupBy=month&from=2026-02-01&to=2026-04-30');
    expect(byMonth.rows.map((r) => [r.key, r.received, r.due])).toEqual([
      ['2026-02', 1, 0],
      ['2026-03', 8, 6],
      ['2026-04', 0, 1],
    ]);
  });

  it('keeps a unit to its own cases', async () => {
    const { rows } = await (async () => {
      const res = await people.unitB.get('/api/cases/metrics?groupBy=unit&from=2026-03-01&to=2026-03-31');
      return res.json() as { rows: Row[] };
    })();
    expect(rows.map((r) => r.key)).toEqual([String(city.unitB)]);
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await people.office.get('/api/cases/metrics?groupBy=unit&from=2026-03-31&to=2026-03-01');
    expect(res.statusCode).toBe(400);
  });
});
