/**
 * A sample image as a button: the gallery's thumbnails and the detail's neighbours. Keyboard
 * reachable, with a label naming the point, since a canvas alone says nothing to a screen reader.
 */
import type { ReadyInfo } from '../../state/run';
import { Thumbnail } from '../scatter/Thumbnail';

interface Props {
  ready: ReadyInfo;
  /** Position in the sample. */
  index: number;
  label: string;
  onSelect: (index: number) => void;
  className?: string;
  /** Shown under the image (e.g. a distance). */
  caption?: string;
  /** Tooltip; defaults to the label. */
  title?: string;
  testId?: string;
  flagged?: boolean;
  /** The point the detail shows now. */
  current?: boolean;
}

export function ThumbButton({ ready, index, label, onSelect, className, caption, title, testId, flagged, current }: Props) {
  return (
    <button
      type="button"
      className={['thumb-button', flagged ? 'flagged' : '', current ? 'current' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-label={label}
      title={title ?? label}
      aria-current={current ? 'true' : undefined}
      data-testid={testId}
      data-index={index}
      data-flagged={flagged ? 'true' : undefined}
      onClick={() => onSelect(index)}
    >
      <Thumbnail ready={ready} index={index} className="thumb" />
      {caption !== undefined && <span className="thumb-caption">{caption}</span>}
    </button>
  );
}
