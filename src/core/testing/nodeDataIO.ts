/**
 * DataIO for Node tests and scripts: reads the same files the browser fetches, from the repo's
 * public/ folder (found from this file's own location, so the working directory does not matter).
 */
import { readFile } from 'node:fs/promises';
import type { DataIO } from '../data/registry';

export const PUBLIC_DIR = new URL('../../../public/', import.meta.url);

export const nodeDataIO: DataIO = {
  async readBytes(relPath: string): Promise<ArrayBuffer> {
    const buf = await readFile(new URL(relPath, PUBLIC_DIR));
    // Large reads own their ArrayBuffer outright; only small pooled Buffers need a copy.
    if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf.buffer as ArrayBuffer;
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  },
};
