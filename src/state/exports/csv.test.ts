import { describe, expect, it } from 'vitest';
import { buildClusterCsv, CSV_HEADER } from './csv';
import { csvField } from './csvField';
import { exportTable } from './exportTable';
import { FINAL_ALL, fixtureReady, fixtureSnapshot, noPause } from './testFixtures';

/** A minimal RFC 4180 reader, so the tests check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || record.length) throw new Error('last record not terminated by CRLF');
  return records;
}

const coords = Float32Array.from([1.5, -2, 0.123456, 7, 3, 4]);

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('ünïcødé 猫')).toBe('ünïcødé 猫');
  });

  it('neutralises cells a spreadsheet would run as a formula with a leading quote, leaving plain numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('-1')).toBe('-1');
    expect(csvField('+2.5e3')).toBe('+2.5e3');
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('buildClusterCsv', () => {
  it('writes one record per sample point before the run has finished', async () => {
    const ready = fixtureReady();
    const t = exportTable(ready, fixtureSnapshot())!;
    const text = await buildClusterCsv(t, { datasetId: 'toy', paths: null, coords, classNames: ready.dataset.classNames }, { pause: noPause });
    const rows = parseCsv(text);
    expect(rows[0].join(',')).toBe(CSV_HEADER);
    expect(rows.slice(1)).toEqual([
      ['toy#4', '2', '0.9000', '1.5000', '-2.0000', 'zéro'],
      ['toy#1', '0', '0.5123', '0.1235', '7.0000', 'one, "uno"'],
      ['toy#5', '1', '0.7500', '3.0000', '4.0000', 'one, "uno"'],
    ]);
  });

  it('writes every row from the final snapshot, with x,y only for sample rows', async () => {
    const ready = fixtureReady();
    const t = exportTable(ready, fixtureSnapshot({ all: FINAL_ALL }))!;
    const text = await buildClusterCsv(t, { datasetId: 'toy', paths: null, coords, classNames: ready.dataset.classNames }, { pause: noPause, chunk: 2 });
    const rows = parseCsv(text).slice(1);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[0])).toEqual(['toy#0', 'toy#1', 'toy#2', 'toy#3', 'toy#4', 'toy#5']);
    // Row 4 is sample position 0, row 1 position 1, row 5 position 2.
    expect(rows[4].slice(3, 5)).toEqual(['1.5000', '-2.0000']);
    expect(rows[1].slice(3, 5)).toEqual(['0.1235', '7.0000']);
    expect(rows[5].slice(3, 5)).toEqual(['3.0000', '4.0000']);
    expect(rows[0].slice(3, 5)).toEqual(['', '']);
    // Row 3 has no cluster.
    expect(rows[3].slice(1, 3)).toEqual(['', '0.2000']);
    expect(rows.map((r) => r[5])).toEqual(['zéro', 'one, "uno"', 'zéro', 'zéro', 'zéro', 'one, "uno"']);
  });

  it('names rows by their source path, keeping commas, quotes, newlines and non-ASCII intact', async () => {
    const paths = ['a.png', 'dir/ca,t "1".png', 'x\ny.png', '猫/ünï.png', 'e.png', 'f.png'];
    const t = exportTable(fixtureReady({ labels: null, allLabels: null }), fixtureSnapshot({ all: FINAL_ALL }))!;
    const text = await buildClusterCsv(t, { datasetId: 'user', paths, coords: null }, { pause: noPause });
    const rows = parseCsv(text).slice(1);
    expect(rows.map((r) => r[0])).toEqual(paths);
    expect(rows.every((r) => r.length === 6 && r[5] === '' && r[3] === '')).toBe(true);
  });

  it('neutralises formula file names and labels, while x, y and confidence stay numbers', async () => {
    const paths = ['=cmd|calc!A1.png', '@evil.png', 'c.png', 'd.png', '-e.png', '+f.png'];
    const ready = fixtureReady({ dataset: { ...fixtureReady().dataset, classNames: ['=1+1', '-1'] } });
    const t = exportTable(ready, fixtureSnapshot({ all: FINAL_ALL }))!;
    const text = await buildClusterCsv(t, { datasetId: 'user', paths, coords, classNames: ready.dataset.classNames }, { pause: noPause });
    const rows = parseCsv(text).slice(1);
    expect(rows.map((r) => r[0])).toEqual(["'=cmd|calc!A1.png", "'@evil.png", 'c.png', 'd.png', "'-e.png", "'+f.png"]);
    expect(rows.map((r) => r[5])).toEqual(["'=1+1", '-1', "'=1+1", "'=1+1", "'=1+1", '-1']);
    expect(rows[4].slice(2, 5)).toEqual(['0.9000', '1.5000', '-2.0000']);
  });

  it('pauses between chunks and reports progress', async () => {
    let pauses = 0;
    const progress: number[] = [];
    const t = exportTable(fixtureReady(), fixtureSnapshot({ all: FINAL_ALL }))!;
    await buildClusterCsv(t, { datasetId: 'toy', paths: null, coords: null }, {
      chunk: 4,
      pause: async () => void pauses++,
      onProgress: (done) => progress.push(done),
    });
    expect(pauses).toBe(1);
    expect(progress).toEqual([4, 6]);
  });
});
