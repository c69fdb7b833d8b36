import { describe, expect, it } from 'vitest';
import { fitSize, jpegName } from './shrink-photo';

describe('fitSize', () => {
  it('scales the longer side down to the limit, keeping the ratio', () => {
    expect(fitSize(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitSize(3024, 4032, 160)).toEqual({ width: 120, height: 160 });
  });

  it('leaves small images alone and rejects nonsense', () => {
    expect(fitSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitSize(0, 600, 1600)).toEqual({ width: 0, height: 0 });
    expect(fitSize(10000, 1, 1600)).toEqual({ width: 1600, height: 1 });
  });
});

describe('jpegName', () => {
  it('renames to .jpg', () => {
    expect(jpegName('IMG_1234.HEIC')).toBe('IMG_1234.jpg');
    expect(jpegName('photo')).toBe('photo.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});
