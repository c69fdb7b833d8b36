// Excel import routes: a template and an upload per kind. Each kind is its own route so that the
// permission hook checks the kind's write permission. Reading the multipart upload is HTTP work
// and stays here; everything else is one service call.

import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { ctxOf, errorResponses, sendXlsx, XlsxResponse, type App } from '../../platform/http.js';
import { IMPORT_KINDS, IMPORT_PERMISSION, ImportResult, type UploadedFile } from './imports.schemas.js';
import * as service from './imports.service.js';

const tags = ['organisation'];

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The multipart field `file`, refused when missing or over the import size limit. */
async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('FILE_REQUIRED');
  const maxBytes = request.server.deps.config.importMaxBytes;
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part || part.fieldname !== 'file') throw new AppError('FILE_REQUIRED');
  try {
    return { fileName: part.filename, buffer: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('FILE_TOO_LARGE', { params: { limit: formatBytes(maxBytes) } });
    }
    throw error;
  }
}

export function registerImportRoutes(app: App) {
  for (const kind of IMPORT_KINDS) {
    app.get(
      `/import/${kind}/template`,
      {
        config: { permission: IMPORT_PERMISSION[kind] },
        schema: {
          tags,
          summary: `Excel template for importing ${kind}`,
          response: { 200: XlsxResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { fileName, buffer } = await service.buildImportTemplate(ctxOf(request), kind);
        return sendXlsx(reply, fileName, buffer);
      },
    );

    app.post(
      `/import/${kind}`,
      {
        config: { permission: IMPORT_PERMISSION[kind] },
        schema: {
          tags,
          summary: `Import ${kind} from an .xlsx file (multipart field "file"); all or nothing`,
          consumes: ['multipart/form-data'],
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => service.importFile(ctxOf(request), kind, await readUpload(request)),
    );
  }
}
