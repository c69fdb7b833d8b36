// Uploaded files: reading a multipart upload within the size limit, sniffing the type from the
// content (never the name or the client's mime), decoding images, content-addressed storage on
// local disk (<dataDir>/files/<aa>/<bb>/<sha256>), the per-city `files` rows, and the
// re-encoded public copy of an image (EXIF, GPS included, stripped).
// Any module that takes files uses storeFile / openFile / publicImage from here.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { Config } from './config.js';
import type { Executor } from './db.js';
import { AppError } from './errors.js';

/** Sniffed mime → whether it is an image. Anything else is refused. */
const ALLOWED: ReadonlyMap<string, { isImage: boolean }> = new Map([
  ['image/jpeg', { isImage: true }],
  ['image/png', { isImage: true }],
  ['image/webp', { isImage: true }],
  ['image/gif', { isImage: true }],
  ['image/heic', { isImage: true }],
  ['image/heif', { isImage: true }],
  ['application/pdf', { isImage: false }],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', { isImage: false }],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { isImage: false }],
  ['video/mp4', { isImage: false }],
]);

const HEIF_MIMES = new Set(['image/heic', 'image/heif']);
const PUBLIC_MAX_SIDE = 2048;
const PUBLIC_JPEG_QUALITY = 82;
const MAX_NAME_LENGTH = 200;

export const FILE_ID_PATTERN = '^[0-9a-fA-F]{64}$';

export interface StoredFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  isImage: boolean;
  width: number | null;
  height: number | null;
}

/** A checked upload written to disk, not yet recorded for any city. */
export interface SavedBlob extends StoredFile {
  path: string;
}

export interface UploadInput {
  name: string;
  buffer: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Reading the upload
// ---------------------------------------------------------------------------------------------

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('FILE_TOO_LARGE', { params: { limit: formatBytes(maxBytes) }, details: { maxBytes } });
}

function hasCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code));
}

/** Reads the multipart field `file` into memory, refusing more than `maxBytes`. */
export async function readUpload(request: FastifyRequest, maxBytes: number, field = 'file'): Promise<UploadInput> {
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: maxBytes } });
  } catch (error) {
    if (hasCode(error, 'FST_INVALID_MULTIPART_CONTENT_TYPE')) throw new AppError('FILE_REQUIRED');
    if (hasCode(error, 'FST_REQ_FILE_TOO_LARGE')) throw tooLarge(maxBytes);
    throw error;
  }
  if (!part) throw new AppError('FILE_REQUIRED');
  if (part.fieldname !== field) {
    part.file.resume();
    throw new AppError('FILE_REQUIRED');
  }
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (error) {
    if (hasCode(error, 'FST_REQ_FILE_TOO_LARGE')) throw tooLarge(maxBytes);
    throw error;
  }
  if (buffer.length > maxBytes) throw tooLarge(maxBytes);
  return { name: part.filename ?? '', buffer };
}

// ---------------------------------------------------------------------------------------------
// Checking the content
// ---------------------------------------------------------------------------------------------

/** The base name only, without control characters, at most MAX_NAME_LENGTH characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...clean].slice(-MAX_NAME_LENGTH).join('') || 'file';
}

/** Sniffs the type from the bytes and, for images, decodes them fully to get the size. */
export async function inspectFile(input: UploadInput): Promise<StoredFile> {
  const { buffer } = input;
  if (buffer.length === 0) throw new AppError('FILE_EMPTY');
  const name = cleanFileName(input.name);
  const type = await fileTypeFromBuffer(buffer);
  if (!type) {
    throw new AppError('UNSUPPORTED_FILE', {
      messageKey: 'FILE_TYPE_UNKNOWN',
      params: { name },
      details: { detected: null },
    });
  }
  const allowed = ALLOWED.get(type.mime);
  if (!allowed) {
    throw new AppError('UNSUPPORTED_FILE', {
      messageKey: 'FILE_TYPE_NOT_ALLOWED',
      params: { type: `.${type.ext} (${type.mime})` },
      details: { detected: type.mime },
    });
  }
  const id = createHash('sha256').update(buffer).digest('hex');
  const base = { id, name, mime: type.mime, size: buffer.length, isImage: allowed.isImage };
  if (!allowed.isImage) return { ...base, width: null, height: null };
  const { width, height } = await decodeImage(buffer, type.mime);
  return { ...base, width, height };
}

