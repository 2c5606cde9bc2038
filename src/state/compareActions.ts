/**
 * Actions of the comparison: add a run, duplicate one to change one parameter ("what if"),
 * remove one, choose which one the settings and detail panels are about, and save or restore the
 * whole comparison as a file.
 */
import { forgetRun, stopRun } from '../worker/client';
import { CATALOG } from './catalog';
import { MAX_RUNS, serializeComparison } from './comparisonLink';
import { comparisonJsonText, readComparisonJson, type ComparisonJson, type RunResult } from './exports/comparisonJson';
import { loadFromHash, reset, syncHash } from './actions';
import type { RunSpec } from './params';
import { idleRun, isActive, type RunState } from './run';
import { resetRunView } from './scatterActions';
import { focusedRun, settingsOf, store } from './store';
import type { DatasetInfo, Snapshot } from '../core/engine/types';

/** The order "Add run" offers methods in: the survey's story, from baselines up. */
const ADD_ORDER = ['kmeans', 'ae-kmeans', 'dec', 'dcn', 'idec', 'vade', 'dkm', 'deepcluster', 'dcss'];

function nextId(): string {
  const ids = new Set(store.getState().runOrder);
  let i = 1;
  while (ids.has(`run-${i}`)) i++;
  return `run-${i}`;
}

function insert(run: RunState, after: string | null): void {
  store.setState((s) => {
    const order = [...s.runOrder];
    order.splice(after ? order.indexOf(after) + 1 : order.length, 0, run.id);
    return { runs: { ...s.runs, [run.id]: run }, runOrder: order, focusedRunId: run.id };
  });
  resetRunView();
  syncHash();
}

/** Why no run can be added now, or null. */
export function cannotAdd(): string | null {
  return store.getState().runOrder.length >= MAX_RUNS ? `A comparison holds at most ${MAX_RUNS} runs: remove one first.` : null;
}

/** A new run of the next method in the story that is not compared yet (same budget and k). */
export function addRun(): string | null {
  const why = cannotAdd();
  if (why) return why;
  const s = store.getState();
  const used = new Set(s.runOrder.map((id) => s.runs[id].spec.method));
  const known = new Set(CATALOG.methods.map((m) => m.id));
  const method = ADD_ORDER.find((m) => known.has(m) && !used.has(m)) ?? CATALOG.methods[0].id;
  const base = focusedRun(s).spec;
  insert(idleRun(nextId(), { method, budget: base.budget, k: base.k, params: {} }), null);
  return null;
}

/** A new run with the given settings at the end of the comparison, focused: its id, or null when full. */
export function addRunWith(spec: RunSpec): string | null {
  if (cannotAdd()) return null;
  const id = nextId();
  insert(idleRun(id, spec), null);
  return id;
}

/** A copy of a run's settings right after it, focused, to change one thing and compare. */
export function duplicateRun(id: string): string | null {
  const why = cannotAdd();
  if (why) return why;
  const run = store.getState().runs[id];
  if (!run) return null;
  insert(idleRun(nextId(), { ...run.spec, params: { ...run.spec.params } }, id), id);
  return null;
}

export function removeRun(id: string): void {
  const s = store.getState();
  const run = s.runs[id];
  if (!run || s.runOrder.length <= 1) return;
  if (run.runId && isActive(run.status)) stopRun(run.runId);
  forgetRun(run.runId);
  const order = s.runOrder.filter((r) => r !== id);
  const runs = { ...s.runs };
  delete runs[id];
  // A run duplicated from this one no longer has anything to be compared with.
  for (const r of order) if (runs[r].derivedFrom === id) runs[r] = { ...runs[r], derivedFrom: null };
  const focused = s.focusedRunId === id ? order[Math.max(0, s.runOrder.indexOf(id) - 1)] : s.focusedRunId;
  // 'Disagree' compares runs: with one left it has nothing to compare with.
  const colorBy = order.length < 2 && s.colorBy === 'disagree' ? 'cluster' : s.colorBy;
  store.setState({ runs, runOrder: order, focusedRunId: focused, colorBy });
  resetRunView();
  syncHash();
}

