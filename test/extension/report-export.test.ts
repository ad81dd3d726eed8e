import { describe, expect, test } from 'vitest';
import { csvCell, reportsToCsv, reportsToJson } from '../../src/extension/report-export.js';
import { mockReport } from '../../popup/mock.js';
import { parseCsv } from '../helpers/csv.js';

describe('csvCell', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('numbers are written as numbers, even negative ones', () => {
    expect(csvCell(-3)).toBe('-3');
  });
});

test('hostile titles and comments survive a CSV round trip in their own cells', () => {
  const nasty = mockReport({
    id: 'r2',
    pageTitle: 'Copy, "exclusive"\r\nsecond line',
    comment: 'it says "=1+1", really',
  });
  const rows = parseCsv(reportsToCsv([mockReport(), nasty]));
  expect(rows).toHaveLength(3);
  const header = rows[0]!;
  expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]));
  const second = Object.fromEntries(header.map((h, i) => [h, rows[2]![i]]));
  expect(second['page_title']).toBe('Copy, "exclusive"\r\nsecond line');
  expect(second['comment']).toBe('it says "=1+1", really');
  expect(second['overlap_percent']).toBe('97');
  expect(second['original_title']).toBe('Biden speaks to Ukraine’s president amid Russia tensions');
  expect(second['delivery']).toBe('saved');
  expect([second['passages'], second['passages_total']]).toEqual(['3', '3']);
});

test('the JSON export holds every report in full and says what it is', () => {
  const reports = [mockReport(), mockReport({ id: 'r2', comment: '<img src=x onerror=alert(1)>' })];
  const parsed = JSON.parse(reportsToJson(reports, new Date('2026-05-05T00:00:00Z')));
  expect(parsed).toMatchObject({ format: 'firsthand-reports', version: 1, exportedAt: '2026-05-05T00:00:00.000Z' });
  expect(parsed.reports).toEqual(reports);
});
