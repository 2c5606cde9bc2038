import { describe, expect, it } from 'vitest';
import { phaseNote } from './phaseNotes';

describe('phaseNote', () => {
  it('says what the shared phases do', () => {
    expect(phaseNote('dec', 'pretrain')).toMatch(/^Pretrain/);
    expect(phaseNote('dcn', 'init')).toMatch(/^Initialise centres/);
    expect(phaseNote('dec-mnet', 'mnet')).toMatch(/^MNet pairs/);
  });

  it('gives a method its own line where the phase id means something else', () => {
    expect(phaseNote('dec', 'cluster')).toMatch(/^Self-train/);
    expect(phaseNote('dcn', 'cluster')).toMatch(/^Structure/);
    expect(phaseNote('dcn-mnet', 'cluster')).toMatch(/^Structure/);
    expect(phaseNote('vade', 'init')).toMatch(/mixture/);
    expect(phaseNote('simclr', 'kmeans')).toMatch(/SimCLR features/);
  });

  it('says when DEC refreshes its target next', () => {
    expect(phaseNote('dec', 'cluster', { step: 150, updateInterval: 100 })).toContain('Refresh the target P every 100 steps (next at step 200)');
    expect(phaseNote('idec', 'cluster', { step: 0, updateInterval: 280 })).toContain('next at step 280');
    expect(phaseNote('dcn', 'cluster', { step: 150, updateInterval: 100 })).not.toContain('Refresh');
  });

  it('has a line for every phase id the methods declare', () => {
    // The ids of types.ts' Phase.id across the methods; 'cluster' differs by method.
    for (const id of ['pretrain', 'init', 'kmeans', 'vade', 'deepcluster', 'final', 'phase1', 'mnet', 'pretext', 'mine', 'scan', 'selflabel']) expect(phaseNote('any', id), id).not.toBeNull();
    for (const m of ['dec', 'idec', 'dcn', 'dkm', 'dec-mnet', 'dkm-mnet']) expect(phaseNote(m, 'cluster'), m).not.toBeNull();
  });

  it('is null for a phase it does not know', () => {
    expect(phaseNote('dec', 'unknown-phase')).toBeNull();
  });
});
