/**
 * The English Messages the page may show from its first paint: every group but those only the
 * training worker's answers, an import or a save bring (the worker's, the model and data import's,
 * storage's), which src/i18n/lateText.ts adds after the first paint (see messages.en.ts for all).
 * English sentences made outside the components, as Messages (src/shared/messages/message.ts): the `messages`
 * group of the UI text. One file per group in messages/, by where the sentences are made; zh-CN has
 * the same keys in messages.zh-CN.ts (src/i18n/resources.test.ts checks).
 */
import { analysisEn } from './analysis.en';
import { dataEn } from './data.en';
import { filesEn } from './files.en';
import { layersEn } from './layers.en';
import { noticesEn } from './notices.en';

export const firstPaintMessagesEn = {
  /** Shared by every group. */
  common: {
    /** Another message, shown as it is (e.g. an error from a library, which has no translation). */
    verbatim: '{{text}}',
    /** Two whole sentences (or Messages) shown one after the other, e.g. several import notes. */
    joined: '{{first}} {{second}}',
    /** Two items of a list (a longer list nests: ((a, b), c)). */
    listed: '{{first}}, {{second}}',
    /** A name given in both languages (a built-in dataset's): each language shows its own. */
    inLanguage: '{{en}}',
  },
  analysis: analysisEn,
  layers: layersEn,
  data: dataEn,
  notices: noticesEn,
  files: filesEn,
};
