/**
 * Asks the browser, once per visit, to keep this site's storage (saved models, runs, uploaded
 * data) when space runs low, instead of clearing it as "best effort" storage. Asked when the user
 * first keeps something on purpose, so a browser that asks the user (Firefox) asks at a moment
 * that explains itself. Whatever the answer, nothing else changes: it is a request, not a need.
 */
let asked = false;

type PersistingStorage = Pick<StorageManager, 'persist' | 'persisted'>;

export function askToPersistStorage(
  storage: PersistingStorage | undefined = globalThis.navigator?.storage,
): Promise<void> {
  if (asked || typeof storage?.persist !== 'function') return Promise.resolve();
  asked = true;
  return storage
    .persisted()
    .then((already) => (already ? true : storage.persist()))
    .then(
      () => undefined,
      () => undefined, // refused or unavailable (private windows): storage stays best effort
    );
}

/** For tests: forget that it was asked. */
export function resetPersistRequest(): void {
  asked = false;
}
