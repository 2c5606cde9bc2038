/** Colour by predicted cluster or by true label: a native radio pair (arrow keys work), key 'c'. */
import { setColorBy } from '../../state/actions';
import { useStore, type ColorBy } from '../../state/store';

const CHOICES: { value: ColorBy; label: string }[] = [
  { value: 'cluster', label: 'Cluster' },
  { value: 'label', label: 'True label' },
];

export function ColorToggle() {
  const colorBy = useStore((s) => s.colorBy);
  return (
    <fieldset className="segmented" data-testid="color-toggle" data-value={colorBy} title="Colour points by (key: c)">
      <legend className="visually-hidden">Colour points by</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className={colorBy === c.value ? 'on' : ''}>
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
