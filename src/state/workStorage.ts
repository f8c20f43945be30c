/**
 * Where the store keeps the user's work: localStorage as JSON, as zustand's createJSONStorage,
 * with two differences that keep work from being lost without a word.
 * - Text that cannot be read (not JSON, or JSON without a saved state) comes back as an
 *   UnreadableWork marker instead of an error: zustand swallows a read that throws, starts from
 *   the defaults, and its next save writes over the text. The store's merge sets the text aside
 *   and says so (see store.ts).
 * - A failed write (storage full, or blocked) is caught and reported once until a write works
 *   again; zustand would rethrow it from every later store change.
 * - Work that did not change is not written again, so an idle second tab does not put its older
 *   copy back over the work another tab saved.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { message, type MessageValue } from '../shared/messages/message';

/** Saved work that could not be used, and why; merge turns it into a notice. */
export interface UnreadableWork {
  unreadable: 'notJson' | 'newer' | 'invalid';
  /** 'newer': the format version found. 'invalid': what was wrong. */
  detail?: MessageValue;
}

export function isUnreadable(value: unknown): value is UnreadableWork {
  return typeof value === 'object' && value !== null && 'unreadable' in value;
}

export interface WorkStorageOptions {
  /** The store's format version: a marker must carry it, or zustand tries to migrate it. */
  version: number;
  /** A write failed (after every write since the last failure worked). */
  onWriteFailed: (error: unknown) => void;
}

export function workStorage<S>(options: WorkStorageOptions): PersistStorage<S> | undefined {
  let storage: Storage;
  try {
    // Reading the global itself throws where storage is blocked (cookies off, sandboxed frame):
    // then nothing is kept, as zustand does without a storage.
    storage = localStorage;
  } catch {
    return undefined;
  }
  let failing = false;
  // The text this tab last read or wrote. zustand saves the work on every store change, the run's
  // progress included; a tab whose work did not change must not write its copy over a newer one
  // that another tab saved meanwhile.
  let lastText: string | null = null;
  const marker = (unreadable: UnreadableWork): StorageValue<S> => ({
    state: unreadable as unknown as S,
    version: options.version,
  });
  return {
    getItem: (name) => {
      const raw = storage.getItem(name);
      lastText = raw;
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return marker({ unreadable: 'notJson' });
      }
      if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) {
        // Worded as a validation finds it ("state: expected object"), in the page's language.
        const problem = message('files.zod.expected', { expected: 'object' });
        return marker({
          unreadable: 'invalid',
          detail: message('files.zod.issue', { path: 'state', problem }),
        });
      }
      return parsed as StorageValue<S>;
    },
    setItem: (name, value) => {
      const text = JSON.stringify(value);
      if (text === lastText) return;
      try {
        storage.setItem(name, text);
        lastText = text;
        failing = false;
      } catch (error) {
        if (!failing) {
          failing = true;
          options.onWriteFailed(error);
        }
      }
    },
    removeItem: (name) => storage.removeItem(name),
  };
}
