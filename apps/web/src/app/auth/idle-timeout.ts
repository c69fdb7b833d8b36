// Client-side idle logout after `minutes` without keyboard, pointer, touch or scroll activity.
// The last-activity time lives in localStorage so several open tabs share it.
import { useEffect } from 'react';

const STORAGE_KEY = 'cc.lastActivity';
const ACTIVITY_EVENTS = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

function readLastActivity(fallback: number): number {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

export function useIdleTimeout(minutes: number | undefined, onIdle: () => void): void {
  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    const limit = minutes * 60_000;
    let local = Date.now();
    let lastWrite = 0;

    const mark = () => {
      local = Date.now();
      // Writing on every mousemove is wasteful; a few seconds of precision is plenty.
      if (local - lastWrite > 5_000) {
        lastWrite = local;
        try {
          localStorage.setItem(STORAGE_KEY, String(local));
        } catch {
          // ignore
        }
      }
    };
    mark();

    const check = () => {
      const last = Math.max(local, readLastActivity(local));
      if (Date.now() - last >= limit) onIdle();
    };

    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, mark, { passive: true, capture: true });
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(check, 15_000);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, mark, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [minutes, onIdle]);
}
