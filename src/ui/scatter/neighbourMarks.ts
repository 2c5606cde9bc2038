/**
 * A hovered point's mined neighbours in the plot: the snapshot names them as dataset rows, and
 * only those inside the plotted sample can be drawn; the rest are counted, so the hover card can
 * say how many are missing and why.
 */
import type { SampleNeighbours } from '../../core/engine/sampleNeighbours';

export interface NeighbourMarks {
  /** Sample positions of the neighbours that are plotted. */
  positions: Int32Array;
  k: number;
}

/** `position` is the hovered point's place in the sample; `positionOf` maps dataset rows to places. */
export function neighbourMarks(neighbours: SampleNeighbours, position: number, positionOf: ReadonlyMap<number, number>): NeighbourMarks {
  const { k, indices } = neighbours;
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const p = positionOf.get(indices[position * k + j]);
    if (p !== undefined) out.push(p);
  }
  return { positions: Int32Array.from(out), k };
}
