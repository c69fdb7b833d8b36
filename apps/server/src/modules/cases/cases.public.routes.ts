// Public case routes (no sign-in): the city's report form data, photo upload, report, follow a
// report, say "not fixed", the public board and its photos. Rate-limited per IP in the service.

import { Type } from 'typebox';
import { createReadStream, readUpload } from '../../platform/files.js';
import { errorResponses, Paged, publicCtxOf, type App } from '../../platform/http.js';
import * as service from './cases.public.js';
import {
  BoardItem,
  BoardQuery,
  CityCodeParams,
  NotFixedBody,
  PublicCaseView,
  PublicCity,
  PublicCreateCaseBody,
  PublicPhotoParams,
  PublicReceipt,
  TokenParams,
} from './cases.schemas.js';

const tags = ['public'];
const Jpeg = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'JPEG without metadata' });

export function registerPublicCaseRoutes(app: App) {
  app.get(
    '/public/cities/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'What the public report form needs',
        params: CityCodeParams,
        response: { 200: PublicCity, ...errorResponses },
      },
    },
    async (request) => service.publicCity(publicCtxOf(request), request.params.code),
  );

  app.post(
    '/public/cities/:code/photos',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Upload one photo for a report (multipart field `file`, images only)',
        consumes: ['multipart/form-data'],
        params: CityCodeParams,
        response: { 200: Type.Object({ fileId: Type.String() }), ...errorResponses },
      },
    },
    async (request) =>
      service.uploadPublicPhoto(
        publicCtxOf(request),
        request.params.code,
        await readUpload(request, app.deps.config.uploadMaxBytes),
      ),
  );

  app.post(
    '/public/cities/:code/cases',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A resident’s report (随手拍); keep the tracking token to follow it',
        params: CityCodeParams,
        body: PublicCreateCaseBody,
        response: { 200: PublicReceipt, ...errorResponses },
      },
    },
    async (request) => service.createPublicCase(publicCtxOf(request), request.params.code, request.body),
  );

  app.get(
    '/public/track/:token',
    {
      config: { public: true },
      schema: { tags, params: TokenParams, response: { 200: PublicCaseView, ...errorResponses } },
    },
    async (request) => service.trackCase(publicCtxOf(request), request.params.token),
  );

  app.post(
    '/public/track/:token/not-fixed',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The reporter says a closed problem is not fixed: it goes back to verification',
        params: TokenParams,
        body: NotFixedBody,
        response: { 200: PublicCaseView, ...errorResponses },
      },
    },
    async (request) => service.sayNotFixed(publicCtxOf(request), request.params.token, request.body.note),
  );

  app.get(
    '/public/cities/:code/board',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Exposed and fixed problems (no personal data; public photo copies only)',
        params: CityCodeParams,
        querystring: BoardQuery,
        response: { 200: Paged(BoardItem), ...errorResponses },
      },
    },
    async (request) => service.board(publicCtxOf(request), request.params.code, request.query),
  );

  app.get(
    '/public/cities/:code/cases/:id/photos/:fileId',
    {
      config: { public: true },
      schema: { tags, params: PublicPhotoParams, response: { 200: Jpeg, ...errorResponses } },
    },
    async (request, reply) => {
      const copy = await service.boardPhoto(
        publicCtxOf(request),
        request.params.code,
        request.params.id,
        request.params.fileId,
      );
      return reply
        .header('content-type', 'image/jpeg')
        .header('content-length', copy.size)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=3600')
        .send(createReadStream(copy.path));
    },
  );
}
