/** The comparison's short run names by run id (see comparisonTitles). */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findMethod } from '../../core/methods';
import { useStore } from '../../state/store';
import { comparisonTitles } from './runTitle';

export function useRunTitles(): Record<string, string> {
  const order = useStore(useShallow((s) => s.runOrder));
  const specs = useStore(useShallow((s) => s.runOrder.map((id) => s.runs[id].spec)));
  return useMemo(() => {
    const titles = comparisonTitles(specs, findMethod);
    return Object.fromEntries(order.map((id, i) => [id, titles[i]]));
  }, [order, specs]);
}
