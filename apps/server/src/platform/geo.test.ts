import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  distanceMetres,
  EARTH_RADIUS_METRES,
  inBbox,
  isValidPoint,
  pointInPolygon,
  type Point,
} from './geo.js';

const pt = (lng: number, lat: number): Point => ({ lng, lat });

/** An axis-aligned square ring, closed as GeoJSON requires. */
const squareRing = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [squareRing(x0, y0, x1, y1)],
});

describe('isValidPoint', () => {
  it('accepts finite coordinates in range, limits included', () => {
    expect(isValidPoint(pt(116.3975, 39.9087))).toBe(true);
    expect(isValidPoint(pt(0, 0))).toBe(true);
    expect(isValidPoint(pt(-180, -90))).toBe(true);
    expect(isValidPoint(pt(180, 90))).toBe(true);
  });

  it('rejects out-of-range, non-finite and non-numeric coordinates', () => {
    expect(isValidPoint(pt(180.0001, 0))).toBe(false);
    expect(isValidPoint(pt(-180.0001, 0))).toBe(false);
    expect(isValidPoint(pt(0, 90.0001))).toBe(false);
    expect(isValidPoint(pt(0, -90.0001))).toBe(false);
    expect(isValidPoint(pt(NaN, 0))).toBe(false);
    expect(isValidPoint(pt(0, Infinity))).toBe(false);
    expect(isValidPoint({ lng: '116', lat: 39 })).toBe(false);
    expect(isValidPoint({ lng: 116 })).toBe(false);
    expect(isValidPoint(null)).toBe(false);
    expect(isValidPoint(undefined)).toBe(false);
    expect(isValidPoint([116, 39])).toBe(false);
  });
});

describe('distanceMetres', () => {
  it('is 0 between a point and itself', () => {
    expect(distanceMetres(pt(116.3975, 39.9087), pt(116.3975, 39.9087))).toBe(0);
  });

  it('measures Tiananmen to People’s Square (Shanghai) as about 1,067 km', () => {
    const d = distanceMetres(pt(116.3975, 39.9087), pt(121.4737, 31.2304));
    expect(Math.abs(d - 1_067_000) / 1_067_000).toBeLessThan(0.005);
  });

  it('is symmetric', () => {
    const a = pt(116.3975, 39.9087);
    const b = pt(121.4737, 31.2304);
    expect(distanceMetres(a, b)).toBe(distanceMetres(b, a));
  });

  it('gives one degree of latitude as πR/180 and a degree of longitude shrinking with cos(lat)', () => {
    const degree = (Math.PI * EARTH_RADIUS_METRES) / 180;
    expect(distanceMetres(pt(0, 0), pt(0, 1))).toBeCloseTo(degree, 3);
    expect(distanceMetres(pt(0, 0), pt(1, 0))).toBeCloseTo(degree, 3);
    expect(distanceMetres(pt(10, 60), pt(10.001, 60)) / (0.001 * degree)).toBeCloseTo(0.5, 4);
  });

  it('measures short distances in a city to the metre', () => {
    // 0.001° of latitude ≈ 111.2 m anywhere.
    expect(distanceMetres(pt(116.4, 39.9), pt(116.4, 39.901))).toBeCloseTo(111.195, 2);
  });

  it('handles antipodes and the antimeridian', () => {
    expect(distanceMetres(pt(0, 0), pt(180, 0))).toBeCloseTo(Math.PI * EARTH_RADIUS_METRES, 3);
    expect(distanceMetres(pt(0, 90), pt(0, -90))).toBeCloseTo(Math.PI * EARTH_RADIUS_METRES, 3);
    expect(distanceMetres(pt(179.9, 0), pt(-179.9, 0))).toBeCloseTo(distanceMetres(pt(0, 0), pt(0.2, 0)), 3);
  });
});

