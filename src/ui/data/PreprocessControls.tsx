/** The preprocessing of dropped images, visible and changeable; a change decodes the drop again. */
import type { PreprocessOptions } from '../../core/data/ingest/types';
import { setPreprocess } from '../../state/dataActions';
import { useStore } from '../../state/store';

interface Choice<K extends keyof PreprocessOptions> {
  key: K;
  label: string;
  help: string;
  options: { value: PreprocessOptions[K]; label: string }[];
}

const CHOICES = [
  { key: 'size', label: 'Size', help: 'Every image is resized to this square (pixels per side).', options: ([28, 32, 64] as const).map((v) => ({ value: v, label: `${v} × ${v}` })) },
  {
    key: 'color',
    label: 'Colour',
    help: 'Grey keeps one channel (smaller, faster); colour keeps red, green and blue.',
    options: [
      { value: 'gray', label: 'grey' },
      { value: 'rgb', label: 'colour' },
    ],
  },
  {
    key: 'fit',
    label: 'Fit',
    help: 'Letterbox keeps the whole image and pads it with black; crop fills the square with its centre.',
    options: [
      { value: 'letterbox', label: 'letterbox' },
      { value: 'crop', label: 'centre crop' },
    ],
  },
  {
    key: 'normalize',
    label: 'Normalise',
    help: '0–1 divides by 255; stretch maps each image’s darkest..brightest pixel to 0..1 (evens out exposure).',
    options: [
      { value: 'unit', label: '0–1' },
      { value: 'stretch', label: 'stretch contrast' },
    ],
  },
] as const satisfies readonly Choice<keyof PreprocessOptions>[];

export function PreprocessControls({ disabled }: { disabled: boolean }) {
  const pre = useStore((s) => s.userData.preprocess);
  return (
    <fieldset className="preprocess" disabled={disabled}>
      <legend>Preprocessing of images</legend>
      {CHOICES.map((c) => (
        <label key={c.key} className="field" title={c.help}>
          <span>{c.label}</span>
          <select
            value={String(pre[c.key])}
            data-testid={`preprocess-${c.key}`}
            onChange={(e) => {
              const opt = c.options.find((o) => String(o.value) === e.target.value);
              if (opt) setPreprocess({ [c.key]: opt.value } as Partial<PreprocessOptions>);
            }}
          >
            {c.options.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
