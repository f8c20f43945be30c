/**
 * The Web APIs that every runtime of the shared code has (the page, the training worker, Node ≥ 20
 * in the unit tests), for tsconfig.shared.json, whose ECMAScript-only lib declares none of them.
 * Only the members the shared code uses: add one when a module needs it, never a DOM or worker
 * global (those belong in src/components… or src/workers, whose configs have them).
 */

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
}
