/**
 * Code the page loads after its first paint (charts, internals views, share-link compression…).
 * `onDemand(load)` wraps a dynamic import so it runs once, whoever asks first; `prefetchWhenIdle()`
 * (main.tsx, after the first render) then asks for every one of them, one per idle moment, so the
 * chunks are in memory before a click needs them and the first screen never waits for them.
 * A failed load (offline before the chunk was cached) is forgotten, so the next ask tries again.
 */

type Loader = () => Promise<unknown>;

const registered: Loader[] = [];
let prefetching = false;
/** A prefetch chain is under way (one at a time). */
let running = false;
let nextIndex = 0;

export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  const once = (): Promise<T> => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  registered.push(once);
  // Registered after the queue ran dry (a lazy chunk defining its own lazy parts): keep going.
  if (prefetching && !running) startChain();
  return once;
}

function whenIdle(callback: () => void): void {
  // An idle moment, but not later than 2 s after asking (a busy page still gets its chunks).
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 50);
}

function startChain(): void {
  running = true;
  whenIdle(prefetchNext);
}

function prefetchNext(): void {
  const load = registered[nextIndex];
  if (!load) {
    running = false;
    return;
  }
  nextIndex += 1;
  // One chunk at a time, each evaluated in its own idle moment: no long task on the main thread.
  void load()
    .catch(() => undefined) // offline and not cached: the component shows its own message
    .finally(() => whenIdle(prefetchNext));
}

/** Loads every on-demand chunk in the background, one per idle moment. */
export function prefetchWhenIdle(): void {
  if (prefetching) return;
  prefetching = true;
  startChain();
}
