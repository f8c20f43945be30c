import { beforeEach, describe, expect, it } from 'vitest';
import { askToPersistStorage, resetPersistRequest } from './persistentStorage';

function fakeStorage(persisted: boolean, persist: () => Promise<boolean>) {
  const calls = { persist: 0 };
  return {
    calls,
    storage: {
      persisted: () => Promise.resolve(persisted),
      persist: () => {
        calls.persist++;
        return persist();
      },
    },
  };
}

beforeEach(resetPersistRequest);

describe('asking the browser to keep saved work', () => {
  it('asks once per visit, however often the user keeps something', async () => {
    const { calls, storage } = fakeStorage(false, () => Promise.resolve(true));
    await askToPersistStorage(storage);
    await askToPersistStorage(storage);
    expect(calls.persist).toBe(1);
  });

  it('does not ask again when the storage is already kept', async () => {
    const { calls, storage } = fakeStorage(true, () => Promise.resolve(true));
    await askToPersistStorage(storage);
    expect(calls.persist).toBe(0);
  });

  it('a refusal or a browser without the API changes nothing', async () => {
    const { storage } = fakeStorage(false, () => Promise.reject(new Error('denied')));
    await expect(askToPersistStorage(storage)).resolves.toBeUndefined();
    resetPersistRequest();
    await expect(askToPersistStorage(undefined)).resolves.toBeUndefined();
  });
});
