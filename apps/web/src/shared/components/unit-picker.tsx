// The shared unit picker, plus the chosen unit's name looked up by id, so a unit outside the
// first page of search results is shown by name rather than "#id". `known` names a unit the page
// already knows (e.g. the routing suggestion) without a request.
import { UnitSelect, type UnitSelectProps } from './unit-select';
import { useUnitName } from '../org-lookups';

export interface UnitPickerProps extends Omit<UnitSelectProps, 'initialLabel'> {
  known?: { id: number | null; name: string | null };
}

export function UnitPicker({ known, ...props }: UnitPickerProps) {
  const value = props.value ?? null;
  const isKnown = value !== null && known?.id === value && !!known.name;
  const { data: fetched } = useUnitName(isKnown ? null : value);
  return <UnitSelect {...props} initialLabel={isKnown ? known.name : fetched} />;
}
