// The public side: a resident reports with a photo and no account, follows the report with the
// tracking token, says "not fixed" after it was closed (back to verification); the board shows
// only published cases and the metadata-free copies of the published photos.

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  casePeople,
  caseTestConfig,
  createCaseCity,
  jpeg,
  step,
  uploadPhoto,
  type CaseCity,
  type CasePeople,
} from '../../../test/case-fixtures.js';
import { multipartBody } from '../../../test/fixtures.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: CaseCity;
let people: CasePeople;
let code: string;

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  people = await casePeople(env, city);
  code = (await env.db.selectFrom('cities').select('code').where('id', '=', city.cityId).executeTakeFirstOrThrow())
    .code;
});
afterAll(() => env.close());

async function publicPhoto(buffer: Buffer, ip = '203.0.113.7') {
  const { payload, contentType } = multipartBody(buffer, { fileName: 'p.jpg', type: 'image/jpeg' });
  return env.app.inject({
    method: 'POST',
    url: `/api/public/cities/${code}/photos`,
    headers: { 'content-type': contentType },
    payload,
    remoteAddress: ip,
  });
}

describe('public reports', () => {
  it('lists what the form needs without sign-in', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/public/cities/${code}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { categories: { name: string }[]; communities: { name: string; streetName: string }[] };
    expect(body.categories.length).toBeGreaterThan(40);
    expect(body.communities).toEqual(
      expect.arrayContaining([{ id: city.communities[0].id, name: '东社区', streetName: '东街道' }]),
    );
    expect((await env.app.inject({ method: 'GET', url: '/api/public/cities/000000000000' })).statusCode).toBe(404);
  });

  it('takes a report with a photo, follows it, and reopens verification on "not fixed"', async () => {
    // A photo carrying GPS in its EXIF: the public copy must not.
    const withGps = await sharp(await jpeg())
      .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 12/1 0/1' } })
      .jpeg()
      .toBuffer();
    const upload = await publicPhoto(withGps);
    expect(upload.statusCode, upload.body).toBe(200);
    const fileId = (upload.json() as { fileId: string }).fileId;

    const noPhoto = await env.app.inject({
      method: 'POST',
      url: `/api/public/cities/${code}/cases`,
      payload: {
        categoryId: city.category('ENV.BIN'),
        description: '垃圾桶坏了',
        lng: city.pointA.lng,
        lat: city.pointA.lat,
      },
    });
    expect(noPhoto.statusCode).toBe(400);

    const body = {
      categoryId: city.category('ENV.BIN'),
      description: '小区门口垃圾桶坏了好几天',
      lng: city.pointA.lng,
      lat: city.pointA.lat,
      photos: [fileId],
      reporterName: '张女士',
      reporterPhone: '13812345678',
      idempotencyKey: 'public-key-000001',
    };
    const res = await env.app.inject({ method: 'POST', url: `/api/public/cities/${code}/cases`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json() as { code: string; trackingToken: string };
    expect(receipt.trackingToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const retry = await env.app.inject({ method: 'POST', url: `/api/public/cities/${code}/cases`, payload: body });
    expect((retry.json() as { code: string }).code).toBe(receipt.code);

    const id = Number(receipt.code.split('-')[1]);
    const staffView = await people.office.get(`/api/cases/${id}`);
    expect(staffView.json()).toMatchObject({
      source: 'resident',
      reporters: [{ name: '张女士', phone: '138****5678', source: 'resident' }],
    });

    const track = await env.app.inject({ method: 'GET', url: `/api/public/track/${receipt.trackingToken}` });
    expect(track.json()).toMatchObject({ status: 'reported', canSayNotFixed: false });
    const early = await env.app.inject({
      method: 'POST',
      url: `/api/public/track/${receipt.trackingToken}/not-fixed`,
      payload: { note: '还没修' },
    });
    expect(early.statusCode).toBe(409);

    await step(people.office, id, 'check');
    await step(people.office, id, 'register');
    await step(people.office, id, 'dispatch', { unitId: city.unitA });
    await step(people.unitA, id, 'accept');
    const after = await uploadPhoto(env, people.unitA);
    await step(people.unitA, id, 'handle', { note: '已更换新垃圾桶', photos: [after] });
    await step(people.inspector, id, 'verify');
    await step(people.office, id, 'close');

    const closed = await env.app.inject({ method: 'GET', url: `/api/public/track/${receipt.trackingToken}` });
    const view = closed.json() as { status: string; canSayNotFixed: boolean; steps: { action: string }[] };
    expect(view).toMatchObject({ status: 'closed', canSayNotFixed: true });
    expect(view.steps.map((s) => s.action)).toEqual([
      'report',
      'check',
      'register',
      'dispatch',
      'accept',
      'handle',
      'verify',
      'close',
    ]);
    expect(JSON.stringify(view)).not.toContain('已更换新垃圾桶');

    const reopened = await env.app.inject({
      method: 'POST',
      url: `/api/public/track/${receipt.trackingToken}/not-fixed`,
      payload: { note: '新垃圾桶又坏了' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'handled', canSayNotFixed: false });
    const detail = await people.office.get(`/api/cases/${id}`);
    expect(detail.json()).toMatchObject({ status: 'handled', reopenCount: 1, closedOnTime: null });
    expect((detail.json() as { allowedActions: string[] }).allowedActions).toEqual(
      expect.arrayContaining(['verify', 'rework']),
    );

    // Board: nothing until the office publishes, then only the chosen photos, without metadata.
    const empty = await env.app.inject({ method: 'GET', url: `/api/public/cities/${code}/board` });
    expect((empty.json() as { total: number }).total).toBe(0);
    const foreign = await people.office.post(`/api/cases/${id}/publish`, {
      isPublic: true,
      publicPhotos: ['a'.repeat(64)],
    });
    expect(foreign.statusCode).toBe(400);
    const published = await people.office.post(`/api/cases/${id}/publish`, {
      isPublic: true,
      publicPhotos: [fileId, after],
    });
    expect(published.statusCode, published.body).toBe(200);
    const board = await env.app.inject({ method: 'GET', url: `/api/public/cities/${code}/board?state=exposed` });
    const items = (board.json() as { items: { code: string; beforePhotos: string[]; afterPhotos: string[] }[] }).items;
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain('张女士');
    expect(JSON.stringify(items)).not.toContain('138');
    const photo = await env.app.inject({ method: 'GET', url: items[0].beforePhotos[0] });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(photo.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    const fixed = await env.app.inject({ method: 'GET', url: `/api/public/cities/${code}/board?state=fixed` });
    expect((fixed.json() as { total: number }).total).toBe(0);
    // An unpublished photo of the case is not served.
    const hidden = await env.app.inject({
      method: 'GET',
      url: `/api/public/cities/${code}/cases/${id}/photos/${'b'.repeat(64)}`,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses non-images and rate-limits anonymous uploads per address', async () => {
    const pdf = await publicPhoto(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), '203.0.113.50');
    expect(pdf.statusCode).toBe(400);
    let limited = 0;
    for (let i = 0; i < 32; i++) {
      const res = await publicPhoto(await jpeg(), '203.0.113.99');
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});
