import { describe, expect, it } from 'vitest';
import { exportTable, samplePositionOfRow } from './exportTable';
import { FINAL_ALL, fixtureReady, fixtureSnapshot } from './testFixtures';

describe('samplePositionOfRow', () => {
  it('inverts the sample indices and marks other rows −1', () => {
    expect(Array.from(samplePositionOfRow(Int32Array.from([4, 1, 5]), 6))).toEqual([-1, 1, -1, -1, 0, 2]);
  });
});

describe('exportTable', () => {
  it('covers the sample only while there is no final snapshot', () => {
    const t = exportTable(fixtureReady(), fixtureSnapshot())!;
    expect(t.scope).toBe('sample');
    expect(Array.from(t.rows)).toEqual([4, 1, 5]);
    expect(Array.from(t.cluster)).toEqual([2, 0, 1]);
    expect(Array.from(t.samplePos)).toEqual([0, 1, 2]);
    expect(Array.from(t.labels!)).toEqual([0, 1, 1]);
  });

  it('covers every row from the final snapshot', () => {
    const t = exportTable(fixtureReady(), fixtureSnapshot({ all: FINAL_ALL }))!;
    expect(t.scope).toBe('all');
    expect(Array.from(t.rows)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(t.cluster)).toEqual(Array.from(FINAL_ALL.cluster));
    expect(Array.from(t.samplePos)).toEqual([-1, 1, -1, -1, 0, 2]);
    expect(Array.from(t.labels!)).toEqual([0, 1, 0, 0, 0, 1]);
  });

  it('falls back to the sample when the final arrays do not match the dataset size', () => {
    const t = exportTable(fixtureReady(), fixtureSnapshot({ all: { cluster: new Int32Array(2), confidence: new Float32Array(2) } }))!;
    expect(t.scope).toBe('sample');
  });

  it('spreads the sample labels over all rows when only they are known', () => {
    const t = exportTable(fixtureReady({ allLabels: null }), fixtureSnapshot({ all: FINAL_ALL }))!;
    expect(Array.from(t.labels!)).toEqual([-1, 1, -1, -1, 0, 1]);
  });

  it('is null before there are clusters', () => {
    expect(exportTable(fixtureReady(), fixtureSnapshot({ assignment: null }))).toBeNull();
  });
});
