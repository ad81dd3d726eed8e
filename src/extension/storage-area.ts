/**
 * The slice of `storage.local` / `storage.session` the extension uses, so
 * stores can be driven by an in-memory area in tests.
 */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** An in-memory StorageArea: for tests, and where the browser lacks `storage.session`. Values are copied as JSON, like the real thing. */
export function memoryStorageArea(initial: Record<string, unknown> = {}): StorageArea & { readonly items: Map<string, unknown> } {
  const items = new Map<string, unknown>(Object.entries(initial));
  const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return {
    items,
    async get(keys) {
      const wanted = keys === null || keys === undefined ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (items.has(key)) out[key] = copy(items.get(key));
      return out;
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) items.set(key, copy(value));
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
}
