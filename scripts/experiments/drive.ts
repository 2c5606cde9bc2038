/**
 * For experiment scripts: one run through the app's own session, stepped by hand, reporting the
 * scores at every phase end and about every `every` steps (a slice is ~30 ms of steps, so the
 * reports land on the first slice past each multiple). With `cache`, finished pretrainings are
 * kept as files, so several methods and settings can be traced from one pretraining.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/core/data/dataset';
import { createSession, type Session } from '../../src/core/engine/session';
import { createSharedStarts, type SharedStarts, type WeightStore } from '../../src/core/engine/sharedStarts';
import type { Snapshot } from '../../src/core/engine/types';
import type { Budget, Method, Params } from '../../src/core/methods/types';

export interface DriveOptions {
  dataset: Dataset;
  method: Method;
  seed: number;
  budget?: Budget;
  params?: Params;
  k?: number;
  /** Report about every this many steps too (0: phase ends only). */
  every?: number;
  sharedStarts?: SharedStarts;
  report(line: string, snapshot: Snapshot | null): void;
}

/** Pretrainings kept as one binary file each under `dir`, named by a hash of their key. */
export function fileWeightStore(dir: string): WeightStore {
  const file = (key: string): string => join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 24)}.f32`);
  return {
    async get(key) {
      if (!existsSync(file(key))) return null;
      const bytes = readFileSync(file(key));
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const count = view.getUint32(0, true);
      const out: Float32Array[] = [];
      let at = 4 + 4 * count;
      for (let i = 0; i < count; i++) {
        const len = view.getUint32(4 + 4 * i, true);
        out.push(new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * len)));
        at += 4 * len;
      }
      return out;
    },
    async put(key, weights) {
      mkdirSync(dir, { recursive: true });
      const head = new Uint32Array([weights.length, ...weights.map((w) => w.length)]);
      writeFileSync(file(key), Buffer.concat([Buffer.from(head.buffer), ...weights.map((w) => Buffer.from(w.buffer, w.byteOffset, w.byteLength))]));
    },
  };
}

export function scoreText(s: Snapshot | null): string {
  const m = s?.metrics;
  if (!m) return 'no clusters yet';
  const losses = Object.entries(s!.losses).map(([k, v]) => `${k} ${v.toPrecision(4)}`).join(' ');
  return `ACC ${m.acc.toFixed(3)} NMI ${m.nmi.toFixed(3)} ARI ${m.ari.toFixed(3)}${losses ? ` | ${losses}` : ''}`;
}

/** Runs to the end; returns the final snapshot (null when the run failed). */
export async function drive(o: DriveOptions): Promise<Snapshot | null> {
  const t0 = performance.now();
  const at = (): string => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  let final: Snapshot | null = null;
  let failure: string | null = null;
  const session: Session = createSession({
    runId: 'experiment',
    config: {
      dataset: o.dataset.id,
      method: o.method.id,
      seed: o.seed,
      backend: 'wasm',
      budget: o.budget ?? 'quick',
      k: o.k ?? null,
      params: o.params ?? {},
      retention: 1,
      sampleSize: 1000,
      // Only the phase-end snapshots (and the ones asked for below).
      snapshotEveryMs: 1e12,
    },
    dataset: o.dataset,
    method: o.method,
    sharedStarts: o.sharedStarts ?? createSharedStarts(),
    emit: (e) => {
      if (e.type === 'snapshot') o.report(`  end of ${e.snapshot.phase} (step ${e.snapshot.step}, ${at()}): ${scoreText(e.snapshot)}`, e.snapshot);
      else if (e.type === 'shared-start') o.report(`  pretraining ${e.cached ? 'from the cache' : `trained in ${e.seconds.toFixed(0)} s`}`, null);
      else if (e.type === 'warning') o.report(`  warning: ${e.message}`, null);
      else if (e.type === 'error') failure = e.message;
      else if (e.type === 'done') final = e.final;
    },
  });
  let next = o.every ?? 0;
  while (session.status === 'running' || session.status === 'waiting') {
    await session.step();
    const { phase, globalStep } = session.position;
    if (o.every && globalStep >= next && session.status === 'running') {
      next = globalStep + o.every;
      const snap = await session.snapshot();
      o.report(`  ${phase} step ${globalStep} (${at()}): ${scoreText(snap)}`, snap);
    }
  }
  if (failure) throw new Error(failure);
  o.report(`  done in ${at()}: ${scoreText(final)}`, final);
  return final;
}
