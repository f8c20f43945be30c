/** Conv2D, MaxPooling2D, AveragePooling2D and global average pooling. */
import { message } from '../../../shared/messages/message';
import { field, intList, numberField } from '../json';
import { readActivation } from './activation';
import { channelsLastProblem, isPadding, paddingOf, squareWindow } from './checks';
import { biasNotes, droppedExtras, readKernelOptions } from './kernel';
import { converted, missing, refused, type Converter } from './types';

export const conv2d: Converter = ({ config }, { id }) => {
  const filters = numberField(config, 'filters');
  if (filters === undefined) return missing('filters');
  const kernelSize = squareWindow(field(config, 'kernel_size'), 'kernel');
  if (typeof kernelSize !== 'number') return refused(kernelSize);
  const strides = squareWindow(field(config, 'strides') ?? 1, 'stride');
  if (typeof strides !== 'number') return refused(strides);
  const padding = paddingOf(config);
  if (!isPadding(padding)) return refused(padding);
  const format = channelsLastProblem(config);
  if (format) return refused(format);
  const dilation = intList(field(config, 'dilation_rate') ?? 1);
  if (!dilation || dilation.some((d) => d !== 1)) {
    const value = field(config, 'dilation_rate');
    return refused(
      message('modelImport.refused.dilation', {
        dilation: JSON.stringify(value) ?? String(value),
      }),
    );
  }
  if ((numberField(config, 'groups') ?? 1) !== 1) {
    return refused(message('modelImport.refused.grouped'));
  }
  const activation = readActivation(field(config, 'activation'));
  if (!activation.ok) return refused(activation.reason);
  const notes = activation.note ? [activation.note] : [];
  const kernel = readKernelOptions(config, notes);
  biasNotes(config, notes);
  droppedExtras(
    config,
    ['bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'],
    notes,
  );
  return converted(
    {
      id,
      kind: 'conv2d',
      filters,
      kernelSize,
      strides,
      padding,
      activation: activation.activation,
      ...kernel,
    },
    notes,
  );
};

function pool(kind: 'maxpool2d' | 'avgpool2d'): Converter {
  return ({ config }, { id }) => {
    const poolSize = squareWindow(field(config, 'pool_size') ?? 2, 'poolSize');
    if (typeof poolSize !== 'number') return refused(poolSize);
    // Keras: strides None means "the pool size".
    const strides = squareWindow(field(config, 'strides') ?? poolSize, 'stride');
    if (typeof strides !== 'number') return refused(strides);
    const padding = paddingOf(config);
    if (!isPadding(padding)) return refused(padding);
    const format = channelsLastProblem(config);
    if (format) return refused(format);
    return converted({ id, kind, poolSize, strides, padding });
  };
}

export const maxpool2d = pool('maxpool2d');
export const avgpool2d = pool('avgpool2d');

function globalPool(kind: 'globalavgpool1d' | 'globalavgpool2d'): Converter {
  return ({ config }, { id }) => {
    const format = channelsLastProblem(config);
    if (format) return refused(format);
    if (field(config, 'keepdims') === true) {
      return refused(message('modelImport.refused.keepdims'));
    }
    return converted({ id, kind });
  };
}

export const globalavgpool1d = globalPool('globalavgpool1d');
export const globalavgpool2d = globalPool('globalavgpool2d');
