/** What the UI says about a run's shared start (its pretraining, trained once or cached). */
import type { ProgressInfo, SharedStartInfo } from '../../state/run';

export function sharedStartText(info: SharedStartInfo | null): string | null {
  if (!info) return null;
  if (info.cached) return 'starts from the shared pretraining (cached)';
  if (info.sharedBy > 1) return `starts from the shared pretraining (trained once for ${info.sharedBy} runs in ${info.seconds.toFixed(0)} s)`;
  return null;
}

const fmtInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The phase label, saying when its work is shared with other runs, or how far its long one-off work is. */
export function phaseText(p: ProgressInfo): string {
  if (p.work) return `${p.phaseLabel} — ${p.work.label} ${fmtInt.format(p.work.done)} / ${fmtInt.format(p.work.total)}`;
  return p.sharedBy ? `${p.phaseLabel} — shared by ${p.sharedBy} runs` : p.phaseLabel;
}
