/** A small fake catalog for the state tests: two methods with every kind of ParamSpec. */
import type { Method, Params } from '../core/methods/types';
import type { Catalog } from './params';

const notCreatable = (): never => {
  throw new Error('test method: not creatable');
};

export const FAKE_DEC: Method = {
  id: 'dec',
  name: 'DEC',
  family: 'pseudo-label',
  paper: 'Xie et al., ICML 2016',
  summary: 'test',
  card: { equation: '-', steps: ['-', '-', '-'], failureMode: '-' },
  params: [
    { key: 'alpha', label: 'Alpha', help: 'Student-t dof.', kind: 'float', default: 1, min: 0.01, max: 100 },
    { key: 'pretrainEpochs', label: 'Pretrain epochs', help: 'Epochs.', kind: 'int', default: 50, min: 0, max: 500 },
    { key: 'lr', label: 'Learning rate', help: 'Adam step.', kind: 'float', default: 0.001, min: 1e-8, max: 1, log: true },
    { key: 'encoder', label: 'Encoder', help: 'Architecture.', kind: 'enum', default: 'mlp', options: ['mlp', 'cnn'] },
    { key: 'idec', label: 'IDEC', help: 'Keep the decoder.', kind: 'bool', default: false },
  ],
  presets: { quick: { pretrainEpochs: 5 }, paper: { pretrainEpochs: 200 } },
  create: notCreatable,
};

export const FAKE_KMEANS: Method = {
  id: 'kmeans',
  name: 'k-means',
  family: 'baseline',
  paper: 'Lloyd 1982',
  summary: 'test',
  card: { equation: '-', steps: ['-', '-', '-'], failureMode: '-' },
  params: [{ key: 'restarts', label: 'Restarts', help: 'n_init.', kind: 'int', default: 10, min: 1, max: 100 }],
  create: notCreatable,
};

export const FAKE_CATALOG: Catalog = {
  datasets: [
    { id: 'mnist-10k', name: 'MNIST (10k)', numClasses: 10 },
    { id: 'blobs', name: 'Blobs', numClasses: 5 },
  ],
  methods: [FAKE_DEC, FAKE_KMEANS],
  effective: (method, budget, overrides): Params => {
    const p: Params = {};
    for (const s of method.params) p[s.key] = s.default;
    return { ...p, ...(method.presets?.[budget] ?? {}), ...overrides };
  },
};
