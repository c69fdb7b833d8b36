// Campaign routes: campaigns, phase switch, scope units, activities, themes, overview, calendar.
// Thin: schema, permission, one service call.

import { ctxOf, errorResponses, IdParams, OkResponse, Paged, type App } from '../../platform/http.js';
import {
  Activity,
  ActivityBody,
  CalendarQuery,
  CampaignCalendar,
  CampaignDetail,
  CampaignListItem,
  CampaignListQuery,
  CampaignOverview,
  CreateCampaignBody,
  OverviewQuery,
  PhaseBody,
  ScopeUnits,
  ScopeUnitsQuery,
  Theme,
  ThemeBody,
  UpdateActivityBody,
  UpdateCampaignBody,
  UpdateThemeBody,
} from './campaigns.schemas.js';
import * as service from './campaigns.service.js';

const tags = ['campaigns'];

export function registerCampaignRoutes(app: App) {
  app.get(
    '/campaigns',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'Campaigns in scope, with completion of what the caller sees',
        querystring: CampaignListQuery,
        response: { 200: Paged(CampaignListItem), ...errorResponses },
      },
    },
    async (request) => service.listCampaigns(ctxOf(request), request.query),
  );

  app.post(
    '/campaigns',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, body: CreateCampaignBody, response: { 201: CampaignDetail, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await service.createCampaign(ctxOf(request), request.body)),
  );

  app.get(
    '/campaigns/:id',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, params: IdParams, response: { 200: CampaignDetail, ...errorResponses } },
    },
    async (request) => service.getCampaign(ctxOf(request), request.params.id),
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: CampaignDetail, ...errorResponses },
      },
    },
    async (request) => service.updateCampaign(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/campaigns/:id/phase',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Switch between 常态 (normal) and 迎检 (pre-inspection); audited',
        params: IdParams,
        body: PhaseBody,
        response: { 200: CampaignDetail, ...errorResponses },
      },
    },
    async (request) => service.switchPhase(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/campaigns/:id/scope-units',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Units that may be given tasks in this campaign',
        params: IdParams,
        querystring: ScopeUnitsQuery,
        response: { 200: ScopeUnits, ...errorResponses },
      },
    },
    async (request) => service.listScopeUnits(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/overview',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'Completion by status, activity, month and unit',
        params: IdParams,
        querystring: OverviewQuery,
        response: { 200: CampaignOverview, ...errorResponses },
      },
    },
    async (request) => service.getOverview(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/calendar',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'Themes, activities, events and due dates between two dates',
        params: IdParams,
        querystring: CalendarQuery,
        response: { 200: CampaignCalendar, ...errorResponses },
      },
    },
    async (request) => service.getCalendar(ctxOf(request), request.params.id, request.query),
  );

  // Activities and themes ---------------------------------------------------------------------
  app.post(
    '/campaigns/:id/activities',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, params: IdParams, body: ActivityBody, response: { 201: Activity, ...errorResponses } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createActivity(ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/campaign-activities/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, params: IdParams, body: UpdateActivityBody, response: { 200: Activity, ...errorResponses } },
    },
    async (request) => service.updateActivity(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/campaign-activities/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Delete an activity that has no tasks',
        params: IdParams,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => service.deleteActivity(ctxOf(request), request.params.id),
  );

  app.post(
    '/campaigns/:id/themes',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Add the theme of a month (每月一主题)',
        params: IdParams,
        body: ThemeBody,
        response: { 201: Theme, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createTheme(ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/campaign-themes/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, params: IdParams, body: UpdateThemeBody, response: { 200: Theme, ...errorResponses } },
    },
    async (request) => service.updateTheme(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/campaign-themes/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => service.deleteTheme(ctxOf(request), request.params.id),
  );
}
