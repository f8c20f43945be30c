/**
 * zod for every schema in LayerLab: the mini build, whose functional API lets the bundler keep
 * only the checks in use (~9 KB gzip on the page, where the full build cost 25 KB of the first
 * load). It carries no messages of its own, so the English ones are set here, once, for the
 * validator's own words that describeZodError and parseLesson pass on ("expected number…").
 * Import `z` from here, not from 'zod' (ESLint refuses the full build).
 */
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
