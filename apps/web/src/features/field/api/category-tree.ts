// Case categories as the phone offers them: active ones only, main types → sub-types.
import type { CaseCategory } from '../../../shared/cases/cases-api';

function bySort(a: CaseCategory, b: CaseCategory): number {
  return a.sort - b.sort || a.id - b.id;
}

export interface CategoryTree {
  parents: CaseCategory[];
  childrenOf: Map<number, CaseCategory[]>;
  byId: Map<number, CaseCategory>;
}

/** Active categories as parents → children. Children of an inactive parent are not offered. */
export function categoryTree(all: readonly CaseCategory[]): CategoryTree {
  const active = all.filter((c) => c.active);
  const byId = new Map(active.map((c) => [c.id, c]));
  const parents = active.filter((c) => c.parentId === null).sort(bySort);
  const childrenOf = new Map<number, CaseCategory[]>();
  for (const c of active) {
    if (c.parentId === null || !byId.has(c.parentId)) continue;
    childrenOf.set(c.parentId, [...(childrenOf.get(c.parentId) ?? []), c]);
  }
  for (const list of childrenOf.values()) list.sort(bySort);
  return { parents, childrenOf, byId };
}

/** Whether a category can be reported: an active leaf, or an active main type without sub-types. */
export function isSelectable(tree: CategoryTree, categoryId: number | null | undefined): boolean {
  if (!categoryId) return false;
  const category = tree.byId.get(categoryId);
  if (!category) return false;
  if (category.parentId !== null) return tree.byId.has(category.parentId);
  return !tree.childrenOf.has(category.id);
}
