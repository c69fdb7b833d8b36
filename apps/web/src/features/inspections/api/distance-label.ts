// A distance in words of the UI language ("850 米", "1.2 公里" / "850 m", "1.2 km").
import type { TFunction } from '../../../app/i18n/locale-provider';
import { readDistance } from './geo';

export function distanceLabel(t: TFunction, metres: number): string {
  const reading = readDistance(metres);
  return t(reading.unit === 'm' ? 'inspections.distance.m' : 'inspections.distance.km', { value: reading.value });
}
