/**
 * Dataset notes stored with an upload: English text from before notes were Messages, Messages
 * since, and a Message this version cannot show all load without losing the dataset.
 */
import { describe, expect, it } from 'vitest';
import { englishText } from '../shared/messages/englishText';
import { message } from '../shared/messages/message';
import { chineseText } from '../shared/messages/testing/chineseText';
import { userDatasetEntrySchema } from '../shared/schemas';

const entry = (notes: unknown[]) => ({
  id: 'user:abc',
  kind: 'table',
  task: 'classification',
  name: 'pets',
  inputShape: [2],
  classes: ['a', 'b'],
  samples: 4,
  notes,
});

describe('stored dataset notes', () => {
  it('reads Messages back and shows them in either language', () => {
    const stored = JSON.parse(
      JSON.stringify(entry([message('data.note.readTable', { rows: 1200, columns: 3 })])),
    ) as unknown;
    const [note] = userDatasetEntrySchema.parse(stored).notes;
    expect(englishText(note!)).toBe('Read 1,200 rows and 3 columns.');
    expect(chineseText(note!)).toBe('读取了 1,200 行、3 列。');
  });

  it('shows English text stored by an older version as it is', () => {
    const [note] = userDatasetEntrySchema.parse(entry(['Read 4 rows and 3 columns.'])).notes;
    expect(chineseText(note!)).toBe('Read 4 rows and 3 columns.');
  });

  it('replaces a note it cannot read instead of refusing the dataset', () => {
    const notes = userDatasetEntrySchema
      .parse(entry([{ key: 'data.note.renamedSinceThen' }, 42, message('data.note.pixelsScaled')]))
      .notes.map(englishText);
    expect(notes).toEqual([
      'A note saved by another version of LayerLab cannot be shown here.',
      'A note saved by another version of LayerLab cannot be shown here.',
      'Pixels were divided by 255, so inputs are between 0 and 1.',
    ]);
  });
});
