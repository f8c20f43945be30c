import { describe, expect, it } from 'vitest';
import { PRESET_GUIDES } from './presetGuides';
import { PRESETS } from './presets';

describe('preset guides', () => {
  it('explain every preset in two paragraphs, in English and Chinese', () => {
    expect(Object.keys(PRESET_GUIDES).sort()).toEqual(PRESETS.map((p) => p.id).sort());
    for (const [id, guide] of Object.entries(PRESET_GUIDES)) {
      for (const paragraphs of [guide.en, guide.zh]) {
        expect(paragraphs, id).toHaveLength(2);
        paragraphs.forEach((p) => expect(p.length, id).toBeGreaterThan(40));
      }
      // The Chinese text is Chinese, not a copy of the English.
      guide.zh.forEach((p) => expect(p, id).toMatch(/[\u4e00-\u9fff]/));
    }
  });
});
