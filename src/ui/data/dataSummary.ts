/** The loaded data in one line, its names shortened as everywhere (shownText.ts). */
import { shortText } from '../../core/data/ingest/text';
import type { UserDataState } from '../../state/userData';
import { SHOWN, shownLabel } from '../shownText';

export function dataSummary(u: Pick<UserDataState, 'info'>): string | null {
  const d = u.info;
  if (!d) return null;
  const count = d.n.toLocaleString('en');
  const what = d.image
    ? `${count} images, ${d.image.width} × ${d.image.height} ${d.image.channels === 1 ? 'grey' : 'colour'}`
    : `${count} rows × ${d.dim} features`;
  const names = d.classNames?.slice(0, 6).map(shownLabel);
  const labels = d.classNames ? `${d.classNames.length} classes (${names?.join(', ')}${d.classNames.length > 6 ? ', …' : ''})` : 'no labels';
  return `${shortText(d.name, SHOWN.name)}: ${what}, ${labels}`;
}
