/**
 * A strict RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, line
 * breaks and doubled quotes. The news scrapes carry article texts of tens of kilobytes in one
 * quoted field, which a line-by-line split would cut. Malformed input (a quote inside an unquoted
 * field, an unterminated quoted field, text after a closing quote) is an error with its position,
 * never a silently shifted row.
 */

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

/** Rows of fields; a final line break does not make an empty row. CRLF and LF both end a row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvFormatError(`unterminated quoted field starting at character ${start}`);
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvFormatError(`text after a closing quote at character ${i}`);
      }
      field = value;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      field = text.slice(i, j);
      if (field.includes('"')) throw new CsvFormatError(`quote inside an unquoted field at character ${i}`);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // line break: \r\n, \n or a lone \r
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}

/** Rows as records keyed by the header row; a row with another field count is an error. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells, r) => {
    if (cells.length !== header.length) {
      throw new CsvFormatError(`row ${r + 2} has ${cells.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((h, k) => [h, cells[k]!]));
  });
}
