// Routes of questionnaires: the office's list, builder (questionnaire, versions, quotas, open and
// close), results, cross-tabs, text answers and the Excel exports; and the public answering
// routes (no sign-in). Thin: schema, permission, one service call.

import { Type } from 'typebox';
import {
  ctxOf,
  errorResponses,
  IdParams,
  OkResponse,
  Paged,
  publicCtxOf,
  sendXlsx,
  sendXlsxStream,
  XlsxResponse,
  type App,
} from '../../platform/http.js';
import * as publicService from './surveys.public.js';
import * as results from './surveys.results.js';
import {
  CreateSurveyBody,
  Crosstab,
  CrosstabQuery,
  PublicSurvey,
  QuotasBody,
  ResultsQuery,
  SubmitReceipt,
  SubmitResponseBody,
  SurveyDetail,
  SurveyListItem,
  SurveyListQuery,
  SurveyResults,
  SurveyTokenParams,
  SurveyVersion,
  TextAnswer,
  TextAnswersQuery,
  UpdateSurveyBody,
  VersionBody,
  VersionParams,
} from './surveys.schemas.js';
import * as surveys from './surveys.service.js';

const tags = ['surveys'];

export function registerSurveyRoutes(app: App) {
  app.get(
    '/surveys',
    {
      config: { permission: 'survey.read' },
      schema: { tags, querystring: SurveyListQuery, response: { 200: Paged(SurveyListItem), ...errorResponses } },
    },
    async (request) => surveys.listSurveys(ctxOf(request), request.query),
  );
  app.post(
    '/surveys',
    {
      config: { permission: 'survey.manage' },
      schema: {
        tags,
        summary: 'Create a questionnaire owned by a region in scope (default: the actor’s region)',
        body: CreateSurveyBody,
        response: { 201: SurveyDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await surveys.createSurvey(ctxOf(request), request.body)),
  );
  app.get(
    '/surveys/:id',
    {
      config: { permission: 'survey.read' },
      schema: { tags, params: IdParams, response: { 200: SurveyDetail, ...errorResponses } },
    },
    async (request) => surveys.getSurvey(ctxOf(request), request.params.id),
  );
  app.patch(
    '/surveys/:id',
    {
      config: { permission: 'survey.manage' },
      schema: { tags, params: IdParams, body: UpdateSurveyBody, response: { 200: SurveyDetail, ...errorResponses } },
    },
    async (request) => surveys.updateSurvey(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/surveys/:id/versions',
    {
      config: { permission: 'survey.manage' },
      schema: {
        tags,
        summary: 'Add the version of a respondent group (its questions and their rate configuration)',
        params: IdParams,
        body: VersionBody,
        response: { 201: SurveyVersion, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await surveys.createVersion(ctxOf(request), request.params.id, request.body)),
  );
  app.put(
    '/surveys/:id/versions/:versionId',
    {
      config: { permission: 'survey.manage' },
      schema: {
        tags,
        summary: 'Replace a version’s questions; once answered, only the rate configuration may change',
        params: VersionParams,
        body: VersionBody,
        response: { 200: SurveyVersion, ...errorResponses },
      },
    },
    async (request) => surveys.updateVersion(ctxOf(request), request.params.id, request.params.versionId, request.body),
  );
  app.delete(
    '/surveys/:id/versions/:versionId',
    {
      config: { permission: 'survey.manage' },
      schema: { tags, params: VersionParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => surveys.deleteVersion(ctxOf(request), request.params.id, request.params.versionId),
  );
  app.put(
    '/surveys/:id/quotas',
    {
      config: { permission: 'survey.manage' },
      schema: {
        tags,
        summary: 'Replace the quotas per region (an answer counts against every quota on its region’s path)',
        params: IdParams,
        body: QuotasBody,
        response: { 200: SurveyDetail, ...errorResponses },
      },
    },
    async (request) => surveys.setQuotas(ctxOf(request), request.params.id, request.body),
  );
  for (const [path, to] of [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const) {
    app.post(
      `/surveys/:id/${path}`,
      {
        config: { permission: 'survey.manage' },
        schema: { tags, params: IdParams, response: { 200: SurveyDetail, ...errorResponses } },
      },
      async (request) => surveys.setSurveyStatus(ctxOf(request), request.params.id, to),
    );
  }

  // Results --------------------------------------------------------------------------------------
  app.get(
    '/surveys/:id/results',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'Distributions, the rates (知晓率, 支持率, 满意度, 参与率) and cross-tabs, from the counts',
        params: IdParams,
        querystring: ResultsQuery,
        response: { 200: SurveyResults, ...errorResponses },
      },
    },
    async (request) => results.getResults(ctxOf(request), request.params.id, request.query),
  );
  app.get(
    '/surveys/:id/crosstab',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'One question by district, street, community or respondent group',
        params: IdParams,
        querystring: CrosstabQuery,
        response: { 200: Crosstab, ...errorResponses },
      },
    },
    async (request) => results.getCrosstab(ctxOf(request), request.params.id, request.query),
  );
  app.get(
    '/surveys/:id/texts',
    {
      config: { permission: 'survey.read' },
      schema: {
        tags,
        summary: 'The text answers to one question, newest first (plain text)',
        params: IdParams,
        querystring: TextAnswersQuery,
        response: { 200: Paged(TextAnswer), ...errorResponses },
      },
    },
    async (request) => results.listTextAnswers(ctxOf(request), request.params.id, request.query),
  );
  app.get(
    '/surveys/:id/export/summary',
    {
      config: { permission: 'survey.manage' },
      schema: { tags, params: IdParams, querystring: ResultsQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const { fileName, buffer } = await results.exportSummary(ctxOf(request), request.params.id, request.query);
      return sendXlsx(reply, fileName, buffer);
    },
  );
  app.get(
    '/surveys/:id/export/answers',
    {
      config: { permission: 'survey.manage' },
      schema: {
        tags,
        summary: 'Every answer sheet, one row each (streamed)',
        params: IdParams,
        querystring: Type.Object({ versionId: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: XlsxResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const x = await results.exportAnswers(ctxOf(request), request.params.id, request.query);
      return sendXlsxStream(request, reply, x.fileName, { sheet: x.sheet, rows: x.rows });
    },
  );

  // Public answering -----------------------------------------------------------------------------
  app.get(
    '/public/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags: ['public', ...tags],
        summary: 'What the answering page needs: the versions, their questions and the regions to pick from',
        params: SurveyTokenParams,
        response: { 200: PublicSurvey, ...errorResponses },
      },
    },
    async (request) => publicService.publicSurvey(publicCtxOf(request), request.params.token),
  );
  app.post(
    '/public/surveys/:token/responses',
    {
      config: { public: true },
      schema: {
        tags: ['public', ...tags],
        summary: 'One anonymous answer sheet (per-device and per-address limits, quotas; idempotent)',
        params: SurveyTokenParams,
        body: SubmitResponseBody,
        response: { 201: SubmitReceipt, 200: SubmitReceipt, ...errorResponses },
      },
    },
    async (request, reply) => {
      const receipt = await publicService.submitResponse(publicCtxOf(request), request.params.token, request.body);
      return reply.code(receipt.isRepeat ? 200 : 201).send(receipt);
    },
  );
}
