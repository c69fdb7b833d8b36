// The photos of one checklist item on the phone: the shared camera capture (shrunk, uploaded at
// once), each stored photo stamped with the time it was taken (the camera file's time) and the
// phone's GPS fix — the last known one at once, then a fresh fix when it comes — and a warning
// when a photo was taken farther from the site than the limit the server flags.
import { useRef } from 'react';
import { Alert } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { INSPECTION_LIMITS } from '@cc/common/inspections';
import { useT } from '../../../app/i18n/locale-provider';
import { CameraCapture } from '../../../shared/mobile/camera-capture';
import { locate, type GeoFix } from '../../../shared/geolocation';
import type { PhotoStamp } from '../api/inspection-draft';
import { distanceBetween, isFar } from '../api/geo';
import { distanceLabel } from '../api/distance-label';

/** The camera file's time when it is plausible (not empty, not ahead of the clock), else now. */
export function takenAtOf(file: File, now: Date = new Date()): string {
  const at = file.lastModified;
  return Number.isFinite(at) && at > 0 && at <= now.getTime() + 60_000 ? new Date(at).toISOString() : now.toISOString();
}

export interface ItemPhotosProps {
  value: PhotoStamp[];
  onChange: (next: PhotoStamp[]) => void;
  /** Sets the GPS fix of one photo once a fresh one arrives. */
  onFix: (fileId: string, fix: GeoFix) => void;
  site: { lng: number | null; lat: number | null };
  /** The phone's last known position. */
  lastFix: GeoFix | null;
  onBusyChange: (busy: boolean) => void;
  testId: string;
}

export function ItemPhotos({ value, onChange, onFix, site, lastFix, onBusyChange, testId }: ItemPhotosProps) {
  const t = useT();
  // Stamps of photos stored but not yet in the value (onUploaded runs just before onChange).
  const stamps = useRef(new Map<string, PhotoStamp>());
  const far = value
    .map((p) => distanceBetween(p, site))
    .filter((d): d is number => d !== null && isFar(d))
    .sort((a, b) => b - a);

  return (
    <div data-testid={testId}>
      <CameraCapture
        value={value.map((p) => p.fileId)}
        max={INSPECTION_LIMITS.photosPerItem}
        onBusyChange={onBusyChange}
        inputTestId={`${testId}-input`}
        onUploaded={(fileId, original) => {
          stamps.current.set(fileId, {
            fileId,
            takenAt: takenAtOf(original),
            lng: lastFix?.lng ?? null,
            lat: lastFix?.lat ?? null,
            accuracy: lastFix?.accuracy ?? null,
          });
          locate().then(
            (fix) => onFix(fileId, fix),
            () => undefined,
          );
        }}
        onChange={(ids) => {
          const known = new Map(value.map((p) => [p.fileId, p]));
          onChange(
            ids.map(
              (fileId) =>
                known.get(fileId) ??
                stamps.current.get(fileId) ?? { fileId, takenAt: null, lng: null, lat: null, accuracy: null },
            ),
          );
        }}
      />
      {far.length > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          icon={<EnvironmentOutlined />}
          title={t('inspections.mobile.photoFar', { distance: distanceLabel(t, far[0]) })}
          data-testid="photo-far-warning"
        />
      ) : null}
    </div>
  );
}
