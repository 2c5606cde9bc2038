// IIC and CC on MNIST-10k through the app's session (WASM, Node): ACC over training, to choose the
// quick presets. `METHOD=iic PARAMS='{"epochs":10}' EVERY=500 npx vitest run -c scripts/experiments/vitest.config.ts augmentation`
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { findMethod } from '../../src/core/methods';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';
import { drive } from './drive';

it('augmentation method on MNIST-10k', async () => {
  const id = process.env.METHOD ?? 'iic';
  const params = JSON.parse(process.env.PARAMS ?? '{}');
  const n = Number(process.env.N ?? 10000);
  const full = await loadDataset('mnist-10k', nodeDataIO, 0);
  const dataset = n < full.n ? { ...full, id: `mnist-${n}`, n, x: full.x.slice(0, n * full.dim), labels: full.labels!.slice(0, n) } : full;
  const seed = Number(process.env.SEED ?? 0);
  console.log(`${id} seed ${seed} n ${n} ${JSON.stringify(params)}`);
  await drive({ dataset, method: findMethod(id)!, seed, params, every: Number(process.env.EVERY ?? 0), report: (line) => console.log(line) });
});
