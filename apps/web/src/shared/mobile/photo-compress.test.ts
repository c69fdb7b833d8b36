import { describe, expect, it } from 'vitest';
import { MAX_SIDE, SMALL_BYTES, jpegName, needsCompression, targetSize } from './photo-compress';

describe('targetSize', () => {
  it('keeps images whose longer side is within the limit', () => {
    expect(targetSize(1600, 1200)).toEqual({ width: 1600, height: 1200, scaled: false });
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600, scaled: false });
  });

  it('scales a landscape photo to 1600 px wide', () => {
    expect(targetSize(4032, 3024)).toEqual({ width: 1600, height: 1200, scaled: true });
  });

  it('scales a portrait photo to 1600 px high', () => {
    expect(targetSize(3024, 4032)).toEqual({ width: 1200, height: 1600, scaled: true });
  });

  it('keeps the aspect ratio of odd sizes and rounds', () => {
    const size = targetSize(4000, 2250);
    expect(size).toEqual({ width: 1600, height: 900, scaled: true });
    const odd = targetSize(3001, 1999);
    expect(odd.width).toBe(1600);
    expect(odd.height).toBe(Math.round((1999 * 1600) / 3001));
  });

  it('never produces a zero side for a very thin panorama', () => {
    expect(targetSize(20000, 3)).toEqual({ width: 1600, height: 1, scaled: true });
  });

  it('honours another limit', () => {
    expect(targetSize(2000, 1000, 1000)).toEqual({ width: 1000, height: 500, scaled: true });
  });

  it('returns an empty size for unusable input', () => {
    expect(targetSize(0, 100)).toEqual({ width: 0, height: 0, scaled: false });
    expect(targetSize(Number.NaN, 100)).toEqual({ width: 0, height: 0, scaled: false });
  });

  it('uses 1600 px as the default limit', () => {
    expect(MAX_SIDE).toBe(1600);
  });
});

describe('needsCompression', () => {
  it('re-encodes large or heavy images only', () => {
    expect(needsCompression(500_000, 4032, 3024)).toBe(true);
    expect(needsCompression(SMALL_BYTES + 1, 1200, 900)).toBe(true);
    expect(needsCompression(300_000, 1200, 900)).toBe(false);
  });
});

describe('jpegName', () => {
  it('swaps the extension for .jpg', () => {
    expect(jpegName('IMG_1234.HEIC')).toBe('IMG_1234.jpg');
    expect(jpegName('photo.jpeg')).toBe('photo.jpg');
    expect(jpegName('noext')).toBe('noext.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});
