/**
 * The built-in tables' input columns in Chinese, by their names in the file, from
 * public/datasets/column-names.json. Not in the manifest: the breast-cancer table's 30 names
 * would ride on every first paint, and only the dataset browser (loaded later) shows them.
 */
import columnNames from '../../public/datasets/column-names.json';
import type { DatasetInfo } from './datasets';

const chinese: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> =
  columnNames.zh;

/** A built-in table's columns in Chinese, by their names in the file; null for other data. */
export function chineseColumns(id: string): Readonly<Record<string, string>> | null {
  return chinese[id] ?? null;
}

/** A table column's name for a reader of `language`: a built-in table's Chinese name where known. */
export function columnIn(info: DatasetInfo, column: string, language: 'en' | 'zh'): string {
  const names = language === 'zh' && info.origin === 'builtin' ? chineseColumns(info.id) : null;
  return names?.[column] ?? column;
}
