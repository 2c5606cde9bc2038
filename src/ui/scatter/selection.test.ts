import { describe, expect, it } from 'vitest';
import { countBy, pointsInRect, positionsOfRows, rowsOfPositions, selectionCsv, selectionMask } from './selection';

describe('selection', () => {
  const xs = new Float32Array([0, 5, 10, 5]);
  const ys = new Float32Array([0, 5, 10, 50]);

  it('selects the points inside a rectangle drawn in any direction', () => {
    expect(Array.from(pointsInRect(xs, ys, 4, { x0: 11, y0: 11, x1: 4, y1: 4 }))).toEqual([1, 2]);
    expect(pointsInRect(xs, ys, 4, { x0: 100, y0: 100, x1: 200, y1: 200 })).toHaveLength(0);
    // Only the first n rows count (screen buffers may be longer than the frame).
    expect(Array.from(pointsInRect(xs, ys, 2, { x0: -1, y0: -1, x1: 100, y1: 100 }))).toEqual([0, 1]);
    expect(Array.from(selectionMask(new Int32Array([1, 3]), 4))).toEqual([0, 1, 0, 1]);
  });

  it('counts by value, largest first, with missing values as none, summing to the selection size', () => {
    const sel = new Int32Array([0, 1, 2, 3]);
    const rows = countBy(sel, new Int32Array([2, 2, -1, 0]), (v) => `c${v}`);
    expect(rows).toEqual([
      { id: 2, name: 'c2', count: 2 },
      { id: -1, name: 'none', count: 1 },
      { id: 0, name: 'c0', count: 1 },
    ]);
    expect(countBy(sel, null, String)).toEqual([{ id: -1, name: 'none', count: 4 }]);
  });

  it('writes one CSV line per selected point with dataset indices and quoted names', () => {
    const csv = selectionCsv(new Int32Array([1, 2]), {
      indices: new Int32Array([70, 71, 72]),
      assignment: new Int32Array([0, 1, -1]),
      labels: new Int32Array([0, 1, 0]),
      confidence: new Float32Array([0.5, 0.25, 1]),
      coords: new Float32Array([0, 0, 1, 2, 3, 4]),
      classNames: ['a,b', 'c'],
    });
    const lines = csv.trim().split('\n');
    expect(lines).toEqual(['index,cluster,label,confidence,x,y', '71,1,c,0.2500,1.0000,2.0000', '72,,"a,b",1.0000,3.0000,4.0000']);
  });

  it('links runs by dataset rows: a brush in one sample marks the same points in another', () => {
    const a = Int32Array.from([4, 9, 12, 30]); // run A's sample (dataset rows)
    const b = Int32Array.from([9, 30, 31]); // run B's sample
    const rows = rowsOfPositions(Int32Array.from([3, 1]), a);
    expect(Array.from(rows)).toEqual([9, 30]);
    expect(Array.from(positionsOfRows(rows, b))).toEqual([0, 1]);
    expect(Array.from(positionsOfRows(rows, a))).toEqual([1, 3]);
  });

  it('neutralises labels a spreadsheet would run as formulas; numbers stay numbers', () => {
    const csv = selectionCsv(new Int32Array([0, 1]), {
      indices: new Int32Array([0, 1]),
      assignment: new Int32Array([0, 1]),
      labels: new Int32Array([0, 1]),
      confidence: null,
      coords: new Float32Array([-1, -2, 3, 4]),
      classNames: ['=HYPERLINK("http://x")', '-7'],
    });
    expect(csv.trim().split('\n')).toEqual(['index,cluster,label,confidence,x,y', '0,0,"\'=HYPERLINK(""http://x"")",,-1.0000,-2.0000', '1,1,-7,,3.0000,4.0000']);
  });
});
