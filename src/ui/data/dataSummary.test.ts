import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../core/engine/types';
import { dataSummary } from './dataSummary';

describe('dataSummary', () => {
  it('says what was loaded in one line', () => {
    expect(dataSummary({ info: null })).toBeNull();
    const info: DatasetInfo = { id: 'user', name: 'digits', n: 1500, dim: 784, numClasses: 3, classNames: ['one', 'seven', 'zero'], image: { width: 28, height: 28, channels: 1 } };
    expect(dataSummary({ info })).toBe('digits: 1,500 images, 28 × 28 grey, 3 classes (one, seven, zero)');
    expect(dataSummary({ info: { ...info, image: undefined, classNames: undefined } })).toBe('digits: 1,500 rows × 784 features, no labels');
  });

  it('shows at most 40 characters of a class name and 80 of the name, however long they are', () => {
    const huge = 'L'.repeat(20_000_000);
    const info = { id: 'user', name: `n${huge}`, n: 2, dim: 2, numClasses: 2, classNames: [huge, 'short'] };
    expect(dataSummary({ info })).toBe(`n${'L'.repeat(78)}…: 2 rows × 2 features, 2 classes (${'L'.repeat(39)}…, short)`);
  });
});
