/**
 * The characters of the built-in corpora, id order (id 0 is `<oov>`), from
 * public/datasets/vocabularies.json. Not in the manifest: the Tang poems' 2,000 characters are
 * ~8 KB gzip that every page load would carry before its first paint. The worker imports this
 * (it checks a corpus file against it); on the page only the internals views that name classes
 * do, and they load after the first paint. Everywhere else a corpus's classes are its ids.
 */
import vocabularies from '../../public/datasets/vocabularies.json';
import { classesIn, type DatasetInfo } from './datasets';

const byId: Readonly<Record<string, readonly string[] | undefined>> = vocabularies;

/** A built-in corpus's characters; null for any other dataset. */
export function corpusVocabulary(id: string): readonly string[] | null {
  return byId[id] ?? null;
}

/**
 * The names to show for the classes: a built-in corpus's characters, else the class names in the
 * reader's language (classesIn).
 */
export function classNames(info: DatasetInfo, language: 'en' | 'zh' = 'en'): readonly string[] {
  return (
    (info.kind === 'corpus' && info.origin === 'builtin' && corpusVocabulary(info.id)) ||
    classesIn(info, language)
  );
}
