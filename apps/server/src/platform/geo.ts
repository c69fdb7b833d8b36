// Plane-and-sphere geometry for WGS-84 points: distances between reports, whether a point lies in a
// region's GeoJSON boundary, and bounding boxes for cheap pre-filtering. Pure functions; polygons
// arrive as untrusted JSON (from the database or an upload), so every polygon function validates
// its input and answers false / null for anything malformed instead of throwing.
//
// Polygons are treated as planar in degrees, which is accurate enough for city-sized regions;
// polygons and boxes that cross the antimeridian are not supported.

/** A WGS-84 position in degrees. */
export interface Point {
  lng: number;
  lat: number;
}

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Mean earth radius (IUGG), in metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const RADIANS = Math.PI / 180;
/** Metres along a meridian per degree of latitude. */
const METRES_PER_DEGREE = EARTH_RADIUS_METRES * RADIANS;

/** Finite coordinates inside the WGS-84 ranges. */
export function isValidPoint(p: unknown): p is Point {
  if (typeof p !== 'object' || p === null) return false;
  const { lng, lat } = p as Record<string, unknown>;
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    lng >= -180 &&
    lng <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}

/** Great-circle distance by the haversine formula, in metres. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLng = (b.lng - a.lng) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---------------------------------------------------------------------------------------------
// GeoJSON parsing
// ---------------------------------------------------------------------------------------------

/** A ring as [lng, lat] pairs, closing position dropped. */
type Ring = [number, number][];
/** Outer ring first, then holes. */
type Rings = Ring[];

function parseRing(value: unknown): Ring | null {
  if (!Array.isArray(value)) return null;
  const ring: Ring = [];
  for (const position of value) {
    if (!Array.isArray(position) || position.length < 2) return null;
    const [lng, lat] = position as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      return null;
    }
    ring.push([lng, lat]);
  }
  // GeoJSON closes rings by repeating the first position; tolerate rings that do not.
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring.length >= 3 ? ring : null;
}

function parsePolygonRings(coordinates: unknown): Rings | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
  const rings: Rings = [];
  for (const value of coordinates) {
    const ring = parseRing(value);
    if (!ring) return null;
    rings.push(ring);
  }
  return rings;
}

/** The polygons of a GeoJSON Polygon or MultiPolygon, or null when it is anything else or malformed. */
function parsePolygons(geometry: unknown): Rings[] | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const { type, coordinates } = geometry as Record<string, unknown>;
  if (type === 'Polygon') {
    const rings = parsePolygonRings(coordinates);
    return rings ? [rings] : null;
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
    const polygons: Rings[] = [];
    for (const value of coordinates) {
      const rings = parsePolygonRings(value);
      if (!rings) return null;
      polygons.push(rings);
    }
    return polygons;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Point in polygon
// ---------------------------------------------------------------------------------------------

/** Tolerance for "on the boundary", in degrees (≈ 1 mm). */
const EPSILON = 1e-8;

function isOnSegment(x: number, y: number, [x1, y1]: [number, number], [x2, y2]: [number, number]): boolean {
  const cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (Math.abs(cross) > EPSILON * Math.max(length, EPSILON)) return false;
  return (
    x >= Math.min(x1, x2) - EPSILON &&
    x <= Math.max(x1, x2) + EPSILON &&
    y >= Math.min(y1, y2) - EPSILON &&
    y <= Math.max(y1, y2) + EPSILON
  );
}

type RingPosition = 'inside' | 'outside' | 'boundary';

/** Ray casting (even–odd rule) with an explicit boundary check. */
function locateInRing(x: number, y: number, ring: Ring): RingPosition {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j];
    const b = ring[i];
    if (isOnSegment(x, y, a, b)) return 'boundary';
    if (a[1] > y !== b[1] > y) {
      const crossingX = a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (x < crossingX) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

/** Closed-set semantics: the outer boundary and the boundaries of holes belong to the polygon. */
function isInRings(x: number, y: number, [outer, ...holes]: Rings): boolean {
  if (locateInRing(x, y, outer) === 'outside') return false;
  return holes.every((hole) => locateInRing(x, y, hole) !== 'inside');
}

/**
 * Whether `p` lies in a GeoJSON Polygon (inside the outer ring and not strictly inside a hole) or
 * in any polygon of a MultiPolygon. Points on a boundary count as inside. Malformed geometry and
 * invalid points give false.
 */
export function pointInPolygon(p: Point, polygon: unknown): boolean {
  if (!isValidPoint(p)) return false;
  const polygons = parsePolygons(polygon);
  if (!polygons) return false;
  return polygons.some((rings) => isInRings(p.lng, p.lat, rings));
}

// ---------------------------------------------------------------------------------------------
// Bounding boxes
// ---------------------------------------------------------------------------------------------

/** The bounding box of every valid Polygon / MultiPolygon in the list (others are skipped); null if none. */
export function bboxOf(polygons: unknown[]): Bbox | null {
  let box: Bbox | null = null;
  for (const geometry of polygons) {
    for (const [outer] of parsePolygons(geometry) ?? []) {
      for (const [lng, lat] of outer) {
        if (!box) {
          box = { minLng: lng, minLat: lat, maxLng: lng, maxLat: lat };
        } else {
          box.minLng = Math.min(box.minLng, lng);
          box.minLat = Math.min(box.minLat, lat);
          box.maxLng = Math.max(box.maxLng, lng);
          box.maxLat = Math.max(box.maxLat, lat);
        }
      }
    }
  }
  return box;
}

/**
 * Whether `p` lies in `bbox` grown by `marginMetres` on every side. The margin is converted to
 * degrees at the point's latitude (a degree of longitude shrinks with cos(lat)); this is an
 * approximation meant for pre-filtering, not for exact tests.
 */
export function inBbox(p: Point, bbox: Bbox, marginMetres = 0): boolean {
  if (!isValidPoint(p)) return false;
  const margin = Math.max(0, Number.isFinite(marginMetres) ? marginMetres : 0);
  const marginLat = margin / METRES_PER_DEGREE;
  const cosLat = Math.cos(p.lat * RADIANS);
  // At the poles any positive margin spans every longitude.
  const marginLng = margin === 0 ? 0 : cosLat < 1e-9 ? Infinity : marginLat / cosLat;
  return (
    p.lat >= bbox.minLat - marginLat &&
    p.lat <= bbox.maxLat + marginLat &&
    p.lng >= bbox.minLng - marginLng &&
    p.lng <= bbox.maxLng + marginLng
  );
}
