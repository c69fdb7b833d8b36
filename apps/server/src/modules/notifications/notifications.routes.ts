// Notification routes (the caller's own) and the SMS outbox for admins.

import { ctxOf, errorResponses, IdParams, OkResponse, Paged, type App } from '../../platform/http.js';
import {
  NotificationItem,
  NotificationListQuery,
  SmsListQuery,
  SmsMessage,
  UnreadCount,
} from './notifications.schemas.js';
import * as service from './notifications.service.js';

const tags = ['notifications'];

export function registerNotificationRoutes(app: App) {
  app.get(
    '/notifications',
    {
      config: { permission: 'notification.read' },
      schema: {
        tags,
        querystring: NotificationListQuery,
        response: { 200: Paged(NotificationItem), ...errorResponses },
      },
    },
    async (request) => service.listMyNotifications(ctxOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { permission: 'notification.read' },
      schema: { tags, response: { 200: UnreadCount, ...errorResponses } },
    },
    async (request) => service.unreadCount(ctxOf(request)),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { permission: 'notification.read' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => service.markRead(ctxOf(request), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { permission: 'notification.read' },
      schema: { tags, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => service.markRead(ctxOf(request), null),
  );

  app.get(
    '/sms-messages',
    {
      config: { permission: 'sms.read' },
      schema: {
        tags,
        summary: 'The SMS outbox (the default driver records messages here instead of sending them)',
        querystring: SmsListQuery,
        response: { 200: Paged(SmsMessage), ...errorResponses },
      },
    },
    async (request) => service.listSms(ctxOf(request), request.query),
  );
}
