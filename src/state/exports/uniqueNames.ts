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

/**
 * Characters no file system accepts, control characters, and the bidirectional controls that
 * make a name read differently from what it is ('cat\u202Egnp.exe' shows as 'catexe.png').
 */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Device names Windows reserves in every folder, whatever the extension or case ('CON.png', 'nul.tar.gz'). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *(\.|$)/i;
/** File systems allow 255 bytes a name; this leaves room for '-2' and '.png'. */
const MAX_NAME_BYTES = 200;
const utf8 = new TextEncoder();

/** `name` cut to at most `max` UTF-8 bytes, keeping a short extension and whole characters. */
function fitBytes(name: string, max: number): string {
  if (utf8.encode(name).length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let room = max - utf8.encode(ext).length;
  let stem = '';
  for (const ch of name.slice(0, name.length - ext.length)) {
    room -= utf8.encode(ch).length;
    if (room < 0) break;
    stem += ch;
  }
  return stem.replace(/[. ]+$/, '') + ext;
}

/**
 * The last path segment, safe to extract on Windows, macOS and Linux: unsafe characters become
 * `_`, leading dots `_` (no hidden files), trailing dots and spaces are dropped (Windows drops
 * them itself, so two names could meet), reserved device names get a leading `_`, and long
 * names are cut to 200 bytes.
 */
export function safeBaseName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  let clean = base.replace(UNSAFE, '_').replace(/^\.+/, '_').replace(/[. ]+$/, '');
  if (RESERVED.test(clean)) clean = `_${clean}`;
  return fitBytes(clean, MAX_NAME_BYTES) || 'image';
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** The name a re-encoded PNG takes: `cat.jpg` → `cat.png`, `train.idx#12` → `train.idx#12.png`. */
export function asPngName(name: string): string {
  return `${name.replace(IMAGE_EXT, '')}.png`;
}
