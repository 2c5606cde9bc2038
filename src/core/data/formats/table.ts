/**
 * CSV / TSV text → Dataset.
 *
 * Format: RFC 4180 records (quoted fields may hold the delimiter, line breaks and doubled quotes
 * ""), LF or CRLF line ends, an optional UTF-8 BOM. The delimiter is detected from the first line:
 * whichever of tab, comma or semicolon occurs most often outside quotes. Blank lines (e.g. the
 * trailing one most tools write) are skipped.
 *
 * Header: with `header: 'auto'` (default) the first row is a header when it has a text (non-numeric)
 * cell above a numeric or empty cell of the second row, when all its cells are text, or when it is
 * the only row. The second-row check keeps a header-less file whose first data row contains a
 * text label (e.g. `5.1,3.5,setosa`) from losing that row.
 *
 * Labels: `labelColumn` 'auto' (default) picks a header named label, labels, class, target or y
 * (case-insensitive; 'y' only when there is no 'x' column, since x,y is a point cloud), else the
 * only column holding text (at least half its cells; a column of numbers with a few text cells is
 * a damaged feature column, not the label); a header name or a 0-based column index picks one
 * explicitly; null loads without labels. Label values may be text or numbers (numbers are compared
 * by value, so '1' and '1.0' are one class) and become 0-based ids in order of first appearance;
 * classNames holds the original values.
 *
 * Features are all other columns, as parsed numbers (not scaled or standardised here).
 * Rejected, with the row (the line the record starts on, header = row 1) and column (header name,
 * or 1-based number without a header): ragged rows, missing / NaN / text cells in a feature column,
 * numbers beyond float32 (±3.4e38, which would become ±Infinity), missing labels, a table with no
 * numeric column, and a table with no data rows. Silently guessing around bad cells would make
 * clusters that reflect the damage, not the data.
 */
import type { Dataset } from '../dataset';
import { shortText } from '../ingest/text';
import { baseName, DEFAULT_K_UNLABELLED } from './labels';

export interface TableOptions {
  /** 'auto' (default), a header name, a 0-based column index, or null for no labels. */
  labelColumn?: string | number | 'auto' | null;
  /** Whether the first row is a header; 'auto' (default) detects it. */
  header?: boolean | 'auto';
  /** File name, used for the dataset's name and default id. */
  fileName?: string;
  /** Defaults to 'file:<fileName>' (or 'file:table'). */
  id?: string;
  name?: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const LABEL_NAMES = new Set(['label', 'labels', 'class', 'target', 'y']);
// Spellings that pandas, R and spreadsheets write for a missing value.
const MISSING = new Set(['', 'na', 'nan', 'n/a', 'null', 'none', '?', '-nan']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const TEXT = 0;
const NUM = 1;
const MISS = 2;
type Kind = typeof TEXT | typeof NUM | typeof MISS;

function kindOf(cell: string): Kind {
  const s = cell.trim();
  if (NUMBER.test(s)) return NUM;
  return MISSING.has(s.toLowerCase()) ? MISS : TEXT;
}

/** Picks the delimiter that occurs most often outside quotes in the first line; ties prefer tab, then comma. */
function detectDelimiter(text: string): number {
  const counts = new Map<number, number>([[0x09, 0], [0x2c, 0], [0x3b, 0]]);
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  let best = 0x2c;
  let bestCount = 0;
  for (const [c, n] of counts) {
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** Shortest decimal that reads back as the same float32 (1.1, not 1.100000023841858); NaN stays 'NaN'. */
function float32String(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p < 9; p++) {
    const s = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(v);
}

/** Index of the delimiter or line break that ends the unquoted field starting at i (or the text's length). */
function fieldEnd(text: string, i: number, delim: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === delim || c === LF || c === CR) break;
  }
  return i;
}

/** Calls onRecord for each non-blank record with its cells and the line it starts on (1-based). */
function forEachRecord(text: string, delim: number, kind: string, onRecord: (cells: string[], line: number) => void): void {
  const len = text.length;
  let i = 0;
  let line = 1;
  while (i < len) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let out = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new Error(
              `${kind} row ${startLine}: a quoted field is never closed — add the missing '"' (quotes inside a field are written "")`,
            );
          }
          const piece = text.slice(j, q);
          for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) line++;
          out += piece;
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Lenient about text between the closing quote and the delimiter: keep it rather than fail.
        const k = fieldEnd(text, i, delim);
        value = out + text.slice(i, k);
        i = k;
      } else {
        const k = fieldEnd(text, i, delim);
        value = text.slice(i, k);
        i = k;
      }
      cells.push(value);
      if (i >= len) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (cells.length === 1 && cells[0].trim() === '') continue; // blank line
    onRecord(cells, startLine);
  }
}

