/**
 * Share links: the experiment as compressed JSON in the URL fragment (#x=…), so a link carries
 * the whole experiment and never reaches a server. Decoding refuses anything odd (not base64url,
 * not deflate, too big once inflated, not UTF-8, not JSON, not an experiment) with a message, and
 * never throws. The page loads this module (and fflate with it) only when a link is made or
 * opened: loadSharedLink.ts.
 */
import { Inflate, deflateSync, strToU8 } from 'fflate';
import { message, type Message } from '../shared/messages/message';
import { parseExperiment, refuse, type Experiment, type ParseResult } from '../shared/experiment';
import { SHARE_PREFIX } from './sharePrefix';

export { SHARE_PREFIX };
/** A longer fragment is not something LayerLab made (a big design compresses to a few KB). */
export const MAX_LINK_CHARS = 200_000;
/** Inflated JSON above this is refused before parsing (a "zip bomb" in a link). */
export const MAX_JSON_BYTES = 2 * 2 ** 20;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function encodeShareLink(experiment: Experiment): string {
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(experiment)), { level: 9 }));
}

/** Inflates with a size cap; null when the data is not deflate or inflates past the cap. */
function inflateCapped(bytes: Uint8Array, cap: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > cap) {
      tooBig = true;
      throw new Error('too big');
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    inflate.push(bytes, true);
  } catch {
    return null;
  }
  if (tooBig || !ended) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A refusal as the user reads it: "This share link is broken: {{problem}}". */
function broken(problem: Message): ParseResult {
  return refuse(message('files.shareLink.broken', { problem }));
}

/** hash: location.hash, e.g. "#x=…". */
export function decodeShareLink(hash: string): ParseResult {
  if (!hash.startsWith(SHARE_PREFIX))
    return broken(message('files.shareLink.wrongStart', { prefix: SHARE_PREFIX }));
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length === 0)
    return broken(message('files.shareLink.empty', { prefix: SHARE_PREFIX }));
  if (payload.length > MAX_LINK_CHARS) {
    return broken(message('files.shareLink.tooLong', { length: payload.length }));
  }
  const bytes = fromBase64Url(payload);
  if (!bytes) return broken(message('files.shareLink.badCharacters'));
  const json = inflateCapped(bytes, MAX_JSON_BYTES);
  if (!json) return broken(message('files.shareLink.notDeflate'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return broken(message('files.shareLink.notText'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return broken(message('files.shareLink.notJson'));
  }
  const result = parseExperiment(value);
  return result.ok ? result : broken(result.problem);
}
