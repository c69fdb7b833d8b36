// The evaluation index as a tree (测评项目 → 指标 → 测评内容 → 测评标准) from the flat list the
// server sends: ordered by sort then code, narrowed by a search (matches keep their ancestors and
// their whole subtree) and by active; the standards as picker options labelled with their path;
// and a suggested code for a new child. Pure.
import { INDEX_CHILD_LEVEL, type IndexLevel, type IndexMethod } from '@cc/common/inspections';
import type { IndexNode } from './inspection-types';

export interface IndexTreeNode extends IndexNode {
  children: IndexTreeNode[];
  /** Depth from the root list, 0 for a project. */
  depth: number;
}

const order = (a: IndexNode, b: IndexNode) => a.sort - b.sort || a.code.localeCompare(b.code, 'en', { numeric: true });

/** Nodes whose parent is missing become roots, so nothing disappears from view. */
export function buildIndexTree(items: readonly IndexNode[]): IndexTreeNode[] {
  const nodes = new Map<number, IndexTreeNode>();
  for (const item of [...items].sort(order)) nodes.set(item.id, { ...item, children: [], depth: 0 });
  const roots: IndexTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (list: IndexTreeNode[], depth: number) => {
    for (const node of list) {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

export interface IndexFilter {
  q: string;
  showInactive: boolean;
  method?: IndexMethod;
}

/**
 * The tree narrowed to what matches: the text in the code or name, the method (on standards), and
 * active nodes unless inactive ones are asked for. A matching node keeps its ancestors (to show
 * where it sits) and, for the text, its subtree (searching "公益广告" shows the standards below it).
 */
export function filterIndexTree(tree: readonly IndexTreeNode[], filter: IndexFilter): IndexTreeNode[] {
  const q = filter.q.trim().toLowerCase();
  const textOf = (n: IndexTreeNode) => `${n.code} ${n.name}`.toLowerCase();
  const visit = (node: IndexTreeNode, ancestorHit: boolean): IndexTreeNode | null => {
    if (!filter.showInactive && !node.active) return null;
    const textHit = ancestorHit || q === '' || textOf(node).includes(q);
    const children = node.children.map((c) => visit(c, textHit)).filter((c): c is IndexTreeNode => c !== null);
    const keep =
      node.level === 'standard'
        ? textHit && (!filter.method || node.methods.includes(filter.method))
        : children.length > 0 || (textHit && !filter.method);
    return keep ? { ...node, children } : null;
  };
  return tree.map((n) => visit(n, false)).filter((n): n is IndexTreeNode => n !== null);
}

/** Ids of every node that has children (to expand the whole tree). */
export function branchIds(tree: readonly IndexTreeNode[]): number[] {
  const ids: number[] = [];
  const walk = (list: readonly IndexTreeNode[]) => {
    for (const n of list) {
      if (n.children.length > 0) {
        ids.push(n.id);
        walk(n.children);
      }
    }
  };
  walk(tree);
  return ids;
}

export interface StandardOption {
  id: number;
  code: string;
  name: string;
  /** "项目 / 指标 / 内容" above the standard. */
  path: string;
  methods: IndexMethod[];
  points: number | null;
  siteTypes: string[];
  active: boolean;
}

/** Every standard with the names above it, in tree order. */
export function standardOptions(items: readonly IndexNode[]): StandardOption[] {
  const out: StandardOption[] = [];
  const walk = (list: readonly IndexTreeNode[], above: string[]) => {
    for (const n of list) {
      if (n.level === 'standard') {
        out.push({
          id: n.id,
          code: n.code,
          name: n.name,
          path: above.join(' / '),
          methods: n.methods,
          points: n.points,
          siteTypes: n.siteTypes,
          active: n.active,
        });
      }
      walk(n.children, [...above, n.name]);
    }
  };
  walk(buildIndexTree(items), []);
  return out;
}

/** The level a child of `parent` has (a project at the top); null under a standard. */
export function childLevelOf(parent: Pick<IndexNode, 'level'> | null): IndexLevel | null {
  return parent ? INDEX_CHILD_LEVEL[parent.level] : 'project';
}

/**
 * A code for a new child: the parent's code and the next number among its children's codes of
 * that form ("A01" under "A" → "A01.02" when "A01.01" exists); top-level projects get "P01"… .
 */
export function suggestChildCode(parent: IndexNode | null, siblings: readonly IndexNode[]): string {
  const prefix = parent ? `${parent.code}.` : 'P';
  let next = 1;
  for (const s of siblings) {
    if (!s.code.startsWith(prefix)) continue;
    const rest = s.code.slice(prefix.length);
    if (/^\d{1,6}$/.test(rest)) next = Math.max(next, Number(rest) + 1);
  }
  const code = `${prefix}${String(next).padStart(2, '0')}`;
  return code.length <= 40 ? code : code.slice(0, 40);
}

/** Every node of the tree by id. */
export function nodesById(tree: readonly IndexTreeNode[]): Map<number, IndexTreeNode> {
  const map = new Map<number, IndexTreeNode>();
  const walk = (list: readonly IndexTreeNode[]) => {
    for (const n of list) {
      map.set(n.id, n);
      walk(n.children);
    }
  };
  walk(tree);
  return map;
}

/** Sum of the points of the active standards below a node (or the node's own points). */
export function pointsBelow(node: IndexTreeNode): number {
  if (node.level === 'standard') return node.active ? (node.points ?? 0) : 0;
  return node.children.reduce((sum, c) => sum + pointsBelow(c), 0);
}
