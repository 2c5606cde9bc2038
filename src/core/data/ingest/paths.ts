/**
 * Path helpers for dropped files: one spelling for every path (forward slashes, no leading
 * slash), the OS junk that is skipped without a word, and a deterministic natural sort order.
 */

/** Forward slashes, no leading './' or '/', no empty or '.' segments; '..' is dropped (paths are only labels here). */
export function normalisePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .join('/');
}

/** The last segment of a path: 'shapes/circle/1.png' → '1.png'. */
export function fileNameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** The lower-case extension without the dot ('' when there is none): 'A.PNG' → 'png'. */
export function extensionOf(path: string): string {
  const name = fileNameOf(path);
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i + 1).toLowerCase();
}

/** The path an archive's entries are placed under: 'photos.zip' → 'photos', 'x.tar.gz' → 'x'. */
export function archiveFolder(path: string): string {
  const stripped = path.replace(/\.(zip|tar\.gz|tgz|tar)$/i, '');
  return stripped === '' ? path : stripped;
}

const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'ehthumbs.db', 'desktop.ini', '.directory', 'icon\r']);

/**
 * True for files that operating systems and tools leave next to the real ones (Finder's
 * .DS_Store and __MACOSX/ resource forks, Windows' Thumbs.db, hidden files and folders such as
 * .git/ or .ipynb_checkpoints/): they are never data, so they are skipped without a problem.
 */
export function isJunkPath(path: string): boolean {
  const segments = normalisePath(path).split('/');
  const name = segments[segments.length - 1] ?? '';
  if (JUNK_NAMES.has(name.toLowerCase())) return true;
  return segments.some((s) => s === '__MACOSX' || s.startsWith('.'));
}

const DIGITS = /^\d+$/;
const CHUNKS = /(\d+)/;

/**
 * Natural order ('img2' < 'img10'), independent of the browser's locale so that the same drop
 * gives the same row order everywhere (row order feeds the seeded runs). Digit runs compare by
 * value, then by length ('01' after '1'); everything else by UTF-16 code unit.
 */
export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.split(CHUNKS);
  const pb = b.split(CHUNKS);
  const len = Math.min(pa.length, pb.length);
  for (let i = 0; i < len; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (DIGITS.test(x) && DIGITS.test(y)) {
      const byValue = compareDigitRuns(x, y);
      if (byValue !== 0) return byValue;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : 1;
}

/** Compares two runs of digits by numeric value without Number() (runs may exceed 2^53). */
function compareDigitRuns(x: string, y: string): number {
  const sx = x.replace(/^0+/, '');
  const sy = y.replace(/^0+/, '');
  if (sx.length !== sy.length) return sx.length - sy.length;
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

/** The folder every path lies in ('' when they share none): ['a/b/1.png', 'a/c/2.png'] → 'a'. */
export function sharedFolder(paths: string[]): string {
  if (paths.length === 0) return '';
  const folders = paths.map((p) => p.split('/').slice(0, -1));
  let shared = folders[0].length;
  for (const f of folders) {
    let i = 0;
    while (i < shared && i < f.length && f[i] === folders[0][i]) i++;
    shared = i;
  }
  return folders[0].slice(0, shared).join('/');
}
