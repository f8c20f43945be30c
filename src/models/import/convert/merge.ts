/** Add and Concatenate: the layer above plus one earlier layer (or the input). */
import { field } from '../json';
import { isLastAxis } from './checks';
import { converted, refused, type Converter } from './types';

export const add: Converter = (_layer, { id, from }) =>
  from === null ? refused('it needs two inputs') : converted({ id, kind: 'add', from });

export const concatenate: Converter = ({ config }, { id, from, rank, earlierFirst }) => {
  if (from === null) return refused('it needs two inputs');
  if (!isLastAxis(field(config, 'axis') ?? -1, rank)) {
    return refused('it joins along another axis than the last (LayerLab joins the last)');
  }
  // LayerLab always puts the layer above first; Keras here lists the earlier layer first.
  const notes = earlierFirst
    ? [
        'its two inputs come in the other order in LayerLab (the layer above first), so the joined features are ordered differently',
      ]
    : [];
  return converted({ id, kind: 'concatenate', from }, notes);
};
