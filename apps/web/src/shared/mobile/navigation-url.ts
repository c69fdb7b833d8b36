// A link that opens the phone's map app at a point (a case, a site to inspect). Pure.

/**
 * A link that opens the phone's map app at a point. Android and most others understand the
 * `geo:` URI (RFC 5870); iOS Safari does not, so Apple Maps gets its https link.
 */
export function navigationUrl(lat: number, lng: number, label: string | null, userAgent: string): string {
  const point = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  if (/iPhone|iPad|iPod/i.test(userAgent)) {
    const q = label ? `&q=${encodeURIComponent(label)}` : '';
    return `https://maps.apple.com/?ll=${point}${q}`;
  }
  const q = label ? `${point}(${encodeURIComponent(label)})` : point;
  return `geo:${point}?q=${q}`;
}
