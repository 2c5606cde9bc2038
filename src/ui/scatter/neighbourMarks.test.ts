import { describe, expect, it } from 'vitest';
import { neighbourMarks } from './neighbourMarks';

describe('neighbourMarks', () => {
  it("finds the hovered point's neighbours that are in the sample, by their place in it", () => {
    // Sample rows 10, 20, 30 at places 0, 1, 2; k = 3 neighbours each, as dataset rows.
    const positionOf = new Map([
      [10, 0],
      [20, 1],
      [30, 2],
    ]);
    const neighbours = { k: 3, indices: Int32Array.from([20, 99, 30, /* row 20 */ 7, 8, 9, /* row 30 */ 10, 20, 5]) };
    expect(neighbourMarks(neighbours, 0, positionOf)).toEqual({ positions: Int32Array.from([1, 2]), k: 3 });
    expect(neighbourMarks(neighbours, 1, positionOf)).toEqual({ positions: new Int32Array(0), k: 3 });
    expect(Array.from(neighbourMarks(neighbours, 2, positionOf).positions)).toEqual([0, 1]);
  });
});
