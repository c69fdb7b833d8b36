import { describe, expect, it } from 'vitest';
import { notificationLink } from './notifications-api';

describe('notificationLink', () => {
  it('opens the case of a case notification', () => {
    expect(notificationLink({ entityType: 'case', entityId: '42' })).toBe('/cases/42');
  });

  it('has no link for other or missing entities', () => {
    expect(notificationLink({ entityType: null, entityId: null })).toBeNull();
    expect(notificationLink({ entityType: 'notice', entityId: '3' })).toBeNull();
    expect(notificationLink({ entityType: 'case', entityId: '../x' })).toBeNull();
  });
});
