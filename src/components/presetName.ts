import type { TFunction } from 'i18next';
import { en } from '../i18n/resources/en';

type PresetId = keyof typeof en.presets;

const isPresetId = (id: string): id is PresetId => Object.hasOwn(en.presets, id);

/** A preset's name in the page's language (its own English name if the resources lack it). */
export function presetName(t: TFunction, preset: { id: string; name: string }): string {
  return isPresetId(preset.id) ? t(`presets.${preset.id}`) : preset.name;
}
