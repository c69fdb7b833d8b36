import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath, storeFile } from '../../platform/files.js';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { multipartBody, storedZip } from '../../../test/fixtures.js';
import {
  as,
  createCity,
  createTestEnv,
  createUser,
  type Client,
  type TestCity,
  type TestEnv,
} from '../../../test/harness.js';

let env: TestEnv;
let city: TestCity;
let staff: Client;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-files-'));
  env = await createTestEnv({ dataDir });
  city = await createCity(env.db);
  staff = await as(env.app, await createUser(env.db, city, ['inspector']));
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function upload(
  client: Client,
  name: string,
  content: Buffer,
  options: { field?: string; type?: string; app?: TestEnv } = {},
) {
  const body = multipartBody(content, { fileName: name, field: options.field, type: options.type });
  return (options.app ?? env).app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

/** A JPEG that carries GPS coordinates, a camera make and an orientation of 6 (rotate 90°). */
async function jpegWithGps(width = 300, height = 200): Promise<Buffer> {
  const plain = await sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .jpeg()
    .toBuffer();
  return sharp(plain)
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 14/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** Whether a little-endian EXIF block has the GPSInfo tag (0x8825) pointing at a GPS IFD. */
function hasGpsPointer(exif: Buffer | undefined): boolean {
  return (
    !!exif && exif.includes(Buffer.from('II*\0', 'latin1')) && exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00]))
  );
}

