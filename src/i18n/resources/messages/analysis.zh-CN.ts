/** Chinese for analysis.en.ts: the same keys and {{variables}}. */
import type { Translation } from '../types';
import type { analysisEn } from './analysis.en';

export const analysisZhCN: Translation<typeof analysisEn> = {};
