// The tour on the store: it starts a fresh comparison on MNIST-10k, Next adds and starts each
// step's run at once (never waiting for one to finish), a full comparison keeps AE + k-means and
// quotes the run that made room, Back removes nothing, and the last Next closes the tour.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const started: string[] = [];
vi.mock('../../worker/client', () => ({
  startRun: (runId: string) => started.push(runId),
  stopRun: () => {},
  pauseRun: () => {},
  resumeRun: () => {},
  forgetRun: () => {},
}));

const { loadFromHash } = await import('../actions');
const { store } = await import('../store');
const { closeTour, nextTourStep, previousTourStep, startTour } = await import('./tourActions');

const methods = (): string[] => store.getState().runOrder.map((id) => store.getState().runs[id].spec.method);

beforeEach(() => {
  closeTour();
  started.length = 0;
  loadFromHash('dataset=blobs&arch=small&pretrainEpochs=3&maxIter=200&r2.method=dcn&r2.clusterEpochs=1');
});

describe('the guided tour', () => {
  it('starts on MNIST-10k with k-means on pixels training, carrying the current settings', () => {
    startTour();
    const s = store.getState();
    expect(s.settings.dataset).toBe('mnist-10k');
    expect(methods()).toEqual(['kmeans']);
    expect(s.runs[s.runOrder[0]].status).toBe('starting');
    expect(started).toHaveLength(1);
    expect(s.tour?.step).toBe(0);
    // DEC's maxIter (clustering steps) is not k-means' maxIter (Lloyd iterations): not carried.
    expect(s.runs[s.runOrder[0]].spec.params).toEqual({});
  });

  it('adds and starts each step’s run on Next, keeping AE + k-means when the comparison is full', () => {
    startTour();
    nextTourStep(); // AE + k-means
    nextTourStep(); // DEC
    nextTourStep(); // DCN
    expect(methods()).toEqual(['kmeans', 'ae-kmeans', 'dec', 'dcn']);
    expect(started).toHaveLength(4);
    const s = store.getState();
    // Each run carries the settings: DEC the first run's, DCN the DCN run's own.
    expect(s.runs[s.runOrder[2]].spec.params).toEqual({ arch: 'small', pretrainEpochs: 3, maxIter: 200 });
    expect(s.runs[s.runOrder[3]].spec.params).toEqual({ clusterEpochs: 1 });
    nextTourStep(); // VaDE: k-means on pixels makes room, its numbers quoted
    expect(methods()).toEqual(['ae-kmeans', 'dec', 'dcn', 'vade']);
    expect(store.getState().tour?.quoted.kmeans?.name).toBe('k-means');
    expect(store.getState().focusedRunId).toBe(store.getState().runOrder[3]);
  });

  it('goes back in the text only, adds a step’s run once, and closes after the lesson', () => {
    startTour();
    nextTourStep();
    previousTourStep();
    expect(store.getState().tour?.step).toBe(0);
    expect(methods()).toEqual(['kmeans', 'ae-kmeans']);
    nextTourStep();
    expect(methods()).toEqual(['kmeans', 'ae-kmeans']);
    for (let i = 0; i < 5; i++) nextTourStep(); // DEC, DCN, VaDE, IMSAT, SCAN
    nextTourStep(); // the lesson adds nothing
    expect(store.getState().tour?.step).toBe(7);
    // The oldest run but the anchor made room each time: DEC for IMSAT, DCN for SCAN.
    expect(methods()).toEqual(['ae-kmeans', 'vade', 'imsat', 'scan']);
    expect(Object.keys(store.getState().tour?.quoted ?? {}).sort()).toEqual(['dcn', 'dec', 'kmeans']);
    nextTourStep();
    expect(store.getState().tour).toBeNull();
    expect(methods()).toEqual(['ae-kmeans', 'vade', 'imsat', 'scan']);
  });
});
