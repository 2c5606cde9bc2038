import { describe, expect, it } from 'vitest';
import { exportFileName, pathsOfRun, rowLabel } from './rowNames';

describe('rowNames', () => {
  it('builds the download names from dataset, method and seed', () => {
    expect(exportFileName('mnist-10k', 'dec', 7, 'csv')).toBe('priorscope-mnist-10k-dec-seed7.csv');
    expect(exportFileName('My Data/2', 'DCN+', 0, 'zip')).toBe('priorscope-my-data-2-dcn-seed0.zip');
  });

  it('uses source paths only for the dropped dataset of the same size', () => {
    const userData = { paths: ['a.png', 'b.png'] };
    expect(pathsOfRun('user', 2, userData)).toEqual(['a.png', 'b.png']);
    expect(pathsOfRun('user', 3, userData)).toBeNull();
    expect(pathsOfRun('mnist-10k', 2, userData)).toBeNull();
    expect(rowLabel(1, 'user', ['a.png', 'b.png'])).toBe('b.png');
    expect(rowLabel(12, 'mnist-10k', null)).toBe('mnist-10k#12');
  });
});
