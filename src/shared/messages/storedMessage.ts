/**
 * Messages read back from storage (persisted state, IndexedDB), which an older or newer LayerLab
 * may have written: dataset notes were English strings before they were Messages, and a key may
 * have been renamed since.
 */
import { z } from '../zod';
import { message, verbatim, type Message } from './message';
import { isMessageKey } from './messageKeys';

/** A Message: a key this version knows, values that are text, numbers or Messages. */
export const storedMessageSchema: z.ZodMiniType<Message> = z.lazy(() =>
  z.object({
    key: z.string().check(z.refine(isMessageKey)),
    values: z.optional(
      z.record(z.string(), z.union([z.string(), z.number(), storedMessageSchema])),
    ),
  }),
) as z.ZodMiniType<Message>;

/**
 * A note about a dataset: a Message, or English text stored before notes were Messages (shown as
 * it is). One this version cannot read is replaced, so it never costs the user the dataset.
 */
export const datasetNoteSchema = z.catch(
  z.union([z.pipe(z.string(), z.transform(verbatim)), storedMessageSchema]),
  message('data.note.unreadable'),
);

/** Stored notes as Messages, whatever version wrote them. */
export function readStoredNotes(notes: readonly unknown[]): Message[] {
  return notes.map((note) => datasetNoteSchema.parse(note));
}
