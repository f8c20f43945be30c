/**
 * Decoders for the bundled file kinds that share their code with user uploads and the text
 * pipeline: tables go through the same CSV importer as a user's CSV; labelled texts and the
 * character corpora through the tokenisers. Each checks the result against the manifest, so a
 * stale file and a stale manifest cannot silently disagree.
 */
import { corpusVocabulary } from '../data/corpusVocabulary';
import type { DatasetInfo } from '../data/datasets';
import { parseTable } from '../data/import/csv';
import { tableToDataset } from '../data/import/table';
import { buildCharLanguageModel } from '../data/text/charLanguageModel';
import { buildTextClassification } from '../data/text/textClassification';
import type { DecodedDataset } from './datasetLoader';

export function decodeBundledTable(
  name: string,
  bytes: Uint8Array,
  labelColumn: string,
  info: DatasetInfo,
): DecodedDataset {
  const imported = tableToDataset(parseTable({ name, bytes }), {
    labelColumn,
    classesZh: info.classesZh,
  });
  if (imported.classes.join('|') !== info.classes.join('|')) {
    throw new Error(
      `${name} has the classes ${imported.classes.join(', ')}, but the manifest lists ${info.classes.join(', ')}.`,
    );
  }
  return {
    data: imported.data,
    normalization: imported.normalization,
    featureNames: imported.featureNames,
    notes: imported.notes,
  };
}

/** The bundled labelled-text format: { classes, texts, labels } (scripts/build-sentiment.mjs). */
interface TextFile {
  classes: string[];
  texts: string[];
  labels: number[];
}

function parseTextFile(name: string, bytes: Uint8Array): TextFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`${name} is not valid JSON.`, { cause: error });
  }
  const file = json as Partial<TextFile> | null;
  if (
    !file ||
    !Array.isArray(file.classes) ||
    !Array.isArray(file.texts) ||
    !Array.isArray(file.labels)
  ) {
    throw new Error(`${name} must hold "classes", "texts" and "labels" lists.`);
  }
  return file as TextFile;
}

export function decodeBundledText(
  name: string,
  bytes: Uint8Array,
  sequenceLength: number,
  vocabSize: number,
): DecodedDataset {
  const corpus = parseTextFile(name, bytes);
  const built = buildTextClassification(corpus, { sequenceLength, vocabSize });
  return {
    data: built.data,
    normalization: { kind: 'none' },
    tokens: built.vocabulary.tokens,
    texts: Array.from(built.sourceIndex, (i) => corpus.texts[i] ?? ''),
    notes: built.notes,
  };
}

export function decodeBundledCorpus(
  name: string,
  bytes: Uint8Array,
  sequenceLength: number,
  info: DatasetInfo,
): DecodedDataset {
  const text = new TextDecoder().decode(bytes);
  const built = buildCharLanguageModel(text, { sequenceLength, vocabSize: info.classes.length });
  const tokens = built.vocabulary.tokens;
  const expected = corpusVocabulary(info.id) ?? [];
  if (tokens.length !== expected.length || tokens.some((t, i) => t !== expected[i])) {
    throw new Error(
      `${name}'s characters do not match its vocabulary in vocabularies.json: rebuild it (scripts/build-text-corpora.mjs).`,
    );
  }
  return {
    data: built.data,
    normalization: { kind: 'none' },
    tokens,
    notes: built.notes,
  };
}
