/**
 * Tells the other tabs' workers that the stored runs changed (a run began, moved on, was renamed,
 * pinned, deleted or evicted), so each re-reads the summaries and its page's run list follows:
 * a run training in one tab is seen growing in another, and run numbers and the storage budget
 * are counted on the runs every tab stored. A BroadcastChannel does not hear its own messages.
 */

/** One channel for the origin: the run history is one IndexedDB per origin, whatever the path. */
const CHANNEL = 'layerlab-run-changes';

export interface RunBroadcast {
  /** Tells the other tabs that the stored runs changed. */
  changed(): void;
  /** Calls `listener` when another tab says so. */
  listen(listener: () => void): void;
}

/** A BroadcastChannel in this worker, or null where there is none (then each tab sees its own). */
export function channelRunBroadcast(name = CHANNEL): RunBroadcast | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    changed: () => channel.postMessage('changed'),
    listen(listener) {
      channel.onmessage = () => listener();
    },
  };
}
