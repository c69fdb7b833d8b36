// Distances on the phone: how far the inspector (or a photo) is from a site, on the sphere
// (haversine, WGS-84 degrees in, metres out), whether a photo counts as taken far from the site
// (the server flags the same with INSPECTION_LIMITS.farPhotoMetres), and a short reading of a
// distance ("850 米", "1.2 公里"). Pure.
import { INSPECTION_LIMITS } from '@cc/common/inspections';

export interface LngLatPoint {
  lng: number;
  lat: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceMetres(a: LngLatPoint, b: LngLatPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Both points known: the distance; otherwise null (a site without a point, a photo without GPS). */
export function distanceBetween(
  a: { lng: number | null; lat: number | null } | null | undefined,
  b: { lng: number | null; lat: number | null } | null | undefined,
): number | null {
  if (!a || !b || a.lng === null || a.lat === null || b.lng === null || b.lat === null) return null;
  return distanceMetres({ lng: a.lng, lat: a.lat }, { lng: b.lng, lat: b.lat });
}

export function isFar(distance: number | null, limit: number = INSPECTION_LIMITS.farPhotoMetres): boolean {
  return distance !== null && distance > limit;
}

export type DistanceReading = { unit: 'm'; value: number } | { unit: 'km'; value: number };

/** Under a kilometre in whole metres (rounded to 10 above 100 m), beyond in km with one decimal. */
export function readDistance(metres: number): DistanceReading {
  const m = Math.max(0, metres);
  if (m < 100) return { unit: 'm', value: Math.round(m) };
  if (m < 1000) return { unit: 'm', value: Math.round(m / 10) * 10 };
  return { unit: 'km', value: m < 100_000 ? Math.round(m / 100) / 10 : Math.round(m / 1000) };
}