describe('pointInPolygon', () => {
  const unit = square(0, 0, 10, 10);

  it('finds points inside and outside a square', () => {
    expect(pointInPolygon(pt(5, 5), unit)).toBe(true);
    expect(pointInPolygon(pt(0.001, 9.999), unit)).toBe(true);
    expect(pointInPolygon(pt(-1, 5), unit)).toBe(false);
    expect(pointInPolygon(pt(11, 5), unit)).toBe(false);
    expect(pointInPolygon(pt(5, -0.001), unit)).toBe(false);
    expect(pointInPolygon(pt(5, 10.001), unit)).toBe(false);
  });

  it('counts points on edges and vertices as inside', () => {
    expect(pointInPolygon(pt(0, 5), unit)).toBe(true);
    expect(pointInPolygon(pt(10, 5), unit)).toBe(true);
    expect(pointInPolygon(pt(5, 0), unit)).toBe(true);
    expect(pointInPolygon(pt(5, 10), unit)).toBe(true);
    expect(pointInPolygon(pt(0, 0), unit)).toBe(true);
    expect(pointInPolygon(pt(10, 10), unit)).toBe(true);
  });

  it('does not depend on ring orientation or on the ring being closed', () => {
    const clockwise = { type: 'Polygon', coordinates: [squareRing(0, 0, 10, 10).reverse()] };
    const open = { type: 'Polygon', coordinates: [squareRing(0, 0, 10, 10).slice(0, 4)] };
    for (const polygon of [clockwise, open]) {
      expect(pointInPolygon(pt(5, 5), polygon)).toBe(true);
      expect(pointInPolygon(pt(15, 5), polygon)).toBe(false);
    }
  });

  it('handles a concave (U-shaped) polygon', () => {
    // A "U": the notch x∈(4,6), y∈(4,10] is outside.
    const u = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [6, 10],
          [6, 4],
          [4, 4],
          [4, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    };
    expect(pointInPolygon(pt(2, 8), u)).toBe(true); // left arm
    expect(pointInPolygon(pt(8, 8), u)).toBe(true); // right arm
    expect(pointInPolygon(pt(5, 2), u)).toBe(true); // base
    expect(pointInPolygon(pt(5, 8), u)).toBe(false); // in the notch
    expect(pointInPolygon(pt(5, 4), u)).toBe(true); // on the notch's floor
    // A ray from the notch passes through a vertex at the same height.
    expect(pointInPolygon(pt(5, 10), u)).toBe(false);
    expect(pointInPolygon(pt(-1, 4), u)).toBe(false);
    expect(pointInPolygon(pt(2, 4), u)).toBe(true);
  });

  it('excludes holes but keeps their boundary', () => {
    const withHole = { type: 'Polygon', coordinates: [squareRing(0, 0, 10, 10), squareRing(3, 3, 7, 7)] };
    expect(pointInPolygon(pt(1, 1), withHole)).toBe(true);
    expect(pointInPolygon(pt(5, 5), withHole)).toBe(false);
    expect(pointInPolygon(pt(3, 5), withHole)).toBe(true);
    expect(pointInPolygon(pt(8, 5), withHole)).toBe(true);
    expect(pointInPolygon(pt(12, 5), withHole)).toBe(false);
  });

  it('handles several holes', () => {
    const twoHoles = {
      type: 'Polygon',
      coordinates: [squareRing(0, 0, 10, 10), squareRing(1, 1, 3, 3), squareRing(6, 6, 9, 9)],
    };
    expect(pointInPolygon(pt(2, 2), twoHoles)).toBe(false);
    expect(pointInPolygon(pt(7, 7), twoHoles)).toBe(false);
    expect(pointInPolygon(pt(5, 5), twoHoles)).toBe(true);
  });

  it('checks every polygon of a MultiPolygon, holes included', () => {
    const multi = {
      type: 'MultiPolygon',
      coordinates: [[squareRing(0, 0, 1, 1)], [squareRing(10, 10, 20, 20), squareRing(14, 14, 16, 16)]],
    };
    expect(pointInPolygon(pt(0.5, 0.5), multi)).toBe(true);
    expect(pointInPolygon(pt(12, 12), multi)).toBe(true);
    expect(pointInPolygon(pt(15, 15), multi)).toBe(false);
    expect(pointInPolygon(pt(5, 5), multi)).toBe(false);
  });

  it('works at real coordinates (a block in Beijing)', () => {
    const block = square(116.39, 39.9, 116.41, 39.92);
    expect(pointInPolygon(pt(116.3975, 39.9087), block)).toBe(true);
    expect(pointInPolygon(pt(121.4737, 31.2304), block)).toBe(false);
  });

  it('returns false for malformed geometry without throwing', () => {
    const malformed: unknown[] = [
      null,
      undefined,
      42,
      'Polygon',
      {},
      { type: 'Polygon' },
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [[]] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [0, 0],
          ],
        ],
      }, // too few distinct positions
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, 'x'],
            [0, 10],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [10, 0],
            [10, NaN],
            [0, 10],
          ],
        ],
      },
      { type: 'Polygon', coordinates: [[[0, 0], [10], [10, 10], [0, 10]]] },
      { type: 'Polygon', coordinates: [squareRing(0, 0, 10, 10), 'hole'] },
      { type: 'Polygon', coordinates: squareRing(0, 0, 10, 10) }, // a ring, not a list of rings
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'MultiPolygon', coordinates: [squareRing(0, 0, 10, 10)] }, // a Polygon's coordinates
      { type: 'MultiPolygon', coordinates: [[squareRing(0, 0, 10, 10)], null] },
      { type: 'Point', coordinates: [5, 5] },
      { type: 'Feature', geometry: square(0, 0, 10, 10) },
    ];
    for (const geometry of malformed) {
      expect(() => pointInPolygon(pt(5, 5), geometry)).not.toThrow();
      expect(pointInPolygon(pt(5, 5), geometry), JSON.stringify(geometry)).toBe(false);
    }
  });

  it('returns false for invalid points', () => {
    expect(pointInPolygon(pt(NaN, 5), unit)).toBe(false);
    expect(pointInPolygon(null as unknown as Point, unit)).toBe(false);
  });

  it('ignores extra position members (altitude)', () => {
    const withAltitude = {
      type: 'Polygon',
      coordinates: [squareRing(0, 0, 10, 10).map(([x, y]) => [x, y, 50])],
    };
    expect(pointInPolygon(pt(5, 5), withAltitude)).toBe(true);
  });
});