/** Parses CSV or TSV text into a Dataset; see the file comment for what is accepted. */
export function datasetFromTable(text: string, opts: TableOptions = {}): Dataset {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delim = detectDelimiter(text);
  const kind = delim === 0x09 ? 'TSV' : 'CSV';
  const labelOpt = opts.labelColumn === undefined ? 'auto' : opts.labelColumn;
  const headerOpt = opts.header ?? 'auto';

  let ncols = -1;
  // `as` keeps TypeScript from narrowing these to null: they are assigned inside the callback.
  let first = null as { cells: string[]; line: number } | null;
  let header = null as string[] | null;
  let decided = false;
  let labelCol = -1; // known once the header is decided, unless it must be inferred from the data
  let labelRaw = null as string[] | null;

  // Data cells as numbers (NaN for text or missing), plus the text cells of each column.
  let values = new Float32Array(1024);
  let lines = new Int32Array(64);
  let rows = 0;
  let textCells: Map<number, string>[] = [];

  const colName = (j: number): string => (header && header[j].trim() !== '' ? `'${header[j].trim()}'` : `${j + 1}`);

  const decideHeader = (second: string[] | null): void => {
    const r0 = first ? first.cells : [];
    let isHeader: boolean;
    if (headerOpt !== 'auto') isHeader = headerOpt;
    else {
      const k0 = r0.map(kindOf);
      const hasText = k0.includes(TEXT);
      isHeader =
        hasText &&
        (second === null || k0.every((k) => k === TEXT) || k0.some((k, j) => k === TEXT && kindOf(second[j]) !== TEXT));
    }
    if (isHeader) header = r0;
    textCells = Array.from({ length: ncols }, () => new Map<number, string>());
    if (labelOpt === null) labelCol = -1;
    else if (typeof labelOpt === 'number') {
      if (!Number.isInteger(labelOpt) || labelOpt < 0 || labelOpt >= ncols) {
        throw new Error(`${kind} labelColumn ${labelOpt} is out of range — the table has ${ncols} columns, numbered from 0`);
      }
      labelCol = labelOpt;
    } else if (labelOpt === 'auto') {
      // 'y' next to an 'x' column is a coordinate (a 2-D point cloud), not a label.
      const names = header ? header.map((h) => h.trim().toLowerCase()) : [];
      labelCol = names.findIndex((h) => LABEL_NAMES.has(h) && !(h === 'y' && names.includes('x')));
    } else {
      if (!header) {
        throw new Error(`${kind} has no header row, so labelColumn '${labelOpt}' cannot be found — pass a 0-based column index instead`);
      }
      const names = header.map((h) => h.trim());
      labelCol = names.indexOf(labelOpt.trim());
      if (labelCol < 0) labelCol = names.findIndex((h) => h.toLowerCase() === labelOpt.trim().toLowerCase());
      if (labelCol < 0) {
        throw new Error(`${kind} has no column named '${labelOpt}' — the columns are ${names.map((h) => `'${h}'`).join(', ')}`);
      }
    }
    if (labelCol >= 0) labelRaw = [];
    decided = true;
  };

  const addRow = (cells: string[], line: number): void => {
    if (rows === lines.length) {
      const grown = new Int32Array(lines.length * 2);
      grown.set(lines);
      lines = grown;
    }
    if ((rows + 1) * ncols > values.length) {
      const grown = new Float32Array(Math.max(values.length * 2, (rows + 1) * ncols));
      grown.set(values);
      values = grown;
    }
    lines[rows] = line;
    const base = rows * ncols;
    for (let j = 0; j < ncols; j++) {
      const cell = cells[j];
      const k = kindOf(cell);
      values[base + j] = k === NUM ? Number(cell) : NaN;
      if (k === TEXT) textCells[j].set(rows, cell.trim());
    }
    if (labelRaw) labelRaw.push(cells[labelCol].trim());
    rows++;
  };

  forEachRecord(text, delim, kind, (cells, line) => {
    if (ncols < 0) ncols = cells.length;
    else if (cells.length !== ncols) {
      throw new Error(`${kind} row ${line} has ${cells.length} cells, expected ${ncols} — every row needs the same number of columns`);
    }
    if (first === null) {
      first = { cells, line };
      return;
    }
    if (!decided) {
      decideHeader(cells);
      if (!header) addRow(first.cells, first.line);
    }
    addRow(cells, line);
  });

  if (first === null) throw new Error(`${kind} has no rows — the file is empty`);
  if (!decided) {
    decideHeader(null);
    if (!header) addRow(first.cells, first.line);
  }
  if (rows === 0) throw new Error(`${kind} has a header row but no data rows — add at least one row of values`);

  // With 'auto' and no label-like header, the label is the one column that holds text. A column
  // that is mostly numbers with a few text cells is a damaged feature column, reported below.
  if (labelOpt === 'auto' && labelCol < 0) {
    const textCols = textCells.flatMap((m, j) => (m.size > 0 ? [j] : []));
    if (textCols.length === 1 && textCells[textCols[0]].size * 2 >= rows) labelCol = textCols[0];
  }
  const featureCols: number[] = [];
  for (let j = 0; j < ncols; j++) if (j !== labelCol) featureCols.push(j);
  if (!featureCols.some((j) => textCells[j].size === 0)) {
    throw new Error(`${kind} has no numeric column — features must be numbers (one text column may hold the labels)`);
  }

  const dim = featureCols.length;
  const x = new Float32Array(rows * dim);
  const where = (i: number, j: number): string => `${kind} row ${lines[i]}, column ${colName(j)}`;
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < dim; f++) {
      const j = featureCols[f];
      const v = values[i * ncols + j];
      if (Number.isNaN(v)) {
        const txt = textCells[j].get(i);
        if (txt !== undefined) {
          throw new Error(
            `${where(i, j)}: '${shortText(txt, 40)}' is not a number — feature columns must be numeric; only one text column (the label) is allowed, ` +
              'pass labelColumn to choose it',
          );
        }
        throw new Error(`${where(i, j)}: missing value — fill it in or drop rows with missing values before loading`);
      }
      // The cells are read into float32: beyond ±3.4e38 they would silently become ±Infinity.
      if (!Number.isFinite(v)) {
        throw new Error(`${where(i, j)}: a number beyond the range of 32-bit floats (±3.4e38) — rescale the column before loading`);
      }
      x[i * dim + f] = v;
    }
  }

  const fileName = opts.fileName ?? 'table';
  const dataset: Dataset = {
    id: opts.id ?? `file:${fileName}`,
    name: opts.name ?? baseName(fileName),
    n: rows,
    dim,
    x,
    numClasses: DEFAULT_K_UNLABELLED,
  };
  if (labelCol < 0) return dataset;

  // Raw label strings: kept while reading when the column was known, else rebuilt from the text cells.
  const raw: string[] =
    labelRaw ?? Array.from({ length: rows }, (_, i) => textCells[labelCol].get(i) ?? float32String(values[i * ncols + labelCol]));
  const numeric = textCells[labelCol].size === 0;
  const ids = new Map<string, number>();
  const classNames: string[] = [];
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const s = raw[i];
    if (kindOf(s) === MISS) {
      throw new Error(
        `${kind} row ${lines[i]}, column ${colName(labelCol)}: missing label — every row needs a class, ` +
          'or pass labelColumn: null to load without labels',
      );
    }
    const key = numeric ? String(Number(s)) : s;
    let id = ids.get(key);
    if (id === undefined) {
      id = classNames.length;
      ids.set(key, id);
      classNames.push(key);
    }
    labels[i] = id;
  }
  return { ...dataset, labels, classNames, numClasses: classNames.length };
}
