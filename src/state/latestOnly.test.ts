import { describe, expect, it } from 'vitest';
import { LatestOnly } from './latestOnly';

describe('LatestOnly', () => {
  it('never has two requests in flight and keeps only the newest waiting item', () => {
    const sent: [string, number][] = [];
    const q = new LatestOnly<string>((item, id) => sent.push([item, id]));
    q.push('a');
    q.push('b');
    q.push('c');
    expect(sent.map((s) => s[0])).toEqual(['a']);
    q.done(sent[0][1]);
    expect(sent.map((s) => s[0])).toEqual(['a', 'c']);
    q.done(sent[1][1]);
    expect(q.busy).toBe(false);
    q.push('d');
    expect(sent.map((s) => s[0])).toEqual(['a', 'c', 'd']);
  });

  it('ignores answers to requests it is not waiting for', () => {
    const sent: string[] = [];
    const q = new LatestOnly<string>((item) => sent.push(item));
    q.push('a');
    q.push('b');
    q.done(999);
    expect(sent).toEqual(['a']);
    expect(q.busy).toBe(true);
  });

  it('dropPending forgets the waiting item but still waits for the one in flight', () => {
    const ids: number[] = [];
    const q = new LatestOnly<string>((_, id) => ids.push(id));
    q.push('a');
    q.push('b');
    q.dropPending();
    q.done(ids[0]);
    expect(ids).toHaveLength(1);
    expect(q.busy).toBe(false);
  });
});
