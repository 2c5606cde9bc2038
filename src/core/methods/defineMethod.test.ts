// Parameters typed from their specs (defineMethod, types.ts). Most of this file is checked by the
// compiler, not at run time: `npx tsc --noEmit -p .` fails if an `expectTypeOf` does not hold, or
// if a line marked @ts-expect-error compiles (a misspelt key or a wrong value type that slipped
// through). The run-time assertions check what the helpers do to the spec lists.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AE_PARAMS, encoderDims } from './autoencoderPhases';
import { dcss } from './dcss';
import { dec, idec } from './dec';
import { deepCluster } from './deepCluster';
import { dkm } from './dkm';
import { MNET_PRESETS } from './mnetPhase';
import { defineMethod, omitParams, type MethodContext, type MethodParams, type MethodRun, type ParamSpec, type PresetsOf } from './types';
import { vade } from './vade';

const SPECS = [
  { key: 'epochs', label: 'Epochs', help: 'Passes over the data.', kind: 'int', default: 10, min: 1 },
  { key: 'lr', label: 'Learning rate', help: 'Step size.', kind: 'float', default: 0.01, log: true },
  { key: 'optimizer', label: 'Optimiser', help: 'Which optimiser.', kind: 'enum', default: 'sgd', options: ['sgd', 'adam'] },
  { key: 'whiten', label: 'Whiten', help: 'Whiten the features.', kind: 'bool', default: true },
] as const satisfies readonly ParamSpec[];

const CARD = { equation: 'L', steps: ['a', 'b', 'c'], failureMode: 'none' } as const;
const NO_RUN: MethodRun = { phases: [], embed: (x) => x, assign: () => null, dispose: () => {} };

/** A method on SPECS whose presets and create are given by the caller. */
function toy(presets: PresetsOf<typeof SPECS>, create: (ctx: MethodContext<MethodParams<typeof plain>>) => MethodRun = () => NO_RUN) {
  return defineMethod({ id: 'toy', name: 'Toy', family: 'baseline', paper: '-', summary: '-', card: CARD, params: SPECS, presets, create });
}
const plain = defineMethod({ id: 'toy', name: 'Toy', family: 'baseline', paper: '-', summary: '-', card: CARD, params: SPECS, create: () => NO_RUN });

describe('defineMethod', () => {
  it('types each parameter from its spec: numbers, booleans, the enum as the union of its options', () => {
    type P = MethodParams<typeof plain>;
    expectTypeOf<P>().toEqualTypeOf<{ epochs: number; lr: number; optimizer: 'sgd' | 'adam'; whiten: boolean }>();
    expectTypeOf<MethodParams<typeof dec>['clusterOptimizer']>().toEqualTypeOf<'sgd' | 'adam'>();
    expectTypeOf<MethodParams<typeof idec>>().toEqualTypeOf<MethodParams<typeof dec>>();
    expectTypeOf<MethodParams<typeof dec>['arch']>().toEqualTypeOf<'paper' | 'small'>();
    expectTypeOf<MethodParams<typeof dkm>['alphaSchedule']>().toEqualTypeOf<'annealed' | 'constant'>();
    expectTypeOf<MethodParams<typeof vade>['likelihood']>().toEqualTypeOf<'auto' | 'bernoulli' | 'gaussian'>();
    expectTypeOf<MethodParams<typeof dcss>['mnetLoss']>().toEqualTypeOf<'bce' | 'linear'>();
    expectTypeOf<MethodParams<typeof dcss>['mnetTrainEncoder']>().toEqualTypeOf<boolean>();
    expect(plain.params).toBe(SPECS);
  });

  it('rejects a misspelt key or a wrong value type in a preset', () => {
    const seen: unknown[] = [];
    const ok = toy({ quick: { epochs: 2, optimizer: 'adam', whiten: false } });
    expectTypeOf(ok.presets?.quick?.optimizer).toEqualTypeOf<'sgd' | 'adam' | undefined>();
    // @ts-expect-error misspelt key
    toy({ quick: { epoch: 2 } });
    // @ts-expect-error a string for an int
    toy({ paper: { epochs: '2' } });
    // @ts-expect-error not one of the enum's options
    toy({ quick: { optimizer: 'rmsprop' } });
    // @ts-expect-error a number for a bool
    toy({ quick: { whiten: 1 } });
    // @ts-expect-error no such budget
    toy({ fast: { epochs: 2 } });
    // Specs written in place, as most methods do: the same checks.
    defineMethod({
      ...{ id: 'inline', name: 'Inline', family: 'baseline', paper: '-', summary: '-', card: CARD },
      params: [{ key: 'steps', label: 'Steps', help: 'Gradient steps.', kind: 'int', default: 5 }],
      presets: {
        // @ts-expect-error misspelt key
        quick: { step: 3 },
        // @ts-expect-error a boolean for an int
        paper: { steps: true },
      },
      create: (ctx) => {
        // @ts-expect-error misspelt key
        seen.push(ctx.params.step);
        return NO_RUN;
      },
    });
    // The shared presets are checked against their specs too.
    expectTypeOf(MNET_PRESETS.quick.t2).toEqualTypeOf<10>();
    // @ts-expect-error misspelt key in a real method's preset type
    const bad: typeof dec.presets = { quick: { maxIterr: 3000 } };
    expect(ok.presets?.quick).toEqual({ epochs: 2, optimizer: 'adam', whiten: false });
    expect(bad).toBeDefined();
    expect(seen).toEqual([]);
  });

  it("rejects a misspelt key or a wrong value type in create's parameters", () => {
    const seen: unknown[] = [];
    toy({}, (ctx) => {
      const epochs: number = ctx.params.epochs;
      const optimizer: 'sgd' | 'adam' = ctx.params.optimizer;
      // @ts-expect-error misspelt key
      seen.push(ctx.params.epoch);
      // @ts-expect-error an int is not a string
      const asText: string = ctx.params.epochs;
      // @ts-expect-error a bool is not a number
      const asNumber: number = ctx.params.whiten;
      // @ts-expect-error the enum's options only
      const other: 'rmsprop' = ctx.params.optimizer;
      seen.push(epochs, optimizer, asText, asNumber, other);
      return NO_RUN;
    });
    // A helper that needs parameters a context lacks is a compile error.
    const needsArch = (ctx: MethodContext<MethodParams<typeof plain>>) =>
      // @ts-expect-error SPECS have no 'arch'
      encoderDims(ctx);
    expect(typeof needsArch).toBe('function');
    expect(seen).toEqual([]); // create was declared, never called
  });

  it('omitParams drops the keys from the list and from the type', () => {
    const kept = omitParams(AE_PARAMS, 'kmeansInit');
    expect(kept.map((s) => s.key)).toEqual(['arch', 'pretrainEpochs', 'pretrainLr', 'batchSize']);
    expectTypeOf<MethodParams<typeof deepCluster>>().not.toHaveProperty('kmeansInit');
    expectTypeOf<MethodParams<typeof deepCluster>>().toHaveProperty('whiten').toEqualTypeOf<boolean>();
    // @ts-expect-error not a key of the list
    omitParams(AE_PARAMS, 'kmeansInitt');
  });
});
