import { describe, expect, it, vi } from 'vitest';
import { lateMessagesEn } from './lateMessages';
import { LATE_GROUPS } from './knownMessages';

describe('message keys read back from storage', () => {
  it('names every late group', () => {
    expect([...LATE_GROUPS].sort()).toEqual(Object.keys(lateMessagesEn).sort());
  });

  it('takes a late group’s key on trust before the group arrives, and checks it after', async () => {
    vi.resetModules(); // a fresh page: only the first paint's groups are known
    const { isMessageKey } = await import('./messageKeys');
    const { storedMessageSchema } = await import('./storedMessage');
    // An uploaded CSV's note quoting an import problem, as the saved work keeps it.
    const note = {
      key: 'data.note.leftOut',
      values: { reason: { key: 'dataImport.csv.columnEmpty', values: { name: 'age' } } },
    };
    expect(storedMessageSchema.safeParse(note).success).toBe(true);
    expect(isMessageKey('data.noSuchKey')).toBe(false);
    const { addMessageGroups } = await import('./knownMessages');
    addMessageGroups(lateMessagesEn);
    expect(isMessageKey('dataImport.csv.columnEmpty')).toBe(true);
    expect(isMessageKey('dataImport.csv.noSuchKey')).toBe(false);
  });
});
