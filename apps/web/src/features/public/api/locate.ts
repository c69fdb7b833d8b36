// One position fix from the browser, as a promise with a hard timeout and a reason the page can
// turn into a plain message (refused, no signal, too slow, needs HTTPS, not supported).
import type { DraftLocation } from './public-draft';

export type LocateFailure = 'unsupported' | 'insecure' | 'denied' | 'unavailable' | 'timeout';

export class LocateError extends Error {
  readonly reason: LocateFailure;
  constructor(reason: LocateFailure) {
    super(reason);
    this.name = 'LocateError';
    this.reason = reason;
  }
}

/** ~1 m precision is plenty and keeps the stored draft small. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function locate(timeoutMs = 15_000): Promise<DraftLocation> {
  if (typeof window !== 'undefined' && window.isSecureContext === false) {
    return Promise.reject(new LocateError('insecure'));
  }
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    return Promise.reject(new LocateError('unsupported'));
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    // some browsers never call back when the permission prompt is ignored
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
        reject(
          new LocateError(
            error.code === error.PERMISSION_DENIED
              ? 'denied'
              : error.code === error.TIMEOUT
                ? 'timeout'
                : 'unavailable',
          ),
        );
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}
