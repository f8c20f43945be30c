/** Chinese for layers.en.ts: the same keys and {{variables}}. */
import type { Translation } from '../types';
import type { layersEn } from './layers.en';

export const layersZhCN: Translation<typeof layersEn> = {};
