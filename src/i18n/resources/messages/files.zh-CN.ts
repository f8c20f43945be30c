/** Chinese for files.en.ts: the same keys and {{variables}}. */
import type { Translation } from '../types';
import type { filesEn } from './files.en';

export const filesZhCN: Translation<typeof filesEn> = {};
