// One GPS fix from the browser (phone report and public report pages), as a promise with a hard timeout and a reason the page can turn
// into a clear message (permission refused, no signal, took too long, needs HTTPS).

/** A position fix: WGS-84 degrees and the radius of the fix in metres, as the browser reports it. */
export interface GeoFix {
  lat: number;
  lng: number;
  accuracy: number | null;
}

/** ~1 m precision is plenty and keeps stored drafts small. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export type LocateFailure = 'unsupported' | 'insecure' | 'denied' | 'unavailable' | 'timeout';

export class LocateError extends Error {
  readonly reason: LocateFailure;
  constructor(reason: LocateFailure) {
    super(reason);
    this.name = 'LocateError';
    this.reason = reason;
  }
}

export function isLocateError(error: unknown): error is LocateError {
  return error instanceof LocateError;
}

/**
 * Asks for a high-accuracy position. Browsers only offer geolocation on HTTPS (or localhost), and
 * some never call back when the permission prompt is ignored, hence our own timer on top of the
 * API's `timeout`.
 */
export function locate(timeoutMs = 15_000): Promise<GeoFix> {
  if (typeof window !== 'undefined' && window.isSecureContext === false) {
    return Promise.reject(new LocateError('insecure'));
  }
  if (typeof navigator === 'undefined' || !('geolocation' in navigator) || !navigator.geolocation) {
    return Promise.reject(new LocateError('unsupported'));
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = window.setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new LocateError('timeout'));
    }, timeoutMs + 1_000);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (settled) return;
        settled = true;
        window.clearTimeout(timer);
        resolve({
          lat: roundCoordinate(position.coords.latitude),
          lng: roundCoordinate(position.coords.longitude),
          accuracy: Number.isFinite(position.coords.accuracy) ? Math.round(position.coords.accuracy) : null,
        });
      },
      (error) => {
        if (settled) return;
        settled = true;
        window.clearTimeout(timer);
        const reason: LocateFailure =
          error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
        reject(new LocateError(reason));
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}
