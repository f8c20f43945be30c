/** Add and Concatenate: the layer above plus one earlier layer (or the input). */
import { message } from '../../../shared/messages/message';
import { field } from '../json';
import { isLastAxis } from './checks';
import { converted, refused, type Converter } from './types';

export const add: Converter = (_layer, { id, from }) =>
  from === null
    ? refused(message('modelImport.refused.needsTwoInputs'))
    : converted({ id, kind: 'add', from });

export const concatenate: Converter = ({ config }, { id, from, rank, earlierFirst }) => {
  if (from === null) return refused(message('modelImport.refused.needsTwoInputs'));
  if (!isLastAxis(field(config, 'axis') ?? -1, rank)) {
    return refused(message('modelImport.refused.concatenateAxis'));
  }
  // LayerLab always puts the layer above first; Keras here lists the earlier layer first.
  const notes = earlierFirst ? [message('modelImport.note.concatenateOrder')] : [];
  return converted({ id, kind: 'concatenate', from }, notes);
};
