/**
 * Files from a drop or a file picker, each with its path inside what was dropped, so sub-folder
 * names can become labels. Folders are walked through the entries API (the only way a drop
 * exposes a folder's contents); the walk stops at MAX_WALK files so a drop of a whole disk cannot
 * exhaust memory before the decode worker applies its own cap with a message.
 */
import type { DroppedFile } from '../../worker/protocol';

/** Well above the 20,000 images the decoder takes, so its cap message can say how many there were. */
export const MAX_WALK = 50_000;

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[], errors: string[]): Promise<void> {
  if (out.length >= MAX_WALK) return;
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    try {
      out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
    } catch {
      errors.push(path);
    }
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most 100 entries per call: keep reading until it returns none.
  for (;;) {
    let batch: FileSystemEntry[];
    try {
      batch = await readEntries(reader);
    } catch {
      errors.push(path);
      return;
    }
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, path, out, errors);
  }
}

export interface DropContents {
  files: DroppedFile[];
  /** Paths that could not be read (permissions, removed while walking). */
  unreadable: string[];
}

/**
 * Must be called inside the drop handler: DataTransfer items are only readable during the event,
 * so the entries are taken synchronously and walked afterwards.
 */
export function takeDrop(dt: DataTransfer): Promise<DropContents> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files));
  return (async () => {
    const files: DroppedFile[] = loose.map((f) => ({ path: f.name, file: f }));
    const unreadable: string[] = [];
    for (const e of entries) await walk(e, '', files, unreadable);
    return { files, unreadable };
  })();
}

/** Files from an <input type=file> (a folder picker fills webkitRelativePath). */
export function fromFileList(list: FileList): DroppedFile[] {
  return Array.from(list, (f) => ({ path: f.webkitRelativePath || f.name, file: f }));
}
