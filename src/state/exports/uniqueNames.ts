/**
 * Collision-safe file names inside an archive: a second `a.png` in the same folder becomes
 * `a-2.png`, a third `a-3.png`. Compared case-insensitively, because Windows and macOS file
 * systems would overwrite `A.png` with `a.png` on extraction.
 */

function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

export type NameClaimer = (folder: string, name: string) => string;

/** Returns a function that hands out each `folder/name` at most once. */
export function createNameClaimer(): NameClaimer {
  const taken = new Set<string>();
  return (folder, name) => {
    const [stem, ext] = splitExtension(name);
    let candidate = name;
    for (let copy = 2; taken.has(`${folder}/${candidate}`.toLowerCase()); copy++) candidate = `${stem}-${copy}${ext}`;
    taken.add(`${folder}/${candidate}`.toLowerCase());
    return candidate;
  };
}

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** The last path segment, with characters that no file system accepts replaced by `_`. */
export function safeBaseName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE, '_').replace(/^\.+/, '_');
  return clean || 'image';
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** The name a re-encoded PNG takes: `cat.jpg` → `cat.png`, `train.idx#12` → `train.idx#12.png`. */
export function asPngName(name: string): string {
  return `${name.replace(IMAGE_EXT, '')}.png`;
}
