import { describe, expect, it } from 'vitest';
import { boundsOf, ensureSpan, equalScaleExtent, polygonRings, ringsPath, type Bounds } from './map-geometry';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [114, 30],
      [114.01, 30],
      [114.01, 30.01],
      [114, 30.01],
      [114, 30],
    ],
  ],
};

describe('polygonRings', () => {
  it('reads Polygon, MultiPolygon and Feature', () => {
    expect(polygonRings(square)).toHaveLength(1);
    expect(polygonRings({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] })).toHaveLength(
      2,
    );
    expect(polygonRings({ type: 'Feature', geometry: square })).toHaveLength(1);
  });

  it('ignores junk', () => {
    expect(polygonRings(null)).toEqual([]);
    expect(polygonRings('x')).toEqual([]);
    expect(polygonRings({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
    expect(
      polygonRings({
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            ['a', 3],
          ],
        ],
      }),
    ).toEqual([]);
  });
});

describe('equalScaleExtent', () => {
  // screen px per degree along each axis of a width × height area showing `e`
  const pxPerDegree = (e: Bounds, width: number, height: number) => ({
    x: width / (e.maxLng - e.minLng),
    y: height / (e.maxLat - e.minLat),
  });

  it('keeps the aspect: one degree of longitude is cos(lat) of one of latitude on screen', () => {
    const b = boundsOf(polygonRings(square)[0])!;
    for (const [w, h] of [
      [1000, 1000],
      [1200, 400],
      [300, 900],
    ]) {
      const e = equalScaleExtent(b, w, h, 0);
      const px = pxPerDegree(e, w, h);
      expect(px.x / px.y).toBeCloseTo(Math.cos((30.005 * Math.PI) / 180), 6);
      // the bounds fit inside the window, centred
      expect(e.minLng).toBeLessThanOrEqual(b.minLng + 1e-12);
      expect(e.maxLng).toBeGreaterThanOrEqual(b.maxLng - 1e-12);
      expect(e.minLat).toBeLessThanOrEqual(b.minLat + 1e-12);
      expect(e.maxLat).toBeGreaterThanOrEqual(b.maxLat - 1e-12);
      expect((e.minLng + e.maxLng) / 2).toBeCloseTo(114.005, 9);
      expect((e.minLat + e.maxLat) / 2).toBeCloseTo(30.005, 9);
    }
  });

  it('fills the tighter axis: a 0.01° square at 30°N in a square area spans its height', () => {
    const b = boundsOf(polygonRings(square)[0])!;
    const e = equalScaleExtent(b, 1000, 1000, 0);
    expect(e.maxLat - e.minLat).toBeCloseTo(0.01, 9);
    expect(e.maxLng - e.minLng).toBeCloseTo(0.01 / Math.cos((30.005 * Math.PI) / 180), 9);
  });

  it('leaves the padding free on the tighter axis', () => {
    const b = boundsOf(polygonRings(square)[0])!;
    const e = equalScaleExtent(b, 1000, 500, 50);
    const px = pxPerDegree(e, 1000, 500);
    // 0.01° of latitude takes the 400 px between the paddings
    expect(px.y * 0.01).toBeCloseTo(400, 6);
    expect((b.minLat - e.minLat) * px.y).toBeCloseTo(50, 6);
  });

  it('survives a single point and a zero-sized area', () => {
    const b = ensureSpan(boundsOf([[114.3, 30.6]])!);
    expect(b.maxLng - b.minLng).toBeCloseTo(0.004);
    const e = equalScaleExtent(b, 200, 100, 10);
    expect((e.minLng + e.maxLng) / 2).toBeCloseTo(114.3, 9);
    expect((e.minLat + e.maxLat) / 2).toBeCloseTo(30.6, 9);
    const flat = equalScaleExtent({ minLng: 114.3, maxLng: 114.3, minLat: 30.6, maxLat: 30.6 }, 0, 0);
    for (const v of Object.values(flat)) expect(Number.isFinite(v)).toBe(true);
    expect(flat.maxLat).toBeGreaterThan(flat.minLat);
    expect(flat.maxLng).toBeGreaterThan(flat.minLng);
  });
});

describe('ringsPath', () => {
  it('writes closed SVG paths', () => {
    const d = ringsPath(polygonRings(square), (lng, lat) => [(lng - 114) * 1e4, (30.01 - lat) * 1e4]);
    expect(d).toBe('M0.0 100.0 L100.0 100.0 L100.0 0.0 L0.0 0.0 L0.0 100.0 Z');
  });
});
