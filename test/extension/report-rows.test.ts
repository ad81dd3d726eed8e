/**
 * Reports in IndexedDB (fake-indexeddb, an in-memory IndexedDB for Node): kept across
 * connections, replaced by id, deleted; a write the browser refuses is an error that says so.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, expect, test, vi } from 'vitest';
import { indexedDbReportRows } from '../../src/extension/report-rows.js';
import { mockReport } from '../../popup/mock.js';

afterEach(() => void vi.restoreAllMocks());

test('rows survive a new connection, are replaced by id and deleted', async () => {
  const factory = new IDBFactory();
  const rows = indexedDbReportRows(factory);
  await rows.put(mockReport({ id: 'a' }));
  await rows.put(mockReport({ id: 'b' }));
  await rows.put(mockReport({ id: 'a', comment: 'second thoughts' }));
  const again = indexedDbReportRows(factory);
  expect(((await again.all()) as { id: string; comment: string }[]).map((r) => [r.id, r.comment]).sort()).toEqual([
    ['a', 'second thoughts'],
    ['b', ''],
  ]);
  expect(await again.get('b')).toEqual(mockReport({ id: 'b' }));
  expect(await again.get('nope')).toBeUndefined();
  await again.delete('a');
  expect(((await rows.all()) as { id: string }[]).map((r) => r.id)).toEqual(['b']);
});

test('a write the browser refuses (quota) rejects with a sentence that says so, and keeps nothing', async () => {
  const rows = indexedDbReportRows(new IDBFactory());
  vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  await expect(rows.put(mockReport())).rejects.toThrow(/^The browser refused to store the report \(its storage is full\)/);
  vi.restoreAllMocks();
  expect(await rows.all()).toEqual([]);
});
