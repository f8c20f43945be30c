/**
 * The registry of internals views: one entry per part of a ProbeResult (see views/ and README.md).
 * Adding a view means adding its file in views/ and one line here; the compiler checks that every
 * part has an entry and that each entry fills the part it is listed under. A cycle computes and
 * unpacks the entries in this order.
 */
import { activations } from './views/activations';
import { attention } from './views/attention';
import { boundary } from './views/boundary';
import { confusion } from './views/confusion';
import { filters } from './views/filters';
import { generation } from './views/generation';
import { histograms } from './views/histograms';
import { projection } from './views/projection';
import { sample } from './views/sample';
import type { ProbePart, ProbeView } from './views/types';

export const PROBE_VIEWS: { [K in ProbePart]: ProbeView<K> } = {
  sample,
  activations,
  attention,
  boundary,
  confusion,
  histograms,
  filters,
  projection,
  generation,
};