export function focusRun(id: string): void {
  if (store.getState().focusedRunId === id || !store.getState().runs[id]) return;
  store.setState({ focusedRunId: id });
  resetRunView();
}

/** The comparison as a JSON file: its link and every run's results. */
export function comparisonFile(): { fileName: string; text: string } {
  const s = store.getState();
  const link = serializeComparison(s.settings, s.runOrder.map((id) => s.runs[id].spec), CATALOG);
  const runs = s.runOrder.map((id) => s.runs[id]);
  const methods = runs.map((r) => r.spec.method).join('-');
  return { fileName: `priorscope-compare-${s.settings.dataset}-${methods}-seed${s.settings.seed}.json`, text: comparisonJsonText(link, runs) };
}

/** What an imported run shows: its final picture and numbers, as a finished run would. */
function restored(run: RunState, r: RunResult, dataset: DatasetInfo | null, note: string): RunState {
  const s = store.getState();
  const settings = settingsOf(s, run.id);
  const sample = r.sample;
  const n = sample?.indices.length ?? 0;
  const f = r.final;
  const snapshot: Snapshot | null = f
    ? {
        step: f.step,
        phase: f.phase,
        elapsedMs: (r.seconds ?? 0) * 1000,
        samplesSeen: f.samplesSeen,
        embedding: new Float32Array(0),
        embedDim: 0,
        assignment: sample?.assignment ? Int32Array.from(sample.assignment) : null,
        confidence: sample?.confidence ? Float32Array.from(sample.confidence) : null,
        losses: f.losses,
        metrics: f.metrics,
        internal: f.internal,
        largestClusterFraction: f.largestClusterFraction,
        ...(r.clusters && r.confidences ? { all: { cluster: Int32Array.from(r.clusters), confidence: Float32Array.from(r.confidences) } } : {}),
      }
    : null;
  const coords = sample?.coords ? Float32Array.from(sample.coords) : null;
  const frame = coords ? { frameId: 1, step: snapshot?.step ?? 0, method: sample!.projection ?? settings.projection, coords, n } : null;
  const status = r.status === 'finished' || r.status === 'error' ? r.status : 'stopped';
  return {
    ...idleRun(run.id, run.spec, run.derivedFrom),
    runId: `imported:${run.id}`,
    settings,
    status,
    backend: r.backend ? { name: r.backend as NonNullable<RunState['backend']>['name'], reason: 'imported from a file', notices: [] } : null,
    ready:
      sample && dataset
        ? { dataset, k: r.k ?? dataset.numClasses, indices: Int32Array.from(sample.indices), labels: sample.labels ? Int32Array.from(sample.labels) : null, pixels: null, allLabels: null }
        : null,
    snapshot,
    history: r.history,
    frame,
    timeline: frame && snapshot ? [{ frameId: 1, step: snapshot.step, phase: snapshot.phase, coords: frame.coords, assignment: snapshot.assignment, confidence: snapshot.confidence }] : [],
    done: status === 'error' ? null : { reason: status === 'finished' ? 'finished' : 'stopped', seconds: r.seconds ?? 0 },
    sharedStart: r.sharedStart,
    warnings: [note],
  };
}

/** Restores a saved comparison; returns why it could not (nothing changes then), or null. */
export function importComparison(text: string): string | null {
  const read = readComparisonJson(text);
  if ('error' in read) return `Could not import the comparison: ${read.error}.`;
  reset();
  loadFromHash(read.doc.link);
  showResults(read.doc, 'Imported from a file: the results as saved (press Train to run it again here).');
  syncHash();
  return null;
}

/** The saved runs' results shown in the current runs, position by position (same method only). */
export function showResults(doc: ComparisonJson, note: string): void {
  const s = store.getState();
  const runs = { ...s.runs };
  s.runOrder.forEach((id, i) => {
    const r = doc.runs[i];
    if (r && r.method === runs[id].spec.method) runs[id] = restored(runs[id], r, doc.dataset, note);
  });
  store.setState({ runs, focusedRunId: s.runOrder[0] });
}
