/**
 * The guided tour's actions. Starting it makes a fresh comparison on MNIST-10k with the story's
 * first run; Next adds the next step's run and starts it at once — runs train side by side in the
 * worker, so the tour never waits for one — and Back only goes back in the text. A full
 * comparison (four runs) makes room by dropping the oldest run but AE + k-means, whose numbers the
 * tour keeps quoting.
 */
import { CATALOG } from '../catalog';
import { reset, startOne, syncHash } from '../actions';
import { addRunWith, removeRun } from '../compareActions';
import { MAX_RUNS } from '../comparisonLink';
import { idleRun } from '../run';
import { resetRunView } from '../scatterActions';
import { focusedRun, store } from '../store';
import { resultOf } from './tourResults';
import { runToDrop, tourSpec, tourSteps, type TourStep } from './tourSteps';
import type { TourState } from './tourState';

/** The dataset the story is told on. */
export const TOUR_DATASET = 'mnist-10k';

export function currentTourSteps(): TourStep[] {
  return tourSteps(CATALOG.methods);
}

function methodOf(id: string) {
  const m = CATALOG.methods.find((x) => x.id === id);
  if (!m) throw new Error(`the tour names method '${id}', which is not registered`);
  return m;
}

function setTour(tour: TourState | null): void {
  store.setState({ tour });
}

/** Drops the oldest tour run but the anchor until there is room, quoting what it reached. */
function makeRoom(tour: TourState): TourState {
  let t = tour;
  for (;;) {
    const s = store.getState();
    if (s.runOrder.length < MAX_RUNS) return t;
    // Run ids are reused once a run is removed: a step's recorded id counts only while it still
    // holds that step's method (after k-means on pixels left, VaDE took its id).
    const mine = currentTourSteps()
      .map((step) => ({ step, id: t.added[step.id] }))
      .filter(({ step, id }) => id && s.runs[id]?.spec.method === step.method);
    const drop = runToDrop(mine.map(({ step }) => step.method!));
    const victim = mine.find(({ step }) => step.method === drop);
    // Not a run of the tour: the oldest run of the comparison makes room instead.
    const id = victim?.id ?? s.runOrder[0];
    const run = s.runs[id];
    t = { ...t, quoted: { ...t.quoted, [run.spec.method]: resultOf(run) } };
    removeRun(id);
  }
}

/** Adds (once) and starts the run of a step. */
function addStepRun(tour: TourState, step: TourStep): TourState {
  if (!step.method || tour.added[step.id]) return tour;
  const t = makeRoom(tour);
  const id = addRunWith(tourSpec(methodOf(step.method), t.carry, CATALOG.methods, step.short));
  if (!id) return t;
  startOne(id);
  return { ...t, added: { ...t.added, [step.id]: id } };
}

/** Opens the tour: a fresh comparison on MNIST-10k with the story's first run, training. */
export function startTour(): void {
  const s = store.getState();
  const carry = [focusedRun(s).spec, ...s.runOrder.filter((id) => id !== s.focusedRunId).map((id) => s.runs[id].spec)];
  reset();
  const first = currentTourSteps()[0];
  const id = 'run-1';
  store.setState({
    settings: { ...s.settings, dataset: TOUR_DATASET },
    runs: { [id]: idleRun(id, tourSpec(methodOf(first.method!), carry, CATALOG.methods, first.short)) },
    runOrder: [id],
    focusedRunId: id,
    colorBy: s.colorBy === 'disagree' ? 'cluster' : s.colorBy,
  });
  resetRunView();
  syncHash();
  startOne(id);
  setTour({ step: 0, added: { [first.id]: id }, quoted: {}, carry });
}

/** The next step: its run joins the comparison and starts; on the last step, Next closes the tour. */
export function nextTourStep(): void {
  const tour = store.getState().tour;
  if (!tour) return;
  const steps = currentTourSteps();
  if (tour.step >= steps.length - 1) return closeTour();
  const step = steps[tour.step + 1];
  setTour({ ...addStepRun(tour, step), step: tour.step + 1 });
}

/** Back in the story (the runs stay). */
export function previousTourStep(): void {
  const tour = store.getState().tour;
  if (tour && tour.step > 0) setTour({ ...tour, step: tour.step - 1 });
}

/** Closes the tour; the comparison it built stays. */
export function closeTour(): void {
  setTour(null);
}
