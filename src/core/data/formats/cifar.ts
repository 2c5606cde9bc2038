/**
 * CIFAR-10 binary batches (cifar-10-binary.tar.gz: data_batch_1.bin … data_batch_5.bin,
 * test_batch.bin) → Dataset.
 *
 * Each record is 3073 bytes: one label byte (0..9), then a 32 × 32 image stored as 1024 red, 1024
 * green and 1024 blue bytes, each plane row-major. Output rows are re-interleaved per pixel as
 * RGBRGB… (height × width × channels, channels last), because that is the layout the thumbnail
 * renderer reads for `image.channels === 3` (src/ui/scatter/Thumbnail.tsx: src[p * 3 + c]).
 * Pixels are scaled by 1/255 to [0, 1]; labels keep their ids with the CIFAR-10 class names.
 *
 * Rejected: no batches, an empty batch, a batch whose size is not a multiple of 3073 (named by its
 * position or given name and size; CIFAR-100's 3074-byte records get their own hint, since
 * that layout has two label bytes), and a label byte above 9. The Python (pickle) version of
 * CIFAR-10 is not read: unpickling is out of scope for a pure parser.
 */
import type { Dataset } from '../dataset';

export const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

const SIDE = 32;
const PLANE = SIDE * SIDE;
const RECORD = 1 + 3 * PLANE;

export interface CifarOptions {
  /** File names of the batches, in the same order, for error messages. */
  batchNames?: string[];
  /** Defaults to 'file:cifar10'. */
  id?: string;
  name?: string;
}

/** Concatenates CIFAR-10 binary batches into one Dataset, in the order given. */
export function datasetFromCifar10(batches: Uint8Array[], opts: CifarOptions = {}): Dataset {
  if (batches.length === 0) throw new Error('No CIFAR-10 batches given — drop one or more of data_batch_1.bin … test_batch.bin');
  const label = (b: number): string =>
    opts.batchNames?.[b] !== undefined ? `CIFAR-10 batch '${opts.batchNames[b]}'` : `CIFAR-10 batch ${b + 1}`;

  let n = 0;
  batches.forEach((bytes, b) => {
    if (bytes.length === 0) throw new Error(`${label(b)} is empty (0 bytes) — the download or copy probably failed`);
    if (bytes.length % RECORD !== 0) {
      const hint =
        bytes.length % (RECORD + 1) === 0
          ? ' — this looks like CIFAR-100 (two label bytes per record), which is not supported'
          : ' — use the binary version (cifar-10-binary.tar.gz), not the Python or MATLAB one';
      throw new Error(`${label(b)} is ${bytes.length} bytes, not a multiple of the ${RECORD}-byte record${hint}`);
    }
    n += bytes.length / RECORD;
  });

  const dim = 3 * PLANE;
  const x = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  let row = 0;
  batches.forEach((bytes, b) => {
    for (let r = 0; r * RECORD < bytes.length; r++, row++) {
      const at = r * RECORD;
      const y = bytes[at];
      if (y > 9) {
        throw new Error(`${label(b)}, record ${r}: label byte ${y}, expected 0..9 — is this really a CIFAR-10 binary batch?`);
      }
      labels[row] = y;
      const out = row * dim;
      // Planar RRR…GGG…BBB… → interleaved RGBRGB…
      for (let p = 0; p < PLANE; p++) {
        for (let c = 0; c < 3; c++) x[out + 3 * p + c] = bytes[at + 1 + c * PLANE + p] / 255;
      }
    }
  });

  return {
    id: opts.id ?? 'file:cifar10',
    name: opts.name ?? 'CIFAR-10',
    n,
    dim,
    x,
    labels,
    classNames: CIFAR10_CLASSES.slice(),
    numClasses: CIFAR10_CLASSES.length,
    image: { width: SIDE, height: SIDE, channels: 3 },
  };
}
