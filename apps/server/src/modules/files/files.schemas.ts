// API shapes of uploaded files: the upload answer and the content-hash id in paths.

import { Type, type Static } from 'typebox';
import { FILE_ID_PATTERN } from '../../platform/files.js';

export const FileIdParams = Type.Object({
  id: Type.String({ pattern: FILE_ID_PATTERN, description: 'sha256 of the content, 64 hex characters' }),
});
export type FileIdParams = Static<typeof FileIdParams>;

export const UploadedFile = Type.Object({
  id: Type.String({ description: 'sha256 of the content' }),
  name: Type.String(),
  /** Sniffed from the content, not taken from the name or the browser. */
  mime: Type.String(),
  size: Type.Integer(),
  isImage: Type.Boolean(),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
});
export type UploadedFile = Static<typeof UploadedFile>;

export const FileBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file content' });
