/**
 * The augmentation-invariance prior made visible: a grid of images of the current data, each with
 * the weak and the strong view the methods train on. Opened on demand; the views are drawn in the
 * training worker (never on the main thread), and "New draw" asks for other rows and views.
 */
import { useEffect, useState } from 'react';
import type { AugmentedPairs } from '../../core/augment/augmentedPairs';
import { fetchAugmentPairs } from '../../state/augmentPairs';
import { useStore } from '../../state/store';
import { PixelsCanvas } from '../data/PixelsCanvas';
import { describeAugment } from './augmentLegend';

type Shown = { status: 'loading' } | { status: 'ready'; pairs: AugmentedPairs } | { status: 'none'; message: string };

export function AugmentPairsPanel() {
  const [open, setOpen] = useState(false);
  const seed = useStore((s) => s.settings.seed);
  const [draws, setDraws] = useState(0);
  const dataset = useStore((s) => s.settings.dataset);
  const userData = useStore((s) => s.userData.info);
  const [shown, setShown] = useState<Shown>({ status: 'loading' });

  useEffect(() => {
    if (!open) return;
    let live = true;
    setShown((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    void fetchAugmentPairs(seed + draws).then((ev) => {
      if (!live) return;
      setShown(ev.pairs ? { status: 'ready', pairs: ev.pairs } : { status: 'none', message: ev.message });
    });
    return () => {
      live = false;
    };
  }, [open, seed, draws, dataset, userData]);

  return (
    <details className="panel augment-pairs" data-testid="augment-pairs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Augmented pairs: two views of one image</summary>
      {open && (
        <>
          <p className="small">
            The augmentation-invariance prior: <strong>two views of one image belong together</strong>. IMSAT, IIC, CC, SimCLR and SCAN train a network
            to give both views of an image the same cluster (or nearby features), so it must ignore what the augmentations change — position, angle,
            contrast, missing patches — and keep what makes the class.
          </p>
          <button type="button" data-testid="augment-new-draw" onClick={() => setDraws((d) => d + 1)} disabled={shown.status === 'loading'}>
            New draw
          </button>
          {shown.status === 'none' && (
            <p className="small muted" data-testid="augment-message">
              {shown.message}
            </p>
          )}
          {shown.status === 'loading' && <p className="small muted">Drawing views in the training worker…</p>}
          {shown.status === 'ready' && <PairsGrid pairs={shown.pairs} />}
        </>
      )}
    </details>
  );
}

function PairsGrid({ pairs }: { pairs: AugmentedPairs }) {
  const { image, rows, labels } = pairs;
  const d = image.width * image.height * image.channels;
  const views = [
    { key: 'original', name: 'original', pixels: pairs.original },
    { key: 'weak', name: 'weak view', pixels: pairs.weak },
    { key: 'strong', name: 'strong view', pixels: pairs.strong },
  ] as const;
  return (
    <>
      <p className="small muted">Each image: the original, then its weak view, then its strong view.</p>
      <ul className="augment-grid" data-testid="augment-grid">
        {Array.from(rows, (row, i) => (
          <li key={`${row}-${i}`} className="augment-pair">
            {views.map((v) => (
              <PixelsCanvas key={v.key} pixels={v.pixels.subarray(i * d, (i + 1) * d)} shape={image} className="augment-image" title={`row ${row}: ${v.name}`} />
            ))}
            <span className="small muted">{labels ? `row ${row}, class ${labels[i]}` : `row ${row}`}</span>
          </li>
        ))}
      </ul>
      <dl className="augment-legend small">
        <dt>Weak ({pairs.presets.weak})</dt>
        <dd>{describeAugment(pairs.specs.weak)}</dd>
        <dt>Strong ({pairs.presets.strong})</dt>
        <dd>{describeAugment(pairs.specs.strong)}</dd>
      </dl>
    </>
  );
}
