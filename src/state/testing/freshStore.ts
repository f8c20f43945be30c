/**
 * For tests: the store as a fresh page load makes it, over a localStorage in memory that holds
 * `saved` (key → text). Modules are reset, so the store reads its saved work again.
 */
import { vi } from 'vitest';
import { memoryStorage } from '../pageStorage';

export async function freshStore(saved: Record<string, string> = {}) {
  vi.resetModules();
  const storage = memoryStorage();
  for (const [key, value] of Object.entries(saved)) storage.setItem(key, value);
  vi.stubGlobal('localStorage', storage);
  const { useStore } = await import('../store');
  return { useStore, storage };
}
