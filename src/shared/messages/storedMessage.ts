/**
 * Messages read back from storage (persisted state, IndexedDB), which an older or newer LayerLab
 * may have written: dataset notes were English strings before they were Messages, and a key may
 * have been renamed since.
 */
import { z } from 'zod';
import { message, verbatim, type Message } from './message';
import { isMessageKey } from './messageKeys';

/** A Message: a key this version knows, values that are text, numbers or Messages. */
export const storedMessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string().refine(isMessageKey),
    values: z.record(z.string(), z.union([z.string(), z.number(), storedMessageSchema])).optional(),
  }),
) as z.ZodType<Message>;

/**
 * A note about a dataset: a Message, or English text stored before notes were Messages (shown as
 * it is). One this version cannot read is replaced, so it never costs the user the dataset.
 */
export const datasetNoteSchema = z
  .union([z.string().transform(verbatim), storedMessageSchema])
  .catch(message('data.note.unreadable'));

/** Stored notes as Messages, whatever version wrote them. */
export function readStoredNotes(notes: readonly unknown[]): Message[] {
  return notes.map((note) => datasetNoteSchema.parse(note));
}
