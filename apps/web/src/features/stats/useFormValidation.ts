import { useDeferredValue, useMemo } from 'react';
import { validateForm, type CellIssue, type CellMap, type FormDefinition } from '@stinet/shared';

/**
 * Runs the shared validation engine (`validateForm`) over a form's cells, memoized on the definition, the cells and
 * last period's cells. The cells are deferred (`useDeferredValue`), so typing stays responsive on large forms while
 * totals and messages follow within the next idle render.
 */
export function useFormValidation(definition: FormDefinition, cells: CellMap, previous?: CellMap): CellIssue[] {
  const deferredCells = useDeferredValue(cells);
  return useMemo(() => validateForm(definition, deferredCells, { previous }), [definition, deferredCells, previous]);
}
