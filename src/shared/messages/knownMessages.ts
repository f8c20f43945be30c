/**
 * The English Messages known in this runtime: those the page may show from its first paint, plus
 * the groups registered later (lateMessages.ts: at once in the worker and in Node tests, after the
 * first paint on the page). englishText and isMessageKey read them from here.
 */
import { firstPaintMessagesEn } from './text/firstPaintMessages.en';

type Listener = (groups: Record<string, object>) => void;

export const knownMessages: Record<string, object> = { ...firstPaintMessagesEn };

/**
 * The groups lateMessages.ts registers. Until they arrive (the page's first moments), a stored
 * Message of one of them (an uploaded dataset's note quoting an import problem) is taken on trust
 * rather than refused as unknown: its text arrives a moment later.
 */
export const LATE_GROUPS: readonly string[] = ['modelImport', 'dataImport', 'storage', 'worker'];
const listeners: Listener[] = [];

/** Adds message groups (e.g. { modelImport: {...} }); registering one twice is harmless. */
export function addMessageGroups(groups: Record<string, object>): void {
  Object.assign(knownMessages, groups);
  for (const listener of listeners) listener(groups);
}

/** Calls `listener` with every group added from now on. */
export function onMessageGroups(listener: Listener): void {
  listeners.push(listener);
}
