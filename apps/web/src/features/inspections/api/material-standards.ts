// The 材料审核 standards of the index as select options ("A.01.01.01 name", the path above as the
// title), for the material review filters and the "布置申报" drawer.
import { useMemo } from 'react';
import { useEvaluationIndex } from './inspections-api';
import { standardOptions } from './index-tree';

export function useMaterialStandards() {
  const index = useEvaluationIndex();
  const options = useMemo(
    () =>
      standardOptions(index.data?.items ?? [])
        .filter((s) => s.active && s.methods.includes('material'))
        .map((s) => ({ value: s.id, label: `${s.code} ${s.name}`, title: s.path })),
    [index.data],
  );
  return { options, isLoading: index.isLoading };
}
