/**
 * What to say when the browser refuses to store something (IndexedDB): for lack of room, a
 * sentence that names the size and what to delete; otherwise the browser's own words. A failed
 * write changes nothing already kept, and the user is told, never shown a bare DOMException.
 */
import { formatBytes } from '../data/import/limits';
import { message, verbatim } from '../shared/messages/message';
import { MessageError } from '../shared/messages/messageError';

/** Whether a failed write was refused for lack of room (the browser's quota for this site). */
export function isQuotaError(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === 'QuotaExceededError';
  return /quota/i.test(String(error));
}

/** The error to answer a failed write of about `bytes` with. */
export function storageRefusal(error: unknown, bytes: number): MessageError {
  if (isQuotaError(error)) {
    return new MessageError(message('storage.full', { size: formatBytes(bytes) }), {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message || error.name : String(error);
  return new MessageError(message('storage.failed', { detail: verbatim(detail) }), {
    cause: error,
  });
}

/** Runs a write; a refusal becomes a MessageError that says why in the user's language. */
export async function storing<T>(bytes: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof MessageError) throw error;
    throw storageRefusal(error, bytes);
  }
}
