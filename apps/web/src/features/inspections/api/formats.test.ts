import { describe, expect, it } from 'vitest';
import { distanceBetween, distanceMetres, isFar, readDistance } from './geo';
import { deltaText, deltaTone, percentText, scoreBand, scoreText } from './score-format';

describe('distances', () => {
  it('measures on the sphere', () => {
    // one thousandth of a degree of latitude is about 111 m
    expect(distanceMetres({ lng: 113.24, lat: 35.21 }, { lng: 113.24, lat: 35.211 })).toBeCloseTo(111.2, 0);
    // a degree of longitude at 35° N is about 91 km
    expect(distanceMetres({ lng: 113, lat: 35 }, { lng: 114, lat: 35 }) / 1000).toBeCloseTo(91.2, 0);
    expect(distanceBetween({ lng: null, lat: 35 }, { lng: 113, lat: 35 })).toBeNull();
    expect(distanceBetween(null, { lng: 113, lat: 35 })).toBeNull();
  });

  it('flags photos beyond the limit', () => {
    expect(isFar(301)).toBe(true);
    expect(isFar(300)).toBe(false);
    expect(isFar(null)).toBe(false);
    expect(isFar(120, 100)).toBe(true);
  });

  it('reads a distance in metres or kilometres', () => {
    expect(readDistance(42.4)).toEqual({ unit: 'm', value: 42 });
    expect(readDistance(856)).toEqual({ unit: 'm', value: 860 });
    expect(readDistance(1234)).toEqual({ unit: 'km', value: 1.2 });
    expect(readDistance(123_456)).toEqual({ unit: 'km', value: 123 });
    expect(readDistance(-5)).toEqual({ unit: 'm', value: 0 });
  });
});

describe('scores', () => {
  it('writes one decimal and bands', () => {
    expect(scoreText(87.25)).toBe('87.3');
    expect(scoreText(null)).toBe('—');
    expect(scoreBand(95)).toBe('good');
    expect(scoreBand(80)).toBe('fair');
    expect(scoreBand(60)).toBe('poor');
    expect(scoreBand(null)).toBe('none');
  });

  it('arrows the change against the previous round', () => {
    expect(deltaText(3.46)).toBe('↑ 3.5');
    expect(deltaText(-1.2)).toBe('↓ 1.2');
    expect(deltaText(0.02)).toBe('→ 0.0');
    expect(deltaText(null)).toBe('—');
    expect(deltaTone(-0.04)).toBe('flat');
    expect(percentText(66.666)).toBe('66.7%');
    expect(percentText(null)).toBe('—');
  });
});
