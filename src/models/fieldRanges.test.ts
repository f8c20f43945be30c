import { describe, expect, it } from 'vitest';
import { isMessage } from '../shared/messages/message';
import { chineseText } from '../shared/messages/testing/chineseText';
import { outOfRange } from './fieldRanges';
import { LAYER_TYPES } from './layerRegistry';
import type { LayerSpec } from './spec';

describe('a setting outside its range', () => {
  it('is named in the reader’s language, for every number field of every layer', () => {
    for (const type of Object.values(LAYER_TYPES)) {
      for (const field of type.fields) {
        if (field.type !== 'int' && field.type !== 'float') continue;
        const layer = { ...type.create('l1', 'l0'), [field.key]: field.max + 1 } as LayerSpec;
        const problem = outOfRange(type.fields, layer);
        const where = `${layer.kind}.${field.key}`;
        expect(problem, where).not.toBeNull();
        // A Message, not the field's English label: "动量", never "momentum".
        const name = problem?.values?.name;
        expect(isMessage(name), where).toBe(true);
        if (isMessage(name)) expect(chineseText(name), where).not.toMatch(/^messages\./);
      }
    }
  });
});
