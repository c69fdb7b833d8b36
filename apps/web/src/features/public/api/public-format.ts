// Pure helpers of the public pages: the category choices a resident sees, the request body of a
// report, the plain-words stage of a case, and the labels of the steps of a report.
import { CASE_ACTIONS, type CaseStatus } from '@cc/common/cases';
import type { PublicReportInput } from './public-api';
import type { PublicDraftContent } from './public-draft';

export interface PublicCategory {
  id: number;
  parentId: number | null;
  name: string;
}

export interface CategoryGroup {
  label: string;
  options: { value: number; label: string }[];
}

/**
 * Groups of choosable categories: each top-level category is a group of its descendants (named by
 * their path below it); a top-level category without children is itself a choice, in a group
 * named by itself. Categories whose parent is not listed count as top-level.
 */
export function categoryGroups(categories: readonly PublicCategory[]): CategoryGroup[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<number, PublicCategory[]>();
  const roots: PublicCategory[] = [];
  for (const c of categories) {
    if (c.parentId !== null && ids.has(c.parentId) && c.parentId !== c.id) {
      children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    } else roots.push(c);
  }
  const leaves = (node: PublicCategory, path: string, seen: Set<number>): { value: number; label: string }[] => {
    const kids = (children.get(node.id) ?? []).filter((k) => !seen.has(k.id));
    if (kids.length === 0) return [{ value: node.id, label: path }];
    return kids.flatMap((k) => {
      seen.add(k.id);
      return leaves(k, path ? `${path} / ${k.name}` : k.name, seen);
    });
  };
  return roots.map((root) => {
    const seen = new Set<number>([root.id]);
    const kids = children.get(root.id) ?? [];
    return {
      label: root.name,
      options: kids.length === 0 ? [{ value: root.id, label: root.name }] : leaves(root, '', seen),
    };
  });
}

export type PublicStage = 'received' | 'handling' | 'fixed' | 'closedOther';

/** What a case's status means to the resident who reported it. */
export function publicStage(status: CaseStatus): PublicStage {
  switch (status) {
    case 'reported':
    case 'checked':
    case 'registered':
    case 'returned':
      return 'received';
    case 'closed':
      return 'fixed';
    case 'voided':
      return 'closedOther';
    default:
      return 'handling';
  }
}

/** Log actions the catalogue has labels for (`case.action.<action>`). */
export const LOG_ACTIONS = [
  ...CASE_ACTIONS,
  'report',
  'remind',
  'escalate',
  'not_fixed',
  'merged_in',
  'publish',
  'notice',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export function isLogAction(action: string): action is LogAction {
  return (LOG_ACTIONS as readonly string[]).includes(action);
}

/** The absolute tracking address of a report. */
export function trackingUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/public/track/${encodeURIComponent(token)}`;
}

/**
 * The POST body of a report. Empty optional fields are left out rather than sent as null: the
 * server's number coercion would read a null coordinate as 0 (a point far outside the city).
 */
export function buildReportBody(c: PublicDraftContent, idempotencyKey: string): PublicReportInput {
  const body: PublicReportInput = {
    categoryId: c.categoryId ?? 0,
    description: c.description.trim(),
    photos: c.photos.map((p) => p.fileId),
    idempotencyKey,
  };
  if (c.location) {
    body.lat = c.location.lat;
    body.lng = c.location.lng;
  }
  if (c.communityId !== null) body.communityId = c.communityId;
  const address = c.address.trim();
  if (address) body.address = address;
  const name = c.name.trim();
  if (name) body.reporterName = name;
  const phone = c.phone.trim();
  if (phone) body.reporterPhone = phone;
  return body;
}
