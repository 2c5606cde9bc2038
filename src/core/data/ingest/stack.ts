/**
 * Rows of several files of one dataset stacked into one Dataset: MNIST's train and t10k files
 * (70,000 images, as DEC and most clustering papers use), the six CIFAR-10 batches, or
 * train.csv + test.csv. Classes are matched by name, so a part missing a class still lines up.
 */
import type { Dataset } from '../dataset';
import { DEFAULT_K_UNLABELLED } from '../formats';

const sameShape = (a: Dataset['image'], b: Dataset['image']): boolean =>
  a !== undefined && b !== undefined && a.width === b.width && a.height === b.height && a.channels === b.channels;

/**
 * Stacks the parts' rows in order. All parts must have the same dim (throws otherwise). Labels
 * are kept only when every part has them; class ids follow the order in which names first appear in
 * the parts' class lists (so '0'..'9' stay 0..9).
 */
export function stackDatasets(parts: Dataset[], id: string, name: string): Dataset {
  if (parts.length === 0) throw new Error('stackDatasets: no parts');
  const dim = parts[0].dim;
  const odd = parts.find((p) => p.dim !== dim);
  if (odd) throw new Error(`'${odd.name}' has ${odd.dim} values per row but '${parts[0].name}' has ${dim}, so they cannot be combined`);

  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const x = new Float32Array(n * dim);
  let at = 0;
  for (const p of parts) {
    x.set(p.x.subarray(0, p.n * dim), at * dim);
    at += p.n;
  }
  const image = parts.every((p) => sameShape(p.image, parts[0].image)) ? parts[0].image : undefined;
  // Without labels k is a guess; more clusters than rows would leave some empty.
  const base: Dataset = { id, name, n, dim, x, numClasses: Math.min(DEFAULT_K_UNLABELLED, n), ...(image ? { image } : {}) };
  if (!parts.every((p) => p.labels)) return base;

  const classNames: string[] = [];
  const idOf = new Map<string, number>();
  const labels = new Int32Array(n);
  at = 0;
  for (const p of parts) {
    const names = p.classNames ?? [];
    const remap = Array.from({ length: Math.max(p.numClasses, names.length) }, (_, c) => {
      const className = names[c] ?? String(c);
      let id = idOf.get(className);
      if (id === undefined) {
        id = classNames.length;
        idOf.set(className, id);
        classNames.push(className);
      }
      return id;
    });
    const own = p.labels as Int32Array;
    for (let i = 0; i < p.n; i++) labels[at + i] = remap[own[i]];
    at += p.n;
  }
  return { ...base, labels, classNames, numClasses: classNames.length };
}
