import { describe, expect, it } from 'vitest';
import { datasetFromTable } from './table';

const f32 = (values: number[]): number[] => values.map((v) => Math.fround(v));

describe('datasetFromTable', () => {
  it('reads a CSV with a header and a string label column, ids in order of first appearance', () => {
    const d = datasetFromTable('x1,x2,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n4.9,3.0,setosa\n', { fileName: 'iris.csv' });
    expect([d.n, d.dim]).toEqual([3, 2]);
    expect(Array.from(d.x)).toEqual(f32([5.1, 3.5, 7.0, 3.2, 4.9, 3.0]));
    expect(Array.from(d.labels ?? [])).toEqual([0, 1, 0]);
    expect(d.classNames).toEqual(['setosa', 'versicolor']);
    expect(d.numClasses).toBe(2);
    expect(d.id).toBe('file:iris.csv');
    expect(d.name).toBe('iris');
    expect(d.image).toBeUndefined();
  });

  it('detects tab and semicolon delimiters and CRLF line ends', () => {
    const tsv = datasetFromTable('a\tb\tlabel\r\n1\t2\tcat\r\n3\t4\tdog\r\n');
    expect(Array.from(tsv.x)).toEqual([1, 2, 3, 4]);
    expect(tsv.classNames).toEqual(['cat', 'dog']);
    const semi = datasetFromTable('a;b;c\r\n1.5;-2;3e2\r\n.5;+4;-1E-1');
    expect([semi.n, semi.dim]).toEqual([2, 3]);
    expect(Array.from(semi.x)).toEqual(f32([1.5, -2, 300, 0.5, 4, -0.1]));
    expect(semi.labels).toBeUndefined();
    expect(semi.numClasses).toBe(10);
  });

  it('picks a label column by header name (label/labels/class/target/y) even when it is numeric', () => {
    const d = datasetFromTable('f1,Target,f2\n0.5,3,1\n0.25,1.0,2\n0.125,3.0,4\n');
    expect(d.dim).toBe(2);
    expect(Array.from(d.x)).toEqual([0.5, 1, 0.25, 2, 0.125, 4]);
    // Numeric labels compare by value: '3' and '3.0' are one class; ids follow first appearance.
    expect(Array.from(d.labels ?? [])).toEqual([0, 1, 0]);
    expect(d.classNames).toEqual(['3', '1']);
  });

  it("treats 'y' as a label only when there is no 'x' column", () => {
    const points = datasetFromTable('x,y\n0.5,1.5\n2,3\n');
    expect([points.dim, points.labels]).toEqual([2, undefined]);
    expect(Array.from(points.x)).toEqual([0.5, 1.5, 2, 3]);
    const labelled = datasetFromTable('f,Y\n0.5,1\n2,0\n');
    expect(Array.from(labelled.x)).toEqual([0.5, 2]);
    expect(labelled.classNames).toEqual(['1', '0']);
  });

  it('keeps numeric values in an inferred text label column readable', () => {
    const d = datasetFromTable('a,b\n1,cat\n2,1.1\n3,cat\n4,2\n');
    expect(d.classNames).toEqual(['cat', '1.1', '2']);
    expect(Array.from(d.labels ?? [])).toEqual([0, 1, 0, 2]);
  });

  it('honours an explicit label column (name or 0-based index) and null for no labels', () => {
    const text = 'a,b,c\n1,2,0\n3,4,1\n';
    const byName = datasetFromTable(text, { labelColumn: 'B' });
    expect(Array.from(byName.x)).toEqual([1, 0, 3, 1]);
    expect(byName.classNames).toEqual(['2', '4']);
    const byIndex = datasetFromTable(text, { labelColumn: 0 });
    expect(Array.from(byIndex.x)).toEqual([2, 0, 4, 1]);
    expect(byIndex.classNames).toEqual(['1', '3']);
    const none = datasetFromTable('y,x\n1,2\n', { labelColumn: null });
    expect([none.dim, none.labels]).toEqual([2, undefined]);
    expect(() => datasetFromTable(text, { labelColumn: 'z' })).toThrow(/no column named 'z' — the columns are 'a', 'b', 'c'/);
    expect(() => datasetFromTable(text, { labelColumn: 3 })).toThrow(/labelColumn 3 is out of range — the table has 3 columns/);
    expect(() => datasetFromTable('1,2\n3,4\n', { labelColumn: 'a' })).toThrow(/no header row, so labelColumn 'a' cannot be found/);
  });

  it('reads a header-less file, keeping a first row that holds a text label', () => {
    const d = datasetFromTable('5.1,3.5,setosa\n6.2,2.9,virginica\n');
    expect(d.n).toBe(2);
    expect(Array.from(d.x)).toEqual(f32([5.1, 3.5, 6.2, 2.9]));
    expect(d.classNames).toEqual(['setosa', 'virginica']);
    const plain = datasetFromTable('1,2\n3,4\n\n');
    expect([plain.n, plain.dim]).toEqual([2, 2]);
    const forced = datasetFromTable('1,2\n3,4\n', { header: true });
    expect([forced.n, Array.from(forced.x)]).toEqual([1, [3, 4]]);
  });

  it('handles quoted fields with delimiters, doubled quotes, line breaks and a BOM', () => {
    const text = '\uFEFF"x, first",x2,name\n1,2,"Smith, ""Jo"""\n3,4,"multi\nline"\n5,6,"Smith, ""Jo"""\n';
    const d = datasetFromTable(text);
    expect(Array.from(d.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.classNames).toEqual(['Smith, "Jo"', 'multi\nline']);
    expect(Array.from(d.labels ?? [])).toEqual([0, 1, 0]);
    // Row numbers are the line a record starts on, so a quoted line break shifts the rows after it.
    expect(() => datasetFromTable('a,b\n1,"x\ny"\n2,\n', { labelColumn: null })).toThrow(/CSV row 2, column 'b': 'x\ny' is not a number/);
    expect(() => datasetFromTable('a,b\n"1\n2",3\n4,NaN\n')).toThrow(/CSV row 4, column 'b': missing value/);
  });

  it('rejects ragged rows with the row number and both counts', () => {
    const rows = ['a,b,c,d,e,f', ...Array.from({ length: 15 }, (_, i) => `${i},1,2,3,4,5`), '1,2,3,4,5', '1,2,3,4,5,6'];
    expect(() => datasetFromTable(rows.join('\n'))).toThrow(
      'CSV row 17 has 5 cells, expected 6 — every row needs the same number of columns',
    );
    expect(() => datasetFromTable('a\tb\n1\t2\t3\n')).toThrow(/TSV row 2 has 3 cells, expected 2/);
  });

  it('rejects missing and NaN values in a feature column, naming row and column', () => {
    expect(() => datasetFromTable('x1,x2\n1,2\n3,4\n5,6\n7,\n')).toThrow(
      "CSV row 5, column 'x2': missing value — fill it in or drop rows with missing values before loading",
    );
    expect(() => datasetFromTable('x1,x2,label\n1,2,a\n3,4,b\nNaN,6,a\n')).toThrow(/CSV row 4, column 'x1': missing value/);
    expect(() => datasetFromTable('1,2\n3,nan\n')).toThrow(/CSV row 2, column 2: missing value/);
  });

  it('rejects a second text column, and a missing label', () => {
    expect(() => datasetFromTable('x,name,kind\n1,a,b\n2,c,d\n')).toThrow(
      /CSV row 2, column 'name': 'a' is not a number — .*only one text column \(the label\) is allowed/,
    );
    expect(() => datasetFromTable('x,label\n1,a\n2,\n')).toThrow(/CSV row 3, column 'label': missing label/);
  });

  it('reports a stray text cell in a numeric column instead of taking that column as the label', () => {
    expect(() => datasetFromTable('x1,x2\n1,2\n3,4\n5,abc\n')).toThrow(/CSV row 4, column 'x2': 'abc' is not a number/);
  });

  it('rejects numbers beyond float32, which would become ±Infinity, naming row and column', () => {
    const message = 'a number beyond the range of 32-bit floats (±3.4e38) — rescale the column before loading';
    expect(() => datasetFromTable('a,b\n1,2\n1e39,3\n')).toThrow(`CSV row 3, column 'a': ${message}`);
    expect(() => datasetFromTable('1\t2\n3\t-4e38\n', { header: false })).toThrow(`TSV row 2, column 2: ${message}`);
    expect(Array.from(datasetFromTable('a,b\n3.4e38,-3.4e38\n1e-50,0\n').x)).toEqual(f32([3.4e38, -3.4e38, 0, 0]));
  });

  it('quotes at most 40 characters of a bad cell', () => {
    const long = 'w'.repeat(100_000);
    expect(() => datasetFromTable(`x1,x2\n1,2\n3,4\n5,${long}\n`)).toThrow(`CSV row 4, column 'x2': '${'w'.repeat(39)}…' is not a number`);
  });

  it('rejects a table without numeric columns or without rows', () => {
    expect(() => datasetFromTable('name,label\nab,cd\nef,gh\n')).toThrow(/CSV has no numeric column/);
    expect(() => datasetFromTable('label\ncat\n')).toThrow(/no numeric column/);
    expect(() => datasetFromTable('x1,x2,label\r\n')).toThrow('CSV has a header row but no data rows — add at least one row of values');
    expect(() => datasetFromTable('')).toThrow(/CSV has no rows — the file is empty/);
    expect(() => datasetFromTable('\n\n')).toThrow(/no rows/);
  });

  it('rejects an unclosed quote', () => {
    expect(() => datasetFromTable('a,b\n1,"2\n3,4\n')).toThrow(/CSV row 2: a quoted field is never closed/);
  });
});
