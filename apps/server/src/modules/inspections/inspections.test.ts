// Field inspections through the API: a reproducible draw, assignment and the inspector's list by
// distance; a submission scored by the rules (one failing item → one case for the site's
// responsible unit, photos far from the site flagged), idempotent; every refusal (wrong values,
// a missing photo, someone else's site, a closed round) leaving nothing saved; the campaign's
// phase deciding the threshold; rollups against hand-computed figures with the change since the
// previous round; and a re-inspection started from a case.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inspectionOf,
  newKey,
  openRound,
  setUp,
  uploadPhoto,
  values,
  type InspectionCity,
  type InspectionPeople,
} from '../../../test/inspection-fixtures.js';
import type { TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: InspectionCity;
let people: InspectionPeople;

beforeAll(async () => {
  ({ env, city, people } = await setUp());
});
afterAll(async () => env?.close());

interface DetailJson {
  id: number;
  status: string;
  score: number | null;
  failed: number | null;
  earned: number | null;
  applicable: number | null;
  phase: string;
  caseIds: number[];
  photos: { far: boolean; distanceM: number | null }[];
  items: { id: number; result: { outcome: string; text: string; caseId: number | null } | null }[];
  canPerform: boolean;
}

async function submit(client = people.inspector, id: number, body: Record<string, unknown>) {
  return client.post(`/api/inspections/${id}/submit`, body);
}

describe('planning a round', () => {
  it('draws the same sites from the same seed and records it', async () => {
    const first = await people.admin.post('/api/inspection-rounds', {
      name: '抽样一',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      criteria: { typeCodes: ['test_kiosk'], perType: 2 },
      seed: '424242424242',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'draft', total: 2, drawSeed: '424242424242', unassigned: 2 });
    const again = await people.admin.post('/api/inspection-rounds', {
      name: '抽样二',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      criteria: { typeCodes: ['test_kiosk'], perType: 2 },
      seed: '424242424242',
    });
    const sitesOf = async (id: number) =>
      (await people.admin.get(`/api/inspection-rounds/${id}/inspections`))
        .json()
        .items.map((i: { site: { id: number } }) => i.site.id)
        .sort();
    expect(await sitesOf(again.json().id)).toEqual(await sitesOf(first.json().id));
    const fresh = await people.admin.post('/api/inspection-rounds', {
      name: '抽样三',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      criteria: { typeCodes: ['test_kiosk'] },
    });
    expect(fresh.json().total).toBe(4);
    expect(fresh.json().drawSeed).toMatch(/^\d{15}$/);
    const none = await people.admin.post('/api/inspection-rounds', {
      name: '无点位',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      criteria: { typeCodes: ['airport'] },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('按所选条件没有可抽取的点位');
  });

  it('shares out the sites, neighbours together, and lists them by distance on the phone', async () => {
    const round = await openRound(people, { inspectorIds: [people.ids.inspector, people.ids.inspector2] });
    expect(round.inspectors.map((i) => i.assigned).sort()).toEqual([2, 2]);
    // Inspector 1 gets one community's kiosks, inspector 2 the other's.
    const mine = await people.inspector.get(`/api/my-inspections?lng=${city.pointB.lng}&lat=${city.pointB.lat}`);
    const listed = mine.json().items.filter((i: { roundId: number }) => i.roundId === round.id);
    expect(listed).toHaveLength(2);
    const ids = listed.map((i: { site: { id: number } }) => i.site.id).sort();
    expect([[city.sites.a1, city.sites.a2].sort(), [city.sites.b1, city.sites.b2].sort()]).toContainEqual(ids);
    const all = await people.admin.post(`/api/inspection-rounds/${round.id}/assign`, {
      inspectorIds: [people.ids.inspector],
      inspectionIds: (await people.admin.get(`/api/inspection-rounds/${round.id}/inspections`))
        .json()
        .items.map((i: { id: number }) => i.id),
    });
    expect(all.statusCode, all.body).toBe(200);
    const sorted = (await people.inspector.get(`/api/my-inspections?lng=${city.pointB.lng}&lat=${city.pointB.lat}`))
      .json()
      .items.filter((i: { roundId: number }) => i.roundId === round.id);
    expect(sorted.map((i: { site: { id: number } }) => i.site.id)).toEqual([
      city.sites.b1,
      city.sites.b2,
      city.sites.a2,
      city.sites.a1,
    ]);
    expect(sorted[0].distanceM).toBe(0);
    expect(sorted[1].distanceM).toBeGreaterThan(150);
  });
});

describe('submitting an inspection', () => {
  it('scores the checklist, files a case for the failed item with the site’s unit, and flags a far photo', async () => {
    const round = await openRound(people, { name: '提交测试' });
    const id = await inspectionOf(people, round.id, city.sites.a1);
    const photo = await uploadPhoto(env, people.inspector);
    const far = { lng: city.pointA.lng + 0.01, lat: city.pointA.lat }; // ~900 m away
    const res = await submit(people.inspector, id, {
      idempotencyKey: 'first-submission-a1',
      lng: city.pointA.lng,
      lat: city.pointA.lat,
      values: values(city, photo, { count: { count: 1 } }, far),
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as DetailJson;
    // Points: sign 2 + share 1 earned of 2 + 1 + 1 → 75.
    expect(detail).toMatchObject({
      status: 'submitted',
      earned: 3,
      applicable: 4,
      score: 75,
      failed: 1,
      phase: 'normal',
    });
    expect(detail.caseIds).toHaveLength(1);
    const failed = detail.items.find((i) => i.id === city.items.count)!;
    expect(failed.result).toMatchObject({
      outcome: 'fail',
      text: '不达标：实见 1 处，要求不少于 2 处',
      caseId: detail.caseIds[0],
    });
    expect(detail.photos).toEqual([expect.objectContaining({ far: true })]);
    expect(detail.photos[0].distanceM).toBeGreaterThan(800);

    const kase = (await people.admin.get(`/api/cases/${detail.caseIds[0]}`)).json();
    expect(kase).toMatchObject({
      source: 'inspection',
      siteName: '东社区一号报刊亭',
      communityId: city.communities[0].id,
      routing: { unitId: city.unitA, rule: 'owner' },
    });
    expect(kase.description).toContain('可见平面公益广告');
    expect(kase.description).toContain('实见 1 处');

    // The same submission again answers the first result and files nothing new.
    const again = await submit(people.inspector, id, {
      idempotencyKey: 'first-submission-a1',
      values: values(city, photo),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ score: 75, caseIds: detail.caseIds });
    const other = await submit(people.inspector, id, {
      idempotencyKey: 'another-key-123',
      values: values(city, photo),
    });
    expect(other.statusCode).toBe(409);
    const cases = await env.db
      .selectFrom('cases')
      .select('id')
      .where('source_ref', 'like', 'inspection-result:%')
      .where('city_id', '=', city.cityId)
      .execute();
    expect(cases).toHaveLength(1);
    // Audited.
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('after')
      .where('action', '=', 'inspection.submit')
      .where('entity_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ score: 75, failed: 1, farPhotos: 1 });
  });

  it('refuses wrong values, a missing photo and a missing item, and saves nothing', async () => {
    const round = await openRound(people, { name: '错误输入' });
    const id = await inspectionOf(people, round.id, city.sites.a2);
    const photo = await uploadPhoto(env, people.inspector);
    const cases: [Record<string, unknown>, string][] = [
      [{ share: { percent: 140 } }, '“公益广告占广告位比例”的占比不能超过 100%'],
      [{ count: { count: -2 } }, '“可见平面公益广告”不能填负数'],
      [{ count: { count: 'three' } }, '“可见平面公益广告”填写的内容不符合该项的要求'],
      [{ share: { part: 5, whole: 4 } }, '“公益广告占广告位比例”的部分不能大于总量'],
    ];
    for (const [override, message] of cases) {
      const res = await submit(people.inspector, id, {
        idempotencyKey: newKey(),
        values: values(city, photo, override),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toBe(message);
    }
    const noPhoto = values(city, photo).map((v) => ({ ...v, photos: [] }));
    const missing = await submit(people.inspector, id, { idempotencyKey: newKey(), values: noPhoto });
    expect(missing.json().message).toBe('“设置“讲文明树新风”公益广告”须拍照留证');
    const partial = await submit(people.inspector, id, {
      idempotencyKey: newKey(),
      values: values(city, photo).slice(0, 2),
    });
    expect(partial.json().message).toBe('请填写“可见平面公益广告”');
    // N/A needs no photo.
    const detail = (await people.inspector.get(`/api/inspections/${id}`)).json() as DetailJson;
    expect(detail).toMatchObject({ status: 'assigned', score: null, canPerform: true });
    const results = await env.db
      .selectFrom('inspection_results')
      .select('id')
      .where('inspection_id', '=', id)
      .execute();
    expect(results).toEqual([]);
    const na = values(city, photo, { sign: { na: true } }).map((v) =>
      v.itemId === city.items.sign ? { ...v, photos: [] } : v,
    );
    const ok = await submit(people.inspector, id, { idempotencyKey: newKey(), values: na });
    expect(ok.statusCode, ok.body).toBe(200);
    // 2 of 2 applicable points: the sign is not applicable.
    expect(ok.json()).toMatchObject({ earned: 2, applicable: 2, score: 100, failed: 0, caseIds: [] });
  });

  it('keeps drafts on the server and refuses other people’s sites and closed rounds', async () => {
    const round = await openRound(people, { name: '权限与关闭' });
    const id = await inspectionOf(people, round.id, city.sites.b1);
    const photo = await uploadPhoto(env, people.inspector);
    const draft = await people.inspector.put(`/api/inspections/${id}/draft`, {
      values: [{ itemId: city.items.count, value: { count: 1 } }],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const reloaded = (await people.inspector.get(`/api/inspections/${id}`)).json();
    expect(reloaded).toMatchObject({
      status: 'draft',
      draft: { values: [{ itemId: city.items.count, value: { count: 1 } }] },
    });
    // Another inspector sees it (city-wide) but it is not theirs; one of another district does not.
    const notYours = await submit(people.inspector2, id, { idempotencyKey: newKey(), values: values(city, photo) });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().message).toBe('该点位不在您的测评任务中');
    const westSite = await inspectionOf(people, round.id, city.sites.a1);
    expect(
      (await submit(people.westInspector, westSite, { idempotencyKey: newKey(), values: values(city, photo) }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await people.unitA.post(`/api/inspections/${id}/submit`, {
          idempotencyKey: newKey(),
          values: values(city, photo),
        })
      ).statusCode,
    ).toBe(403);
    // Closed: nothing more is taken.
    expect((await people.admin.post(`/api/inspection-rounds/${round.id}/close`)).statusCode).toBe(200);
    const late = await submit(people.inspector, id, { idempotencyKey: newKey(), values: values(city, photo) });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('该测评轮次已结束，不能再提交或调整');
    expect((await people.admin.post(`/api/inspection-rounds/${round.id}/close`)).statusCode).toBe(409);
    const mine = (await people.inspector.get('/api/my-inspections')).json().items.map((i: { id: number }) => i.id);
    expect(mine).not.toContain(id);
  });

  it('applies the pre-inspection threshold while the round’s campaign is in 迎检', async () => {
    const campaign = await people.admin.post('/api/campaigns', {
      name: '迎检测试',
      titles: ['civilized_city'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      scope: { allUnits: true },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const round = await openRound(people, { name: '迎检阶段', campaignId: campaign.json().id });
    const photo = await uploadPhoto(env, people.inspector);
    const normal = await submit(people.inspector, await inspectionOf(people, round.id, city.sites.a1), {
      idempotencyKey: newKey(),
      values: values(city, photo, { share: { percent: 40 } }),
    });
    expect(normal.json()).toMatchObject({ phase: 'normal', failed: 0 });
    await people.admin.post(`/api/campaigns/${campaign.json().id}/phase`, { phase: 'pre_inspection' });
    const strict = await submit(people.inspector, await inspectionOf(people, round.id, city.sites.a2), {
      idempotencyKey: newKey(),
      values: values(city, photo, { share: { percent: 40 } }),
    });
    const detail = strict.json() as DetailJson;
    expect(detail).toMatchObject({ phase: 'pre_inspection', failed: 1 });
    expect(detail.items.find((i) => i.id === city.items.share)!.result!.text).toBe(
      '不达标：实占 40%，要求不低于 50%（迎检阶段标准）',
    );
  });
});

describe('rollups and rechecks', () => {
  it('rolls a round up by type, district and unit, with the change since the previous round', async () => {
    const photo = await uploadPhoto(env, people.inspector);
    const first = await openRound(people, { name: '十月', startsOn: '2026-10-01' });
    const scores: [number, Record<string, unknown>][] = [
      [city.sites.a1, {}], // 100
      [city.sites.a2, { count: { count: 0 } }], // 75
      [city.sites.b1, { sign: { present: false } }], // 50
      [city.sites.b2, { share: { percent: 5 }, count: { count: 1 } }], // 50
    ];
    for (const [site, override] of scores) {
      const res = await submit(people.inspector, await inspectionOf(people, first.id, site), {
        idempotencyKey: newKey(),
        values: values(city, photo, override),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const second = await openRound(people, { name: '十一月', startsOn: '2026-11-01' });
    for (const site of [city.sites.a1, city.sites.b1]) {
      await submit(people.inspector, await inspectionOf(people, second.id, site), {
        idempotencyKey: newKey(),
        values: values(city, photo, site === city.sites.b1 ? {} : { count: { count: 0 } }),
      }); // a1 75, b1 100
    }
    const byDistrict = (await people.admin.get(`/api/inspection-rounds/${second.id}/rollups?by=district`)).json();
    expect(byDistrict.previousRoundId).toBe(first.id);
    const east = byDistrict.rows.find((r: { key: string }) => r.key === String(city.districts[0].id));
    const west = byDistrict.rows.find((r: { key: string }) => r.key === String(city.districts[1].id));
    // East: 75 now vs (100 + 75) / 2 = 87.5 before; west: 100 vs 50.
    expect(east).toMatchObject({ name: '东区', inspected: 1, averageScore: 75, previousAverage: 87.5, delta: -12.5 });
    expect(west).toMatchObject({ name: '西区', inspected: 1, averageScore: 100, previousAverage: 50, delta: 50 });
    expect(byDistrict.total).toMatchObject({
      inspected: 2,
      averageScore: 87.5,
      earned: 7,
      applicable: 8,
      pointsScore: 87.5,
      failedItems: 1,
      previousAverage: 68.8,
      delta: 18.8,
    });
    const byUnit = (await people.admin.get(`/api/inspection-rounds/${first.id}/rollups?by=unit`)).json();
    expect(byUnit.rows.map((r: { key: string; averageScore: number }) => [Number(r.key), r.averageScore])).toEqual([
      [city.unitB, 50],
      [city.unitA, 87.5],
    ]);
    const byType = (await people.admin.get(`/api/inspection-rounds/${first.id}/rollups?by=type`)).json();
    expect(byType.rows).toEqual([
      expect.objectContaining({
        key: 'test_kiosk',
        name: '测试报刊亭',
        inspected: 4,
        averageScore: 68.8,
        failedItems: 4,
      }),
    ]);
    // A unit sees its own sites only.
    const own = (await people.unitA.get(`/api/inspection-rounds/${first.id}/rollups?by=unit`)).json();
    expect(own.rows.map((r: { key: string }) => Number(r.key))).toEqual([city.unitA]);
    const exported = await people.admin.get(`/api/inspection-rounds/${first.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });

  it('re-inspects a site from its case: a failure again goes back to the same case', async () => {
    const round = await openRound(people, { name: '复查来源' });
    const photo = await uploadPhoto(env, people.inspector);
    const found = (
      await submit(people.inspector, await inspectionOf(people, round.id, city.sites.b2), {
        idempotencyKey: newKey(),
        values: values(city, photo, { count: { count: 0 } }),
      })
    ).json() as DetailJson;
    const caseId = found.caseIds[0];
    const recheck = await people.inspector.post('/api/inspections/recheck', { caseId });
    expect(recheck.statusCode, recheck.body).toBe(200);
    expect(recheck.json()).toMatchObject({
      kind: 'recheck',
      originCaseId: caseId,
      status: 'assigned',
      canPerform: true,
      site: { id: city.sites.b2 },
    });
    // Asking twice opens the same re-inspection.
    expect((await people.inspector.post('/api/inspections/recheck', { caseId })).json().id).toBe(recheck.json().id);
    const again = (
      await submit(people.inspector, recheck.json().id, {
        idempotencyKey: newKey(),
        values: values(city, photo, { count: { count: 1 }, sign: { present: false } }),
      })
    ).json() as DetailJson;
    const countResult = again.items.find((i) => i.id === city.items.count)!.result!;
    expect(countResult.caseId).toBe(caseId);
    // The sign is a new problem: a new case.
    expect(again.caseIds).toHaveLength(2);
    const manual = await people.admin.post('/api/cases', {
      categoryId: city.category('ENV.GARBAGE'),
      description: '人工录入的问题',
      communityId: city.communities[0].id,
    });
    expect((await people.inspector.post('/api/inspections/recheck', { caseId: manual.json().id })).statusCode).toBe(
      400,
    );
  });
});
