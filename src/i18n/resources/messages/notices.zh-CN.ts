/** Chinese for notices.en.ts: the same keys and {{variables}}. */
import type { Translation } from '../types';
import type { noticesEn } from './notices.en';

export const noticesZhCN: Translation<typeof noticesEn> = {};
