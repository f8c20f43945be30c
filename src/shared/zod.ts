/**
 * zod for every schema in LayerLab: the mini build, whose functional API lets the bundler keep
 * only the checks in use (~8 KB gzip on the page, where the full build cost 25 KB of the first
 * load). It carries no messages of its own, and none are loaded: src/shared/zodIssue.ts says what
 * is wrong with a field in LayerLab's words, in every language.
 * Import `z` from here, not from 'zod' (ESLint refuses the full build).
 */
import * as z from 'zod/mini';

export { z };
