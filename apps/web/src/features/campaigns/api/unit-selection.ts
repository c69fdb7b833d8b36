// The bulk-assignment unit picker's logic over the campaign's scope units (hundreds to thousands):
// filter by text and type, count per type, and select or unselect everything shown at once.
// Pure; the selection is a list of ids in the order they were picked.
import type { ScopeUnit } from './campaign-types';

export interface UnitFilter {
  q: string;
  type: string | null;
}

export function filterScopeUnits(units: readonly ScopeUnit[], filter: UnitFilter): ScopeUnit[] {
  const q = filter.q.trim().toLowerCase();
  return units.filter(
    (u) =>
      (!filter.type || u.type === filter.type) &&
      (!q || u.name.toLowerCase().includes(q) || (u.regionName ?? '').toLowerCase().includes(q)),
  );
}

/** How many units of each type, in the order the types first appear. */
export function countByType(units: readonly ScopeUnit[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.type, (counts.get(u.type) ?? 0) + 1);
  return [...counts];
}

/** Adds every shown unit to the selection (keeping the order, no duplicates). */
export function selectShown(selected: readonly number[], shown: readonly ScopeUnit[]): number[] {
  const set = new Set(selected);
  const added = shown.filter((u) => !set.has(u.id)).map((u) => u.id);
  return [...selected, ...added];
}

/** Removes every shown unit from the selection. */
export function unselectShown(selected: readonly number[], shown: readonly ScopeUnit[]): number[] {
  const drop = new Set(shown.map((u) => u.id));
  return selected.filter((id) => !drop.has(id));
}

/** Whether every shown unit is selected (and at least one is shown). */
export function allShownSelected(selected: readonly number[], shown: readonly ScopeUnit[]): boolean {
  if (shown.length === 0) return false;
  const set = new Set(selected);
  return shown.every((u) => set.has(u.id));
}
