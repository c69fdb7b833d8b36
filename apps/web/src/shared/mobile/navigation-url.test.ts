import { describe, expect, it } from 'vitest';
import { navigationUrl } from './navigation-url';

describe('navigationUrl', () => {
  it('builds a geo: URI on Android', () => {
    expect(navigationUrl(30.123456789, 120.5, '中山路 1 号', 'Mozilla/5.0 (Linux; Android 14)')).toBe(
      `geo:30.123457,120.500000?q=30.123457,120.500000(${encodeURIComponent('中山路 1 号')})`,
    );
    expect(navigationUrl(1, 2, null, 'Android')).toBe('geo:1.000000,2.000000?q=1.000000,2.000000');
  });

  it('uses Apple Maps on an iPhone', () => {
    expect(navigationUrl(30, 120, 'A', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe(
      'https://maps.apple.com/?ll=30.000000,120.000000&q=A',
    );
  });
});
