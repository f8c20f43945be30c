/** Which converter reads which Keras class (with the other spellings Keras has used for it). */
import { avgpool2d, conv2d, globalavgpool1d, globalavgpool2d, maxpool2d } from './convolution';
import {
  activation,
  dense,
  dropout,
  elu,
  flatten,
  leakyRelu,
  relu,
  reshape,
  softmax,
} from './core';
import { add, concatenate } from './merge';
import { batchnorm, layernorm } from './normalization';
import { embedding, gru, layerLabAttention, layerLabPositional, lstm, simplernn } from './sequence';
import { message, type Message } from '../../../shared/messages/message';
import type { MessageKey } from '../../../shared/messages/messageKeys';
import type { Converter } from './types';

export type { ConvertContext, Converted, Converter } from './types';

const CONVERTERS: Record<string, Converter> = {
  Dense: dense,
  Dropout: dropout,
  Flatten: flatten,
  Reshape: reshape,
  Activation: activation,
  ReLU: relu,
  LeakyReLU: leakyRelu,
  ELU: elu,
  Softmax: softmax,
  Conv2D: conv2d,
  Convolution2D: conv2d,
  MaxPooling2D: maxpool2d,
  MaxPool2D: maxpool2d,
  AveragePooling2D: avgpool2d,
  AvgPool2D: avgpool2d,
  GlobalAveragePooling1D: globalavgpool1d,
  GlobalAvgPool1D: globalavgpool1d,
  GlobalAveragePooling2D: globalavgpool2d,
  GlobalAvgPool2D: globalavgpool2d,
  BatchNormalization: batchnorm,
  LayerNormalization: layernorm,
  Embedding: embedding,
  SimpleRNN: simplernn,
  LSTM: lstm,
  GRU: gru,
  Add: add,
  Concatenate: concatenate,
  LayerLabMultiHeadSelfAttention: layerLabAttention,
  LayerLabPositionalEmbedding: layerLabPositional,
};

/** Why some well-known classes are refused, where the class name alone does not say. */
const REFUSALS: Record<string, MessageKey> = {
  Sequential: 'modelImport.refused.nestedModel',
  Functional: 'modelImport.refused.nestedModel',
  Model: 'modelImport.refused.nestedModel',
  MultiHeadAttention: 'modelImport.refused.kerasAttention',
  Lambda: 'modelImport.refused.lambda',
  TFOpLambda: 'modelImport.refused.tfOperation',
  SlicingOpLambda: 'modelImport.refused.tfOperation',
};

export function converterFor(className: string): Converter | null {
  return Object.hasOwn(CONVERTERS, className) ? (CONVERTERS[className] ?? null) : null;
}

export function refusalFor(className: string): Message | null {
  const key = Object.hasOwn(REFUSALS, className) ? REFUSALS[className] : undefined;
  return key === undefined ? null : message(key);
}
