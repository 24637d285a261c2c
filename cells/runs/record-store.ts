/** Where the cache and the ledger keep their records: IndexedDB in a browser, a Map in Node (or when it fails). */
export interface RecordStore<T> {
  /** "indexeddb" or "memory": what survives a reload. */
  readonly kind: "indexeddb" | "memory";
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
  values(): Promise<T[]>;
  clear(): Promise<void>;
}

/** A store that lives as long as the page (or the Node process). Values are kept as given, not copied. */
export function memoryStore<T>(): RecordStore<T> {
  const map = new Map<string, T>();
  return {
    kind: "memory",
    get: async (key) => map.get(key),
    put: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
    values: async () => [...map.values()],
    clear: async () => map.clear()
  };
}
