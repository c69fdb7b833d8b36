// Turns the flat category list (parentId links) into the nested rows an antd tree table shows,
// siblings ordered by `sort` then code. A category whose parent is missing is shown at the top
// level rather than dropped; a parent cycle (which the server never makes) cannot loop forever.
import type { CaseCategory } from '../../../shared/cases/cases-api';

export interface CategoryNode extends CaseCategory {
  /** Absent on leaves so antd shows no expand icon there. */
  children?: CategoryNode[];
  depth: number;
}

function bySortThenCode(a: CaseCategory, b: CaseCategory): number {
  return a.sort - b.sort || a.code.localeCompare(b.code);
}

export function buildCategoryTree(items: readonly CaseCategory[]): CategoryNode[] {
  const ids = new Set(items.map((c) => c.id));
  const byParent = new Map<number | null, CaseCategory[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) && item.parentId !== item.id ? item.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const placed = new Set<number>();
  const build = (parent: number | null, depth: number): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .filter((c) => !placed.has(c.id))
      .sort(bySortThenCode)
      .map((c) => {
        placed.add(c.id);
        const children = build(c.id, depth + 1);
        return children.length > 0 ? { ...c, depth, children } : { ...c, depth };
      });
  const roots = build(null, 0);
  // Members of a parent cycle are reachable from no root: each one not yet shown becomes a root.
  for (const c of [...items].sort(bySortThenCode)) {
    if (placed.has(c.id)) continue;
    placed.add(c.id);
    const children = build(c.id, 1);
    roots.push(children.length > 0 ? { ...c, depth: 0, children } : { ...c, depth: 0 });
  }
  return roots;
}

/** Ids of the rows that have children (for "expand all"). */
export function branchIds(nodes: readonly CategoryNode[]): number[] {
  const out: number[] = [];
  const walk = (list: readonly CategoryNode[]) => {
    for (const n of list) {
      if (n.children) {
        out.push(n.id);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return out;
}

/**
 * Nodes whose code or name contains `q` (case-insensitive) with their whole subtree, plus the
 * ancestors leading to them (those keep only their matching branches).
 */
export function filterCategoryTree(nodes: readonly CategoryNode[], q: string): CategoryNode[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...nodes];
  const out: CategoryNode[] = [];
  for (const n of nodes) {
    if (n.code.toLowerCase().includes(needle) || n.name.toLowerCase().includes(needle)) {
      out.push(n);
      continue;
    }
    const children = n.children ? filterCategoryTree(n.children, q) : [];
    if (children.length > 0) out.push({ ...n, children });
  }
  return out;
}
