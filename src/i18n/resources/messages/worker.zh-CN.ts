/** Chinese for worker.en.ts: the same keys and {{variables}}. */
import type { Translation } from '../types';
import type { workerEn } from './worker.en';

export const workerZhCN: Translation<typeof workerEn> = {};
