import {memoryStore, type RecordStore} from "./record-store.js";

/** One database for the run toolkit; one object store per kind of record. */
const DATABASE = "courant-runs";
const DATABASE_VERSION = 1;
export const STORE_NAMES = ["results", "runs"] as const;
export type StoreName = (typeof STORE_NAMES)[number];

let opening: Promise<IDBDatabase | null> | null = null;

/** The toolkit's database, or null where IndexedDB is missing or refuses (Node, some private modes). */
function openDatabase(): Promise<IDBDatabase | null> {
  return (opening ??= new Promise((resolve) => {
    if (typeof indexedDB === "undefined") return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DATABASE, DATABASE_VERSION);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => {
      for (const name of STORE_NAMES) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  }));
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

/** The object store `name` of the toolkit's database; a memory store where there is no IndexedDB. */
export async function openRecordStore<T>(name: StoreName): Promise<RecordStore<T>> {
  const db = await openDatabase();
  if (!db) return memoryStore<T>();
  const run = <R>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<R>): Promise<R> =>
    promised(body(db.transaction(name, mode).objectStore(name)));
  return {
    kind: "indexeddb",
    get: (key) => run("readonly", (s) => s.get(key)) as Promise<T | undefined>,
    put: async (key, value) => void (await run("readwrite", (s) => s.put(value, key))),
    delete: async (key) => void (await run("readwrite", (s) => s.delete(key))),
    keys: async () => (await run("readonly", (s) => s.getAllKeys())).map(String),
    values: () => run("readonly", (s) => s.getAll()) as Promise<T[]>,
    clear: async () => void (await run("readwrite", (s) => s.clear()))
  };
}
