/**
 * The page's localStorage, or, where the browser blocks it (cookies off for the site, a sandboxed
 * frame: reading the `localStorage` global itself throws), a Storage in memory for the page's
 * life. Every feature that keeps something (recent experiments, lesson progress) then works for
 * this visit instead of throwing on a click or blanking a panel; only keeping it is lost.
 */
/** A Storage that lives in memory (also the tests' stand-in for localStorage). */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

function open(): Storage {
  try {
    const storage = localStorage;
    void storage.length; // some browsers throw only on the first use
    return storage;
  } catch {
    return memoryStorage();
  }
}

let opened: Storage | null = null;

/** Opened at first use (not at import: tests stub the global before they use it). */
export function pageStorage(): Storage {
  return (opened ??= open());
}
