/**
 * The colour of each cluster exactly as the scatter paints it when colouring by cluster (each
 * cluster takes the colour of the class it overlaps most), for the gallery swatches and the SVG.
 */
import type { ReadyInfo } from '../../state/run';
import { computeColoring, type Coloring } from '../scatter/colors';

export function clusterColoring(ready: ReadyInfo, assignment: Int32Array | null): Coloring {
  return computeColoring({
    colorBy: 'cluster',
    assignment,
    labels: ready.labels,
    k: ready.k,
    numClasses: ready.dataset.numClasses,
    classNames: ready.dataset.classNames,
  });
}
