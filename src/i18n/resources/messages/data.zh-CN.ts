/** Chinese for data.en.ts: the same keys and {{variables}}. */
import type { Translation } from '../types';
import type { dataEn } from './data.en';

export const dataZhCN: Translation<typeof dataEn> = {};
