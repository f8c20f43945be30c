/**
 * Which runs another tab is recording. Each worker holds a Web Lock named after every run it
 * records, for as long as it records it; the browser lets go of it with the tab (closed, reloaded,
 * crashed). A run stored as "live" whose lock comes free was cut short; one whose lock stays held
 * trains in another tab and is left alone: not reopened here, not evicted, not marked interrupted.
 */
export interface RunLocks {
  /** Holds the run's lock until the returned function is called. */
  hold(runId: string): () => void;
  /** Whether another tab still holds the run's lock after a short wait. */
  heldElsewhere(runId: string): Promise<boolean>;
  /** Resolves once no tab holds the run's lock (taken for a moment, and let go at once). */
  whenFree(runId: string): Promise<void>;
}

const PREFIX = 'layerlab-run:';
/**
 * How long a lock may take to come free before its run counts as another tab's: a reloaded page's
 * worker can start before the old one's locks are let go.
 */
export const LOCK_WAIT_MS = 1500;

/** Web Locks in this worker, or null where the browser has none (every live run was cut short). */
export function webRunLocks(): RunLocks | null {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return null;
  return {
    hold(runId) {
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      locks
        .request(PREFIX + runId, () => released)
        .catch((error: unknown) => {
          console.error('LayerLab could not hold the lock of a run:', error);
        });
      return release;
    },
    async whenFree(runId) {
      await locks.request(PREFIX + runId, () => undefined);
    },
    async heldElsewhere(runId) {
      try {
        // Granted (and let go at once) when free, or once freed within the wait.
        await locks.request(
          PREFIX + runId,
          { signal: AbortSignal.timeout(LOCK_WAIT_MS) },
          () => {},
        );
        return false;
      } catch (error) {
        return error instanceof DOMException && error.name === 'TimeoutError';
      }
    },
  };
}
