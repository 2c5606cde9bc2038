/**
 * One text field of a CSV the app writes. Spreadsheets run a cell that starts with =, +, -, @,
 * a tab or a carriage return as a formula, quoted or not (a dropped file named
 * '=HYPERLINK(…).png' would become a live link), so such a cell gets a leading ' as OWASP
 * recommends ("CSV Injection"); a plain number such as '-1' is left as it is. Then RFC 4180:
 * fields with a comma, a quote or a line break are quoted, quotes doubled. Numeric columns are
 * written as numbers and never pass through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 ends records with CRLF. */
export const CSV_EOL = '\r\n';
