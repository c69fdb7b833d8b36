// File use cases: upload (checked, stored once by content, recorded for the city, audited),
// open the original, and open the public copy of an image. Storage is platform/files.ts.

import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import {
  openFile,
  publicImage,
  recordFile,
  saveBlob,
  type StoredFile,
  type UploadInput,
} from '../../platform/files.js';
import type { UploadedFile } from './files.schemas.js';

export interface Download {
  path: string;
  size: number;
  mime: string;
  name: string;
}

function toUploadedFile(file: StoredFile): UploadedFile {
  return {
    id: file.id,
    name: file.name,
    mime: file.mime,
    size: file.size,
    isImage: file.isImage,
    ...(file.width !== null && file.height !== null ? { width: file.width, height: file.height } : {}),
  };
}

export async function uploadFile(ctx: Ctx, input: UploadInput): Promise<UploadedFile> {
  assertCan(ctx.actor, 'file.upload');
  // Sniffing, decoding and the disk write happen before the transaction, which stays short.
  const blob = await saveBlob(ctx.config, input);
  const file = await ctx.db.transaction().execute(async (trx) => {
    const stored = await recordFile(trx, blob, { cityId: ctx.actor.cityId, userId: ctx.actor.userId, now: ctx.now() });
    await auditFromCtx(trx, ctx, {
      action: 'file.upload',
      entityType: 'file',
      entityId: stored.id,
      after: { name: blob.name, mime: blob.mime, size: blob.size },
    });
    return stored;
  });
  return toUploadedFile(file);
}

export async function openOriginal(ctx: Ctx, id: string): Promise<Download> {
  assertCan(ctx.actor, 'file.upload');
  const file = await openFile(ctx.db, ctx.config, ctx.actor.cityId, id);
  if (!file) throw notFound();
  return { path: file.path, size: file.size, mime: file.mime, name: file.name };
}

export async function openPublicImage(ctx: Ctx, id: string): Promise<Download> {
  assertCan(ctx.actor, 'file.upload');
  const file = await openFile(ctx.db, ctx.config, ctx.actor.cityId, id);
  const copy = file ? await publicImage(ctx.config, file) : null;
  if (!copy) throw notFound();
  return { ...copy, mime: 'image/jpeg' };
}
