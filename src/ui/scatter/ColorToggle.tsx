/** Colour points by cluster, label, confidence or correctness: native radios (arrow keys work), key 'c' cycles. */
import { setColorBy } from '../../state/actions';
import { hasLabels, useStore, type ColorBy } from '../../state/store';

export const COLOR_CHOICES: { value: ColorBy; label: string; title: string }[] = [
  { value: 'cluster', label: 'Cluster', title: 'Predicted cluster' },
  { value: 'label', label: 'True label', title: 'True label' },
  { value: 'confidence', label: 'Confidence', title: 'Confidence (max soft assignment)' },
  { value: 'correct', label: 'Correct', title: 'Correct after Hungarian matching' },
  { value: 'disagree', label: 'Disagree', title: 'Whether a point is clustered as in the focused run (clusters matched), to see where two priors differ' },
];

const NEEDS_LABELS: readonly ColorBy[] = ['label', 'correct'];

/** 'Disagree' compares runs: offered only when there are several; the true labels only when there are some. */
export function colorChoices(runs: number, labelled = true): typeof COLOR_CHOICES {
  return COLOR_CHOICES.filter((c) => (runs > 1 || c.value !== 'disagree') && (labelled || !NEEDS_LABELS.includes(c.value)));
}

export function nextColorBy(c: ColorBy, runs: number, labelled = true): ColorBy {
  const choices = colorChoices(runs, labelled);
  const i = choices.findIndex((x) => x.value === c);
  return choices[(i + 1) % choices.length].value;
}

export function ColorToggle() {
  const colorBy = useStore((s) => s.colorBy);
  const runs = useStore((s) => s.runOrder.length);
  const labelled = useStore(hasLabels);
  return (
    <fieldset className="segmented" data-testid="color-toggle" data-value={colorBy} title="Colour points by (key: c)">
      <legend className="visually-hidden">Colour points by</legend>
      {colorChoices(runs, labelled).map((c) => (
        <label key={c.value} className={colorBy === c.value ? 'on' : ''} title={c.title}>
          <input
            type="radio"
            name="color-by"
            value={c.value}
            data-testid={`color-${c.value}`}
            checked={colorBy === c.value}
            onChange={() => setColorBy(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
