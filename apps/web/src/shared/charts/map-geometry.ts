// Geometry of the maps without map tiles (cases, sites): GeoJSON grid outlines and points drawn on
// a plain lng/lat plane (the value axes of an ECharts chart). One degree of longitude is shortened by
// cos(latitude) so shapes keep their real proportions at city scale (a local equirectangular
// projection), which the chart gets by choosing its axis ranges with equalScaleExtent. Pure.

export type LngLat = [number, number];

export interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

function isPosition(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

function ringsOfPolygon(coordinates: unknown): LngLat[][] {
  if (!Array.isArray(coordinates)) return [];
  return coordinates
    .filter((ring): ring is unknown[] => Array.isArray(ring))
    .map((ring) => ring.filter(isPosition).map((p) => [p[0], p[1]] as LngLat))
    .filter((ring) => ring.length >= 3);
}

/** Rings of a GeoJSON Polygon, MultiPolygon, or a Feature holding one; [] for anything else. */
export function polygonRings(geojson: unknown): LngLat[][] {
  if (!geojson || typeof geojson !== 'object') return [];
  const g = geojson as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (g.type === 'Feature') return polygonRings(g.geometry);
  if (g.type === 'Polygon') return ringsOfPolygon(g.coordinates);
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) return g.coordinates.flatMap(ringsOfPolygon);
  return [];
}

export function boundsOf(points: readonly LngLat[]): Bounds | null {
  if (points.length === 0) return null;
  const b: Bounds = { minLng: Infinity, maxLng: -Infinity, minLat: Infinity, maxLat: -Infinity };
  for (const [lng, lat] of points) {
    b.minLng = Math.min(b.minLng, lng);
    b.maxLng = Math.max(b.maxLng, lng);
    b.minLat = Math.min(b.minLat, lat);
    b.maxLat = Math.max(b.maxLat, lat);
  }
  return b;
}

/** Grows tiny bounds (one point, one street) to at least `minSpan` degrees each way. */
export function ensureSpan(b: Bounds, minSpan = 0.004): Bounds {
  const grow = (lo: number, hi: number): [number, number] => {
    const span = hi - lo;
    if (span >= minSpan) return [lo, hi];
    const mid = (lo + hi) / 2;
    return [mid - minSpan / 2, mid + minSpan / 2];
  };
  const [minLng, maxLng] = grow(b.minLng, b.maxLng);
  const [minLat, maxLat] = grow(b.minLat, b.maxLat);
  return { minLng, maxLng, minLat, maxLat };
}

/** lng/lat → x/y on screen (y grows downwards). */
export type Project = (lng: number, lat: number) => [number, number];

/** Screen units per degree of longitude, relative to one degree of latitude, around `b`. */
export function lngFactor(b: Bounds): number {
  return Math.max(0.01, Math.cos(((b.minLat + b.maxLat) / 2) * (Math.PI / 180)));
}

/**
 * The lng/lat window to give a width × height plotting area (the value axes of a chart) so that
 * `b` fits inside it with `padding` on every side, centred, at the same scale both ways: one
 * degree of longitude is cos(latitude) of one degree of latitude on screen. The spare room goes
 * to whichever axis has it, so the result depends on the area's aspect.
 */
export function equalScaleExtent(b: Bounds, width: number, height: number, padding = 16): Bounds {
  const kx = lngFactor(b);
  const spanX = (b.maxLng - b.minLng) * kx;
  const spanY = b.maxLat - b.minLat;
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const innerW = Math.max(1, w - 2 * padding);
  const innerH = Math.max(1, h - 2 * padding);
  const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  // screen units per degree of latitude; a zero-size `b` gets ±0.001° of room
  const s = Number.isFinite(scale) ? scale : Math.min(innerW / kx, innerH) / 0.002;
  const halfLng = w / (s * kx) / 2;
  const halfLat = h / s / 2;
  const midLng = (b.minLng + b.maxLng) / 2;
  const midLat = (b.minLat + b.maxLat) / 2;
  return { minLng: midLng - halfLng, maxLng: midLng + halfLng, minLat: midLat - halfLat, maxLat: midLat + halfLat };
}

/** An SVG path for closed rings. */
export function ringsPath(rings: readonly LngLat[][], project: Project): string {
  return rings
    .map((ring) =>
      ring
        .map(([lng, lat], i) => {
          const [x, y] = project(lng, lat);
          return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
        })
        .join(' '),
    )
    .map((d) => `${d} Z`)
    .join(' ');
}
