import { afterEach, describe, expect, it } from 'vitest';
import { FINAL_ALL, fixtureReady, fixtureSnapshot, noPause } from '../../state/exports/testFixtures';
import { joinSettings } from '../../state/params';
import { IDLE_RUN, type RunState } from '../../state/run';
import { store } from '../../state/store';
import { IDLE_USER_DATA } from '../../state/userData';
import { exportCsv, exportJson, exportSvg, type ExportContext } from './exportJobs';

const initial = store.getState();
afterEach(() => store.setState(initial, true));

function stateWith(over: Partial<RunState>, userPaths: string[] | null = null): ExportContext {
  const s = store.getState();
  return {
    run: { ...IDLE_RUN, status: 'finished', ready: fixtureReady(), snapshot: fixtureSnapshot(), ...over },
    settings: joinSettings({ ...s.settings, seed: 5 }, { method: 'dec', budget: 'quick', k: null, params: {} }),
    userData: { ...IDLE_USER_DATA, paths: userPaths },
  };
}

const frame = { frameId: 1, step: 42, method: 'pca' as const, coords: Float32Array.from([1, 2, 3, 4, 5, 6]), n: 3 };

describe('export jobs', () => {
  it('CSV: names the file after dataset, method and seed, and uses the frame coordinates', async () => {
    const file = await exportCsv(stateWith({ frame }), { pause: noPause });
    expect(file.fileName).toBe('priorscope-toy-dec-seed5.csv');
    const lines = (await file.blob.text()).split('\r\n');
    expect(lines[0]).toBe('file,cluster,confidence,x_sample,y_sample,label');
    expect(lines[1]).toBe('toy#4,2,0.9000,1.0000,2.0000,zéro');
    expect(file.note).toMatch(/sample only/);
  });

  it('CSV: every row and the dropped files’ paths once the run has finished on dropped data', async () => {
    const paths = ['a.png', 'b.png', 'c.png', 'd.png', 'e.png', 'f.png'];
    const ready = fixtureReady();
    const s = stateWith({ frame, ready: { ...ready, dataset: { ...ready.dataset, id: 'user' } }, snapshot: fixtureSnapshot({ all: FINAL_ALL }) }, paths);
    const file = await exportCsv(s, { pause: noPause });
    const lines = (await file.blob.text()).trim().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(paths);
    expect(file.note).toBeUndefined();
  });

  it('JSON: the run, parseable, with the settings it was made with', async () => {
    const file = await exportJson(stateWith({ done: { reason: 'finished', seconds: 3 } }));
    const j = JSON.parse(await file.blob.text());
    expect(file.fileName).toBe('priorscope-toy-dec-seed5.json');
    expect(j.settings.seed).toBe(5);
    expect(j.seconds).toBe(3);
    expect(j.clusterSizes).toEqual({ scope: 'sample', sizes: [1, 1, 1] });
  });

  it('SVG: one circle per sample point; refuses without a frame', async () => {
    const file = await exportSvg(stateWith({ frame }), { pause: noPause });
    expect((await file.blob.text()).match(/<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+"\/>/g)).toHaveLength(3);
    await expect(exportSvg(stateWith({}), { pause: noPause })).rejects.toThrow(/no points/);
  });

  it('refuses while there are no clusters', async () => {
    await expect(exportCsv(stateWith({ snapshot: fixtureSnapshot({ assignment: null }) }), { pause: noPause })).rejects.toThrow(/nothing to export/);
  });
});
