// Organisation look-ups shared by several features: the visible region tree, and searchable
// unit / person options for pickers. Features keep their own CRUD API; these are read-only.
import { useQuery } from '@tanstack/react-query';
import type { RegionLevel, UnitType } from '@cc/common/org';
import { apiFetch, type Page } from '../app/api';

export interface Region {
  id: number;
  parentId: number | null;
  level: RegionLevel;
  code: string;
  name: string;
  sort: number;
  hasPolygon: boolean;
  childCount: number;
}

export const regionsQueryKey = ['regions'] as const;

/** The caller's whole visible region subtree (GET /api/regions without parentId). */
export function useAllRegions(enabled = true) {
  return useQuery({
    queryKey: [...regionsQueryKey, 'all'],
    queryFn: () => apiFetch<{ items: Region[] }>('/api/regions').then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export interface RegionNode extends Region {
  children: RegionNode[];
}

/** Builds the forest from a flat list; a node whose parent is not visible becomes a root. */
export function buildRegionForest(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<number, RegionNode>();
  for (const r of regions) nodes.set(r.id, { ...r, children: [] });
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: RegionNode, b: RegionNode) => a.sort - b.sort || a.code.localeCompare(b.code);
  const sortDeep = (list: RegionNode[]) => {
    list.sort(order);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

export interface UnitOption {
  id: number;
  name: string;
  type: UnitType;
  regionName: string | null;
}

export function useUnitOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['units', 'options', q],
    queryFn: () =>
      apiFetch<Page<UnitOption>>('/api/units', { query: { q, page: 1, pageSize: 30 } }).then((p) => p.items),
    staleTime: 60_000,
    enabled,
  });
}

export interface PersonOption {
  id: number;
  name: string;
  unitName: string | null;
  communityName: string | null;
}

export function usePersonOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['people', 'options', q],
    queryFn: () =>
      apiFetch<Page<PersonOption>>('/api/people', { query: { q, page: 1, pageSize: 30 } }).then((p) => p.items),
    staleTime: 60_000,
    enabled,
  });
}

/** A unit's name by id (GET /api/units/:id), for pickers whose value is not among the search results. */
export function useUnitName(id: number | null | undefined) {
  return useQuery({
    queryKey: ['units', 'name', id],
    queryFn: ({ signal }) => apiFetch<{ id: number; name: string }>(`/api/units/${id}`, { signal }),
    select: (unit) => unit.name,
    enabled: typeof id === 'number',
    staleTime: 5 * 60_000,
    retry: false,
  });
}