async function decodeImage(buffer: Buffer, mime: string): Promise<{ width: number; height: number }> {
  try {
    const meta = await sharp(buffer).metadata();
    // A header can be fine while the pixels are truncated or garbage: decode them all.
    await sharp(buffer).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
    const size = meta.autoOrient ?? meta;
    if (!size.width || !size.height) throw new Error('no dimensions');
    return { width: size.width, height: size.height };
  } catch {
    throw new AppError('UNSUPPORTED_FILE', {
      messageKey: HEIF_MIMES.has(mime) ? 'FILE_HEIC_UNREADABLE' : 'FILE_IMAGE_CORRUPT',
      params: { type: mime },
      details: { detected: mime },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Disk
// ---------------------------------------------------------------------------------------------

export function blobPath(config: Config, id: string): string {
  return path.join(config.dataDir, 'files', id.slice(0, 2), id.slice(2, 4), id);
}

function publicPath(config: Config, id: string): string {
  return `${blobPath(config, id)}.public.jpg`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `data` to `target` unless it is there already. A temp file renamed into place means a
 * reader never sees half a file, and a crash leaves only a stray temp file.
 */
async function writeOnce(target: string, data: Buffer): Promise<void> {
  if (await exists(target)) return;
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fsp.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/** Checks the upload and writes its bytes to the content-addressed store (no database). */
export async function saveBlob(config: Config, input: UploadInput): Promise<SavedBlob> {
  const file = await inspectFile(input);
  const target = blobPath(config, file.id);
  await writeOnce(target, input.buffer);
  return { ...file, path: target };
}

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

function toStoredFile(row: {
  id: string;
  name: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
}): StoredFile {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: Number(row.size),
    isImage: ALLOWED.get(row.mime)?.isImage ?? false,
    width: row.width,
    height: row.height,
  };
}

/**
 * Records a saved blob for a city. The same content uploaded again keeps the first row (and its
 * name); the stored row is returned either way.
 */
export async function recordFile(
  db: Executor,
  blob: StoredFile,
  owner: { cityId: number; userId: number | null; now?: Date },
): Promise<StoredFile> {
  await db
    .insertInto('files')
    .values({
      id: blob.id,
      city_id: owner.cityId,
      name: blob.name,
      mime: blob.mime,
      size: blob.size,
      width: blob.width,
      height: blob.height,
      uploaded_by: owner.userId,
      ...(owner.now ? { created_at: owner.now } : {}),
    })
    .onConflict((oc) => oc.columns(['city_id', 'id']).doNothing())
    .execute();
  const row = await findFileRow(db, owner.cityId, blob.id);
  if (!row) throw new Error(`file ${blob.id} vanished after insert`);
  return toStoredFile(row);
}

function findFileRow(db: Executor, cityId: number, id: string) {
  return db
    .selectFrom('files')
    .select(['id', 'name', 'mime', 'size', 'width', 'height'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Checks, saves and records an upload in one call (for modules that take a file with a form). */
export async function storeFile(
  db: Executor,
  config: Config,
  input: { cityId: number; userId: number | null; name: string; buffer: Buffer; now?: Date },
): Promise<StoredFile> {
  const blob = await saveBlob(config, input);
  return recordFile(db, blob, input);
}

/** The files among `ids` that were uploaded in the city (unknown ids are simply missing). */
export function findStoredFiles(
  db: Executor,
  cityId: number,
  ids: readonly string[],
): Promise<{ id: string; name: string; mime: string; size: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('files')
    .select(['id', 'name', 'mime', 'size'])
    .where('city_id', '=', cityId)
    .where('id', 'in', [...ids])
    .execute();
}

export interface OpenedFile extends StoredFile {
  path: string;
}

/** A file of the city, with the path of its bytes; null when the city has no such file. */
export async function openFile(db: Executor, config: Config, cityId: number, id: string): Promise<OpenedFile | null> {
  const key = id.toLowerCase();
  if (!new RegExp(FILE_ID_PATTERN).test(key)) return null;
  const row = await findFileRow(db, cityId, key);
  if (!row) return null;
  const file = blobPath(config, key);
  if (!(await exists(file))) return null;
  return { ...toStoredFile(row), path: file };
}

/**
 * The public copy of an image: turned upright by its EXIF orientation, at most 2048 px a side,
 * JPEG with no metadata at all (no EXIF, GPS, XMP or comments). Made once, then served from disk.
 * Null when the file is not an image.
 */
export async function publicImage(
  config: Config,
  file: OpenedFile,
): Promise<{ path: string; size: number; name: string } | null> {
  if (!file.isImage) return null;
  const target = publicPath(config, file.id);
  if (!(await exists(target))) {
    const jpeg = await sharp(file.path)
      .rotate()
      .resize(PUBLIC_MAX_SIDE, PUBLIC_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: PUBLIC_JPEG_QUALITY })
      .toBuffer();
    await writeOnce(target, jpeg);
  }
  const { size } = await fsp.stat(target);
  const name = `${file.name.replace(/\.[^.]*$/, '') || 'image'}.jpg`;
  return { path: target, size, name };
}

export function createReadStream(file: string): fs.ReadStream {
  return fs.createReadStream(file);
}

/** `inline; filename*=UTF-8''…` with every byte outside RFC 5987 attr-char percent-encoded. */
export function inlineDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}
