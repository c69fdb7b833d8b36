// File routes: upload, the original, and the public (re-encoded, metadata-free) copy of an image.

import type { FastifyReply } from 'fastify';
import { createReadStream, inlineDisposition, readUpload } from '../../platform/files.js';
import { ctxOf, errorResponses, type App } from '../../platform/http.js';
import { FileBytes, FileIdParams, UploadedFile } from './files.schemas.js';
import * as service from './files.service.js';

const tags = ['files'];

function sendDownload(reply: FastifyReply, file: service.Download) {
  return (
    reply
      .header('content-type', file.mime)
      .header('content-length', file.size)
      .header('content-disposition', inlineDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      // Content-addressed: the bytes behind an id never change.
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(createReadStream(file.path))
  );
}

export function registerFileRoutes(app: App) {
  app.post(
    '/files',
    {
      config: { permission: 'file.upload' },
      schema: {
        tags,
        summary: 'Upload one file (multipart field `file`); the type is sniffed from the content',
        consumes: ['multipart/form-data'],
        response: { 200: UploadedFile, ...errorResponses },
      },
    },
    async (request) => service.uploadFile(ctxOf(request), await readUpload(request, app.deps.config.uploadMaxBytes)),
  );

  app.get(
    '/files/:id',
    {
      config: { permission: 'file.upload' },
      schema: {
        tags,
        summary: 'The original bytes',
        params: FileIdParams,
        response: { 200: FileBytes, ...errorResponses },
      },
    },
    async (request, reply) => sendDownload(reply, await service.openOriginal(ctxOf(request), request.params.id)),
  );

  app.get(
    '/files/:id/public',
    {
      config: { permission: 'file.upload' },
      schema: {
        tags,
        summary: 'An image re-encoded as JPEG with all metadata (EXIF, GPS) removed; 404 for other files',
        params: FileIdParams,
        response: { 200: FileBytes, ...errorResponses },
      },
    },
    async (request, reply) => sendDownload(reply, await service.openPublicImage(ctxOf(request), request.params.id)),
  );
}
