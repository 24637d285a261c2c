import {openRecordStore} from "./indexeddb-store.js";
import {ledgerToJSON, parseLedgerJSON} from "./ledger-json.js";
import {memoryStore, type RecordStore} from "./record-store.js";
import type {RunRecord} from "./run-record.js";
import {Watchable} from "./watchable.js";

export type LedgerImport = {ok: true; added: number; replaced: number} | {ok: false; error: string};

/**
 * Every completed training, oldest first, kept in a persistent store (IndexedDB; memory in Node) so that it
 * survives reloads. One record per result: adding a run whose id is known replaces it. `runs` is watchable.
 */
export class RunLedger {
  readonly runs: Watchable<readonly RunRecord[]>;
  storeError: string | null = null;

  private constructor(
    private readonly store: RecordStore<RunRecord>,
    initial: RunRecord[]
  ) {
    this.runs = new Watchable<readonly RunRecord[]>(sortByTime(initial));
  }

  static async open(store?: RecordStore<RunRecord>): Promise<RunLedger> {
    const backing = store ?? (await openRecordStore<RunRecord>("runs"));
    let initial: RunRecord[] = [];
    let error: string | null = null;
    try {
      initial = await backing.values();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ledger = new RunLedger(backing, initial);
    ledger.storeError = error;
    return ledger;
  }

  /** A ledger that lives only as long as the page or process. */
  static memory(): Promise<RunLedger> {
    return RunLedger.open(memoryStore<RunRecord>());
  }

  get persistent(): boolean {
    return this.store.kind !== "memory" && this.storeError === null;
  }

  get(id: string): RunRecord | undefined {
    return this.runs.value.find((r) => r.id === id);
  }

  async add(record: RunRecord): Promise<void> {
    await this.addAll([record]);
  }

  async remove(id: string): Promise<void> {
    this.runs.set(this.runs.value.filter((r) => r.id !== id));
    await this.persist(() => this.store.delete(id));
  }

  async clear(): Promise<void> {
    this.runs.set([]);
    await this.persist(() => this.store.clear());
  }

  toJSON(): string {
    return ledgerToJSON(this.runs.value);
  }

  /** Adds the runs of an export (replacing those with the same id); a malformed export changes nothing. */
  async importJSON(text: string): Promise<LedgerImport> {
    const parsed = parseLedgerJSON(text);
    if (!parsed.ok) return parsed;
    const replaced = parsed.runs.filter((r) => this.get(r.id)).length;
    await this.addAll(parsed.runs);
    return {ok: true, added: parsed.runs.length - replaced, replaced};
  }

  private async addAll(records: RunRecord[]): Promise<void> {
    const ids = new Set(records.map((r) => r.id));
    this.runs.set(sortByTime([...this.runs.value.filter((r) => !ids.has(r.id)), ...records]));
    await this.persist(async () => {
      for (const record of records) await this.store.put(record.id, record);
    });
  }

  private async persist(write: () => Promise<void>) {
    try {
      await write();
    } catch (e) {
      this.storeError = e instanceof Error ? e.message : String(e);
    }
  }
}

function sortByTime(records: RunRecord[]): RunRecord[] {
  return records.slice().sort((a, b) => a.time - b.time);
}
