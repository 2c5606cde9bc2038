/** One CSV field quoted per RFC 4180: fields with a comma, a quote or a line break are quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 ends records with CRLF. */
export const CSV_EOL = '\r\n';
