import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../data/datasets';
import { LAYER_KINDS, LAYER_TYPES } from '../models/layerRegistry';
import { PRESETS } from '../models/presets';
import { BACKEND_CHOICES, LOSSES, OPTIMIZERS } from '../models/trainingConfig';
import { pickLanguage, textLanguage } from './language';
import { numberFormats } from './format';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';
import { trainingEn } from './training/en';
import { messagesEn } from '../shared/messages/text/messages.en';
import { trainingZh } from './training/zh-CN';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every string of a resource tree by its dotted key. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

/** The {{variables}} (without their format) and <tags> a string uses. */
function placeholders(text: string): string[] {
  const variables = [...text.matchAll(/{{\s*-?\s*([\w.]+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1]);
  const tags = [...text.matchAll(/<\/?(\w+)\s*\/?>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...variables, ...tags])].sort() as string[];
}

/** Plural forms grouped under their base key: 'a.b_one', 'a.b_other' → 'a.b'. */
function byBaseKey(strings: Map<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, value] of strings) {
    const base = key.replace(PLURAL, '');
    if (!out.has(base)) out.set(base, new Map());
    out.get(base)?.set(key, value);
  }
  return out;
}

// The lazily loaded "training" namespace is checked with the rest, under its own prefix.
// en's `messages` at runtime lacks the group lateText.ts adds after the first paint: all of them.
const english = byBaseKey(flatten({ ...en, messages: messagesEn, ['ns:training']: trainingEn }));
const chinese = byBaseKey(flatten({ ...zhCN, ['ns:training']: trainingZh }));

describe('locale resources', () => {
  it('en and zh-CN have exactly the same keys (plural forms aside)', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('every key uses the same {{variables}} and tags in both languages', () => {
    // The one key made to differ: each language picks its own name out of the two given.
    const ownName = 'messages.common.inLanguage';
    expect(english.get(ownName)?.get(ownName)).toBe('{{en}}');
    expect(chinese.get(ownName)?.get(ownName)).toBe('{{zh}}');
    for (const [base, forms] of english) {
      if (base === ownName) continue;
      const expected = [...new Set([...forms.values()].flatMap(placeholders))].sort();
      for (const [key, value] of chinese.get(base) ?? []) {
        expect(placeholders(value), `${key}: ${value}`).toEqual(expected);
      }
      for (const [key, value] of forms) {
        expect(placeholders(value), `${key}: ${value}`).toEqual(expected);
      }
    }
  });

  it('plural keys have their "other" form, and English its "one" form too', () => {
    for (const [base, forms] of english) {
      if (![...forms.keys()].some((k) => PLURAL.test(k))) continue;
      expect([...forms.keys()].sort(), base).toEqual([`${base}_one`, `${base}_other`]);
      expect([...(chinese.get(base)?.keys() ?? [])], base).toEqual([`${base}_other`]);
    }
    // A key is either plural or not in both languages.
    for (const [base, forms] of chinese) {
      const plural = [...forms.keys()].some((k) => PLURAL.test(k));
      const englishPlural = [...(english.get(base)?.keys() ?? [])].some((k) => PLURAL.test(k));
      expect(plural, base).toBe(englishPlural);
    }
  });

  it('no value is empty', () => {
    for (const [key, value] of [...flatten(en), ...flatten(zhCN)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('names every layer kind, field, option, preset, optimizer, loss and backend', () => {
    for (const kind of LAYER_KINDS) {
      const type = LAYER_TYPES[kind];
      expect(en.layers.kinds[kind].label, kind).toBe(type.label);
      expect(en.layers.groups[type.group], type.group).toBeTruthy();
      for (const field of type.fields) {
        expect(Object.hasOwn(en.layers.fields, field.key), `${kind}.${field.key}`).toBe(true);
        if (field.type !== 'enum') continue;
        const options: object | undefined = (en.layers.options as Record<string, object>)[
          field.key
        ];
        for (const option of field.options) {
          expect(options && Object.hasOwn(options, option), `${field.key}: ${option}`).toBe(true);
        }
      }
    }
    for (const preset of PRESETS) {
      expect(Object.hasOwn(en.presets, preset.id), preset.id).toBe(true);
    }
    for (const o of OPTIMIZERS) expect(en.settings.optimizers[o]).toBeTruthy();
    for (const l of LOSSES) expect(en.settings.losses[l]).toBeTruthy();
    for (const b of BACKEND_CHOICES) expect(en.settings.backends[b]).toBeTruthy();
  });

  it('every built-in dataset has a Chinese name and description in the manifest', () => {
    for (const entry of MANIFEST) {
      expect(entry.name.zh.trim(), entry.id).not.toBe('');
      expect(entry.description.zh.trim(), entry.id).not.toBe('');
    }
  });
});

describe('language choice', () => {
  it('keeps the stored choice, else takes the browser’s first language it has', () => {
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh'])).toBe('zh-CN');
    expect(pickLanguage(null, ['fr-FR', 'zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['de-DE', 'en-GB', 'zh-CN'])).toBe('en');
    expect(pickLanguage('klingon', ['fr'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });

  it('maps the page language to the { en, zh } texts of data files', () => {
    expect(textLanguage('zh-CN')).toBe('zh');
    expect(textLanguage('en')).toBe('en');
  });
});

describe('number formats', () => {
  it('group, round and write percentages per locale', () => {
    const en = numberFormats('en');
    expect(en.integer(12345.6)).toBe('12,346');
    expect(en.decimal(0.123456, 4)).toBe('0.1235');
    expect(en.percent(0.9312, 1)).toBe('93.1%');
    expect(en.percent(NaN)).toBe('NaN');
    const zh = numberFormats('zh-CN');
    expect(zh.integer(1234567)).toBe('1,234,567');
    expect(zh.percent(0.5, 0)).toBe('50%');
  });
});
