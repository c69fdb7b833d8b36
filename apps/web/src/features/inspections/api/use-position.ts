// The phone's GPS position for the inspection pages: asked once when the page opens and again on
// request, with the reason when it cannot be had (see shared/geolocation.ts). A fresher fix taken
// for a photo can be handed in, so the distance shown follows the inspector.
import { useCallback, useEffect, useState } from 'react';
import { isLocateError, locate, type GeoFix, type LocateFailure } from '../../../shared/geolocation';

export interface PositionState {
  fix: GeoFix | null;
  failure: LocateFailure | null;
  locating: boolean;
}

export function usePosition() {
  const [state, setState] = useState<PositionState>({ fix: null, failure: null, locating: true });
  const ask = useCallback(
    () =>
      locate().then(
        (fix) => setState({ fix, failure: null, locating: false }),
        (error: unknown) =>
          setState((s) => ({ ...s, failure: isLocateError(error) ? error.reason : 'unavailable', locating: false })),
      ),
    [],
  );
  useEffect(() => {
    void ask();
  }, [ask]);
  const relocate = useCallback(() => {
    setState((s) => ({ ...s, failure: null, locating: true }));
    void ask();
  }, [ask]);
  const setFix = useCallback((fix: GeoFix) => setState({ fix, failure: null, locating: false }), []);
  return { ...state, relocate, setFix };
}

export type Position = ReturnType<typeof usePosition>;
