// Buildings of an assignment as the planner edits them: numbered ones generated in one go
// ("1号楼 … 12号楼", N households each), the household total they add up to, and the list cleaned
// for sending (blank names dropped, names trimmed, the first of a repeated name kept). Pure.
import type { BuildingInput } from './canvass-types';

export const MAX_BUILDINGS = 500;

/** `count` buildings named by `pattern` ('{n}号楼'), starting after the highest number in use. */
export function numberedBuildings(
  existing: readonly BuildingInput[],
  count: number,
  households: number,
  pattern: string,
): BuildingInput[] {
  const taken = new Set(existing.map((b) => b.name.trim()));
  const out: BuildingInput[] = [];
  let n = 1;
  while (out.length < Math.max(0, Math.min(count, MAX_BUILDINGS - existing.length))) {
    const name = pattern.replace('{n}', String(n));
    if (!taken.has(name)) out.push({ name, targetHouseholds: Math.max(0, Math.floor(households)) });
    n += 1;
    if (n > MAX_BUILDINGS * 2) break;
  }
  return out;
}

export function householdTotal(buildings: readonly BuildingInput[]): number {
  return buildings.reduce((sum, b) => sum + (Number.isFinite(b.targetHouseholds) ? b.targetHouseholds : 0), 0);
}

export function cleanBuildings(buildings: readonly BuildingInput[]): BuildingInput[] {
  const seen = new Set<string>();
  const out: BuildingInput[] = [];
  for (const b of buildings) {
    const name = (b.name ?? '').trim().slice(0, 40);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, targetHouseholds: Math.max(0, Math.floor(b.targetHouseholds || 0)) });
  }
  return out.slice(0, MAX_BUILDINGS);
}