describe('upload', () => {
  it('applies the access matrix: a role without file.upload gets 403, another city’s file is 404', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#ff000080' } })
      .png()
      .toBuffer();
    const own = await storeFile(env.db, env.config, {
      cityId: city.cityId,
      userId: null,
      name: 'own.png',
      buffer: png,
    });
    const otherCity = await createCity(env.db);
    const otherPng = await sharp({ create: { width: 9, height: 9, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const other = await storeFile(env.db, env.config, {
      cityId: otherCity.cityId,
      userId: null,
      name: 'other.png',
      buffer: otherPng,
    });
    const id = (t: 'own' | 'other') => (t === 'own' ? own.id : other.id);
    await expectAccessMatrix(env, city, [
      {
        name: 'POST /api/files',
        allowed: 'inspector',
        forbidden: 'audit_admin',
        scoped: false,
        send: (c) => upload(c, 'a.png', png),
      },
      {
        name: 'GET /api/files/:id',
        allowed: 'unit_staff',
        forbidden: 'system_admin',
        send: (c, t) => c.get(`/api/files/${id(t)}`),
      },
      {
        name: 'GET /api/files/:id/public',
        allowed: 'city_admin',
        forbidden: 'security_admin',
        send: (c, t) => c.get(`/api/files/${id(t)}/public`),
      },
    ]);
  });

  it('stores a PNG by content hash, sniffs it, measures it and audits the upload', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#112233' } })
      .png()
      .toBuffer();
    // The name and the client's type lie; the content decides.
    const res = await upload(staff, '照片 (1).jpg', png, { type: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file).toEqual({
      id: sha256(png),
      name: '照片 (1).jpg',
      mime: 'image/png',
      size: png.length,
      isImage: true,
      width: 40,
      height: 30,
    });
    const onDisk = path.join(dataDir, 'files', file.id.slice(0, 2), file.id.slice(2, 4), file.id);
    expect(blobPath(env.config, file.id)).toBe(onDisk);
    expect(fs.readFileSync(onDisk).equals(png)).toBe(true);
    expect(fs.readdirSync(path.dirname(onDisk)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const audit = await env.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('action', '=', 'file.upload')
      .where('entity_id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ name: '照片 (1).jpg', mime: 'image/png', size: png.length });

    const original = await staff.get(`/api/files/${file.id}`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['content-disposition']).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('照片 ')}%281%29.jpg`,
    );
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect(original.rawPayload.equals(png)).toBe(true);
    // Ids are case-insensitive hex.
    expect((await staff.get(`/api/files/${file.id.toUpperCase()}`)).statusCode).toBe(200);
  });

  it('keeps one copy of the same content: same id, one row, one blob', async () => {
    const png = await sharp({ create: { width: 12, height: 12, channels: 3, background: '#abcdef' } })
      .png()
      .toBuffer();
    const first = await upload(staff, 'one.png', png);
    const second = await upload(staff, 'two.png', png);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().name).toBe('one.png');
    const rows = await env.db.selectFrom('files').selectAll().where('id', '=', first.json().id).execute();
    expect(rows).toHaveLength(1);
    const dir = path.dirname(blobPath(env.config, first.json().id));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(first.json().id))).toEqual([first.json().id]);
  });

  it('accepts PDF, Word, Excel and MP4 by content and answers without dimensions', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['a']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    // Smallest MP4 the sniffer accepts: an ftyp box with the isom brand.
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom'),
      Buffer.from([0, 0, 2, 0]),
      Buffer.from('isomiso2'),
      Buffer.alloc(64),
    ]);
    const docx = storedZip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    });
    for (const [name, content, mime] of [
      ['报告.pdf', pdf, 'application/pdf'],
      ['通知.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['台帐', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['clip.mp4', mp4, 'video/mp4'],
    ] as const) {
      const res = await upload(staff, name, content);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      expect(res.json()).toEqual({ id: sha256(content), name, mime, size: content.length, isImage: false });
    }
  });

  it('takes files larger than the 2 MB JSON body limit', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(3 * 1024 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const res = await upload(staff, 'big.pdf', pdf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().size).toBe(pdf.length);
  });

  it('refuses text posing as a .jpg with 415, naming what was sent', async () => {
    const res = await upload(staff, 'photo.jpg', Buffer.from('just some text, not a picture\n'), {
      type: 'image/jpeg',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_FILE');
    expect(res.json().message).toContain('photo.jpg');
    expect(res.json().message).toContain('PDF');
  });

  it('refuses a recognised but not allowed type, naming it', async () => {
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(40),
      Buffer.from('hello.txt'),
      Buffer.alloc(40),
    ]);
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const content of [zip, svg, gzip]) {
      const res = await upload(staff, 'x.png', content, { app: env });
      expect(res.statusCode, res.body).toBe(415);
    }
    const res = await upload(staff, 'x.png', gzip, { app: env });
    expect(res.json().message).toContain('application/gzip');
    expect(res.json().details).toEqual({ detected: 'application/gzip' });
  });

  it('refuses a corrupt image with 415', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const res = await upload(staff, 'broken.jpg', truncated);
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().message).toContain('损坏');
  });

  it('refuses an empty file and a request without a file', async () => {
    const empty = await upload(staff, 'empty.png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('FILE_EMPTY');
    const wrongField = await upload(staff, 'a.png', Buffer.from('x'), { field: 'photo' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().code).toBe('FILE_REQUIRED');
    const json = await staff.post('/api/files', { file: 'abc' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('FILE_REQUIRED');
  });

  it('refuses a file over the configured limit with 413 and says the limit', async () => {
    const smallDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-files-'));
    const small = await createTestEnv({ dataDir: smallDir, uploadMaxBytes: 1024 });
    try {
      const smallCity = await createCity(small.db);
      const client = await as(small.app, await createUser(small.db, smallCity, ['inspector']));
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      expect((await upload(client, 'ok.png', png, { app: small })).statusCode).toBe(200);
      const big = Buffer.concat([png, randomBytes(2048)]);
      const res = await upload(client, 'big.png', big, { app: small });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('FILE_TOO_LARGE');
      expect(res.json().message).toBe('文件过大，上限为 1 KB');
      expect(await small.db.selectFrom('files').select('id').execute()).toHaveLength(1);
    } finally {
      await small.close();
      fs.rmSync(smallDir, { recursive: true, force: true });
    }
  });
});

describe('download', () => {
  it('serves only files of the actor’s city', async () => {
    const png = await sharp({ create: { width: 5, height: 5, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const id = (await upload(staff, 'mine.png', png)).json().id;
    const otherCity = await createCity(env.db);
    const stranger = await as(env.app, await createUser(env.db, otherCity, ['inspector']));
    expect((await stranger.get(`/api/files/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/files/${id}/public`)).statusCode).toBe(404);
    // Once the other city uploads the same bytes it has its own row (the blob is shared).
    const again = await upload(stranger, 'theirs.png', png);
    expect(again.json()).toMatchObject({ id, name: 'theirs.png' });
    expect((await stranger.get(`/api/files/${id}`)).headers['content-disposition']).toContain('theirs.png');
  });

  it('answers 400 for an id that is not 64 hex characters, 404 for an unknown one', async () => {
    expect((await staff.get('/api/files/not-a-hash')).statusCode).toBe(400);
    expect((await staff.get(`/api/files/${'..%2F'.repeat(13)}`)).statusCode).toBe(400);
    expect((await staff.get(`/api/files/${'0'.repeat(64)}`)).statusCode).toBe(404);
  });
});

describe('public copy', () => {
  it('strips EXIF (GPS included), applies the orientation and keeps the original untouched', async () => {
    const jpeg = await jpegWithGps(300, 200);
    const before = await sharp(jpeg).metadata();
    expect(hasGpsPointer(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);

    const up = await upload(staff, 'IMG_0001.JPG', jpeg);
    expect(up.statusCode, up.body).toBe(200);
    // The size reported is the upright one.
    expect(up.json()).toMatchObject({ mime: 'image/jpeg', width: 200, height: 300 });

    const res = await staff.get(`/api/files/${up.json().id}/public`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toBe("inline; filename*=UTF-8''IMG_0001.jpg");
    const after = await sharp(res.rawPayload).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([200, 300]);

    // Cached next to the original; the original still has its EXIF.
    const cached = `${blobPath(env.config, up.json().id)}.public.jpg`;
    expect(fs.readFileSync(cached).equals(res.rawPayload)).toBe(true);
    expect((await staff.get(`/api/files/${up.json().id}/public`)).rawPayload.equals(res.rawPayload)).toBe(true);
    const original = await staff.get(`/api/files/${up.json().id}`);
    expect(hasGpsPointer((await sharp(original.rawPayload).metadata()).exif)).toBe(true);
  });

  it('shrinks big images to 2048 px and flattens transparency onto white', async () => {
    const png = await sharp({
      create: { width: 3000, height: 1000, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const up = await upload(staff, 'wide.png', png);
    const res = await staff.get(`/api/files/${up.json().id}/public`);
    const img = sharp(res.rawPayload);
    const meta = await img.metadata();
    expect([meta.width, meta.height]).toEqual([2048, 683]);
    const { data } = await img.raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(250);
  });

  it('is 404 for files that are not images', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const up = await upload(staff, 'doc.pdf', pdf);
    expect(up.statusCode).toBe(200);
    expect((await staff.get(`/api/files/${up.json().id}/public`)).statusCode).toBe(404);
  });
});
