// API shapes of in-app notifications and the SMS outbox.

import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageQuery } from '../../platform/http.js';

export const NotificationItem = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  readAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type NotificationItem = Static<typeof NotificationItem>;

export const NotificationListQuery = Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) });
export type NotificationListQuery = Static<typeof NotificationListQuery>;
export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const SmsMessage = Type.Object({
  id: Type.Integer(),
  phone: Type.String({ description: 'masked' }),
  recipient: Nullable(Type.String()),
  body: Type.String(),
  driver: Type.String(),
  status: Type.String(),
  error: Nullable(Type.String()),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  createdAt: DateTime,
});
export type SmsMessage = Static<typeof SmsMessage>;
export const SmsListQuery = Type.Object({ ...PageQuery });
export type SmsListQuery = Static<typeof SmsListQuery>;
