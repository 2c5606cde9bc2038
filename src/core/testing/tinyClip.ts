/**
 * The tiny CLIP-like model folder (scripts/make-tiny-clip.py) for tests, read into Blobs as the
 * app reads a folder the user chose. Written once per test process into a temporary directory.
 * Needs Debian's python3-onnx (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../../scripts/make-tiny-clip.py', import.meta.url));
/** Debian's interpreter, where python3-onnx lives (a pyenv python3 earlier on PATH lacks it). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let folder: string | null = null;

export function tinyClipFolder(): string {
  if (folder) return folder;
  const dir = mkdtempSync(join(tmpdir(), 'tiny-clip-'));
  try {
    execFileSync(PYTHON, [SCRIPT, dir], { stdio: 'pipe' });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not write the tiny CLIP model (is python3-onnx installed? apt-get install python3-onnx): ${stderr || err}`);
  }
  folder = dir;
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The folder's files by relative path, prefixed like a `webkitdirectory` pick when `prefix` is given. */
export function tinyClipFiles(prefix = ''): Map<string, Blob> {
  const dir = tinyClipFolder();
  return new Map(walk(dir).map((path) => [`${prefix}${relative(dir, path).split('\\').join('/')}`, new Blob([readFileSync(path)])]));
}