describe('bboxOf', () => {
  it('spans every valid polygon and skips the rest', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[squareRing(-5, -5, -4, -4)], [squareRing(20, 1, 21, 2)]] };
    expect(bboxOf([square(0, 0, 10, 10), multi, null, { type: 'Point', coordinates: [100, 100] }])).toEqual({
      minLng: -5,
      minLat: -5,
      maxLng: 21,
      maxLat: 10,
    });
  });

  it('uses outer rings only (holes lie inside them)', () => {
    const withHole = { type: 'Polygon', coordinates: [squareRing(0, 0, 10, 10), squareRing(3, 3, 7, 7)] };
    expect(bboxOf([withHole])).toEqual({ minLng: 0, minLat: 0, maxLng: 10, maxLat: 10 });
  });

  it('is null when nothing is valid', () => {
    expect(bboxOf([])).toBeNull();
    expect(bboxOf([null, {}, { type: 'Polygon', coordinates: [[]] }])).toBeNull();
  });
});

describe('inBbox', () => {
  const box = { minLng: 116.39, minLat: 39.9, maxLng: 116.41, maxLat: 39.92 };

  it('includes points inside and on the edge, excludes points outside', () => {
    expect(inBbox(pt(116.4, 39.91), box)).toBe(true);
    expect(inBbox(pt(116.39, 39.9), box)).toBe(true);
    expect(inBbox(pt(116.41, 39.92), box)).toBe(true);
    expect(inBbox(pt(116.389, 39.91), box)).toBe(false);
    expect(inBbox(pt(116.4, 39.921), box)).toBe(false);
  });

  it('grows the box by a margin in metres, shorter in degrees of latitude than longitude', () => {
    // 100 m north of the box: ≈ 0.0009° of latitude.
    const north = pt(116.4, 39.92 + 100 / 111_195);
    expect(inBbox(north, box)).toBe(false);
    expect(inBbox(north, box, 99)).toBe(false);
    expect(inBbox(north, box, 101)).toBe(true);
    // 100 m east of the box at ~39.9°N: ≈ 0.00117° of longitude.
    const east = pt(116.41 + 100 / (111_195 * Math.cos((39.91 * Math.PI) / 180)), 39.91);
    expect(inBbox(east, box, 99)).toBe(false);
    expect(inBbox(east, box, 101)).toBe(true);
    // Check against the real distance to the box edge.
    expect(distanceMetres(east, pt(116.41, 39.91))).toBeCloseTo(100, 0);
  });

  it('treats a negative or non-finite margin as none', () => {
    expect(inBbox(pt(116.389, 39.91), box, -1000)).toBe(false);
    expect(inBbox(pt(116.389, 39.91), box, NaN)).toBe(false);
  });

  it('copes with the poles', () => {
    const polar = { minLng: 0, minLat: 80, maxLng: 10, maxLat: 90 };
    expect(inBbox(pt(5, 90), polar)).toBe(true);
    expect(inBbox(pt(100, 90), polar)).toBe(false);
    expect(inBbox(pt(100, 90), polar, 10)).toBe(true);
  });

  it('rejects invalid points', () => {
    expect(inBbox(pt(NaN, 39.91), box, 1000)).toBe(false);
  });
});
