/** Colour points by cluster, label, confidence or correctness: native radios (arrow keys work), key 'c' cycles. */
import { setColorBy } from '../../state/actions';
import { useStore, type ColorBy } from '../../state/store';

export const COLOR_CHOICES: { value: ColorBy; label: string; title: string }[] = [
  { value: 'cluster', label: 'Cluster', title: 'Predicted cluster' },
  { value: 'label', label: 'True label', title: 'True label' },
  { value: 'confidence', label: 'Confidence', title: 'Confidence (max soft assignment)' },
  { value: 'correct', label: 'Correct', title: 'Correct after Hungarian matching' },
];

export function nextColorBy(c: ColorBy): ColorBy {
  const i = COLOR_CHOICES.findIndex((x) => x.value === c);
  return COLOR_CHOICES[(i + 1) % COLOR_CHOICES.length].value;
}

export function ColorToggle() {
  const colorBy = useStore((s) => s.colorBy);
  return (
    <fieldset className="segmented" data-testid="color-toggle" data-value={colorBy} title="Colour points by (key: c)">
      <legend className="visually-hidden">Colour points by</legend>
      {COLOR_CHOICES.map((c) => (
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
