// Routes of field work: inspection rounds (plan, draw, assign, open, close, progress, rollups,
// export), inspections (the inspector's list, the checklist, draft, submit, recheck from a case)
// and material review. Thin: schema, permission, one service call.

import { ctxOf, errorResponses, IdParams, Paged, sendXlsxStream, XlsxResponse, type App } from '../../platform/http.js';
import { excelArgs } from './catalogue.routes.js';
import * as inspections from './inspections.service.js';
import {
  AssignBody,
  Completeness,
  CompletenessQuery,
  CreateRequirementsBody,
  CreateRoundBody,
  DraftBody,
  InspectionDetail,
  InspectionListItem,
  InspectorList,
  MaterialListQuery,
  MaterialRequirement,
  MaterialRequirementDetail,
  MyInspectionsQuery,
  RecheckBody,
  ReviewMaterialBody,
  Rollup,
  RollupQuery,
  RoundDetail,
  RoundInspectionsQuery,
  RoundListItem,
  RoundListQuery,
  SubmitBody,
  SubmitMaterialBody,
} from './inspections.schemas.js';
import { Type } from 'typebox';
import * as materials from './materials.js';
import * as rounds from './rounds.service.js';

const tags = ['inspections'];

export function registerFieldRoutes(app: App) {
  // Rounds ---------------------------------------------------------------------------------------
  app.get(
    '/inspection-rounds',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, querystring: RoundListQuery, response: { 200: Paged(RoundListItem), ...errorResponses } },
    },
    async (request) => rounds.listRounds(ctxOf(request), request.query),
  );
  app.post(
    '/inspection-rounds',
    {
      config: { permission: 'inspection.manage' },
      schema: {
        tags,
        summary: 'Plan a round: sites drawn at random per type with a recorded seed (a given seed reproduces a draw)',
        body: CreateRoundBody,
        response: { 201: RoundDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await rounds.createRound(ctxOf(request), request.body)),
  );
  app.get(
    '/inspection-inspectors',
    {
      config: { permission: 'inspection.manage' },
      schema: { tags, response: { 200: InspectorList, ...errorResponses } },
    },
    async (request) => rounds.listInspectors(ctxOf(request)),
  );
  app.get(
    '/inspection-rounds/:id',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: IdParams, response: { 200: RoundDetail, ...errorResponses } },
    },
    async (request) => rounds.getRound(ctxOf(request), request.params.id),
  );
  app.get(
    '/inspection-rounds/:id/inspections',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: RoundInspectionsQuery,
        response: { 200: Paged(InspectionListItem), ...errorResponses },
      },
    },
    async (request) => rounds.listRoundInspections(ctxOf(request), request.params.id, request.query),
  );
  app.post(
    '/inspection-rounds/:id/assign',
    {
      config: { permission: 'inspection.manage' },
      schema: {
        tags,
        summary: 'Share the unassigned (or the given) inspections among inspectors, neighbours together',
        params: IdParams,
        body: AssignBody,
        response: { 200: RoundDetail, ...errorResponses },
      },
    },
    async (request) => rounds.assignInspectors(ctxOf(request), request.params.id, request.body),
  );
  for (const [path, to] of [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const) {
    app.post(
      `/inspection-rounds/:id/${path}`,
      {
        config: { permission: 'inspection.manage' },
        schema: { tags, params: IdParams, response: { 200: RoundDetail, ...errorResponses } },
      },
      async (request) => rounds.setRoundStatus(ctxOf(request), request.params.id, to),
    );
  }
  app.get(
    '/inspection-rounds/:id/rollups',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: 'Scores by site type, district, street or unit, with the change since the previous round',
        params: IdParams,
        querystring: RollupQuery,
        response: { 200: Rollup, ...errorResponses },
      },
    },
    async (request) => rounds.getRollup(ctxOf(request), request.params.id, request.query.by),
  );
  app.get(
    '/inspection-rounds/:id/export',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: IdParams, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) =>
      sendXlsxStream(request, reply, ...excelArgs(await rounds.exportRound(ctxOf(request), request.params.id))),
  );

  // Inspections ----------------------------------------------------------------------------------
  app.get(
    '/my-inspections',
    {
      config: { permission: 'inspection.perform' },
      schema: {
        tags,
        summary: 'The inspector’s list, nearest first when a position is given',
        querystring: MyInspectionsQuery,
        response: { 200: Type.Object({ items: Type.Array(InspectionListItem) }), ...errorResponses },
      },
    },
    async (request) => inspections.listMyInspections(ctxOf(request), request.query),
  );
  app.post(
    '/inspections/recheck',
    {
      config: { permission: 'inspection.perform' },
      schema: {
        tags,
        summary: 'Start a re-inspection of the site a case was found at (assigned to the caller)',
        body: RecheckBody,
        response: { 200: InspectionDetail, ...errorResponses },
      },
    },
    async (request) => inspections.startRecheck(ctxOf(request), request.body),
  );
  app.get(
    '/inspections/:id',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: IdParams, response: { 200: InspectionDetail, ...errorResponses } },
    },
    async (request) => inspections.getInspection(ctxOf(request), request.params.id),
  );
  app.put(
    '/inspections/:id/draft',
    {
      config: { permission: 'inspection.perform' },
      schema: {
        tags,
        params: IdParams,
        body: DraftBody,
        response: { 200: Type.Object({ savedAt: Type.String() }), ...errorResponses },
      },
    },
    async (request) => inspections.saveDraft(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/inspections/:id/submit',
    {
      config: { permission: 'inspection.perform' },
      schema: {
        tags,
        summary:
          'Submit the checklist: scored at once, a case filed per failed item; a repeated key answers the first result',
        params: IdParams,
        body: SubmitBody,
        response: { 200: InspectionDetail, ...errorResponses },
      },
    },
    async (request) => inspections.submitInspection(ctxOf(request), request.params.id, request.body),
  );

  // Material review ------------------------------------------------------------------------------
  app.get(
    '/material-requirements',
    {
      config: { permission: 'index.read' },
      schema: {
        tags,
        querystring: MaterialListQuery,
        response: { 200: Paged(MaterialRequirement), ...errorResponses },
      },
    },
    async (request) => materials.listRequirements(ctxOf(request), request.query),
  );
  app.post(
    '/material-requirements',
    {
      config: { permission: 'material.review' },
      schema: {
        tags,
        summary: 'Require evidence of a 材料审核 standard from units',
        body: CreateRequirementsBody,
        response: { 200: Type.Object({ created: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => materials.createRequirements(ctxOf(request), request.body),
  );
  app.get(
    '/material-requirements/:id',
    {
      config: { permission: 'index.read' },
      schema: { tags, params: IdParams, response: { 200: MaterialRequirementDetail, ...errorResponses } },
    },
    async (request) => materials.getRequirement(ctxOf(request), request.params.id),
  );
  app.post(
    '/material-requirements/:id/submissions',
    {
      config: { permission: 'material.submit' },
      schema: {
        tags,
        params: IdParams,
        body: SubmitMaterialBody,
        response: { 200: MaterialRequirementDetail, ...errorResponses },
      },
    },
    async (request) => materials.submitMaterial(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/material-submissions/:id/review',
    {
      config: { permission: 'material.review' },
      schema: {
        tags,
        params: IdParams,
        body: ReviewMaterialBody,
        response: { 200: MaterialRequirementDetail, ...errorResponses },
      },
    },
    async (request) => materials.reviewMaterial(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    '/material-completeness',
    {
      config: { permission: 'index.read' },
      schema: { tags, querystring: CompletenessQuery, response: { 200: Completeness, ...errorResponses } },
    },
    async (request) => materials.completeness(ctxOf(request), request.query),
  );
}
