/** Writes generated files under a folder on disk, creating sub-folders, for the drop tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { InputFile } from '../src/core/data/ingest/types';

export function writeFiles(root: string, files: InputFile[]): void {
  for (const f of files) {
    const path = join(root, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes);
  }
}
