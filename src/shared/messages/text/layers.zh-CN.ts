/** Chinese for layers.en.ts: the same keys and {{variables}}. Layer labels stay Keras's names. */
import type { Translation } from './translation';
import type { layersEn } from './layers.en';

export const layersZhCN: Translation<typeof layersEn> = {
  atLayer: '第 {{position}} 层（{{label}}）：{{problem}}',
  insideBlock: '{{block}}内部（{{label}}）：{{problem}}',
  insideBlockInvalid: '{{block}}内部有无效的层',
  residualBlockLabel: '残差块',
  transformerBlockLabel: 'Transformer 编码器块',
  residualBlockName: '残差块',
  transformerBlockName: 'Transformer 块',
  tokensNeedEmbedding:
    '输入是词元 id（代表单词或符号的整数），而不是特征。请以 Embedding 层作为模型的第一层。',
  fix: {
    vocabulary: '把词表大小设为 {{value}}',
    maxLength: '把最大长度设为 {{value}}',
    width: '把宽度设为 {{value}}',
    padding: '把 padding 设为“{{value}}”',
  },
  field: {
    filters: '卷积核数量',
    kernelSize: '卷积核大小',
    stride: '步幅',
    poolSize: '池化窗口大小',
    units: '神经元数',
    dropoutRate: 'Dropout 比例',
    dropout: 'Dropout',
    attentionDropout: '注意力 Dropout',
    vocabularySize: '词表大小',
    embeddingSize: '嵌入维度',
    heads: '注意力头数',
    keyDimension: '键维度',
    maxLength: '最大长度',
    width: '宽度',
    feedForwardUnits: '前馈层单元数',
    momentum: '动量',
    epsilon: 'epsilon',
    l1Penalty: 'L1 正则化系数',
    l2Penalty: 'L2 正则化系数',
  },
  outOfRange: 'LayerLab 中{{name}}必须在 {{min}} 到 {{max}} 之间，而不是 {{value}}。',
  notWhole: '{{name}}必须是整数，而不是 {{value}}。',
  tooSmall: '{{name}}至少为 {{min}}，而不是 {{value}}。',
  notRate: '{{name}}必须不小于 0 且小于 1，而不是 {{value}}。',
  unknownInitializer: '未知的初始化方法“{{name}}”。',
  penaltyRange: '{{penalty}} 惩罚系数必须在 0 到 1 之间，而不是 {{value}}。',
  unknownActivation: '未知的激活函数“{{name}}”。',
  unknownMode: '未知的模式“{{name}}”。',
  epsilonRange: 'Epsilon 必须是一个很小的正数（例如 0.001），而不是 {{value}}。',
  momentumRange: 'Momentum 必须不小于 0 且小于 1，而不是 {{value}}。',
  imageFromVector:
    '{{label}} 需要图像输入 [高, 宽, 通道]，但它的输入是扁平向量 {{shape}}。请把它放在所有 Flatten 或 Dense 层之前。',
  imageFromOther: '{{label}} 需要图像输入 [高, 宽, 通道]，但它的输入形状是 {{shape}}。',
  sequenceFromImage:
    '{{label}} 需要序列输入 [时间步, 特征]，但它的输入是图像 {{shape}}。请先加一个 Reshape 变成 [时间步, 特征]（例如把每一行当作一个时间步）。',
  sequenceFromVector:
    '{{label}} 需要序列输入 [时间步, 特征]，但它的输入是扁平向量 {{shape}}。请把它用在序列上，例如放在 Embedding 之后，或放在所有 Flatten 之前。',
  denseOnImage: 'Dense 需要扁平的输入，但它的输入是图像 {{shape}}。请在它前面加一个 Flatten 层。',
  reshapeTarget: 'Reshape 的目标形状必须是不小于 1 的整数，例如“28, 28”；现在是“{{target}}”。',
  reshapeCount:
    'Reshape 无法把 {{from}}（{{fromCount}} 个数）变成 {{to}}（{{toCount}} 个数）：两者的数量必须相同。',
  kernelTooLarge:
    'Conv2D 的卷积核 {{kernel}}×{{kernel}} 比它的输入 {{height}}×{{width}} 还大。请用更小的卷积核，或把 padding 设为“same”。',
  poolTooLarge:
    '{{label}} 的窗口 {{pool}}×{{pool}} 比它的输入 {{height}}×{{width}} 还大。请删掉它或用更小的池化窗口。',
  embeddingNeedsTokens:
    'Embedding 需要词元 id 作为输入（文本或序列数据集上的第一层），但它的输入是数值 {{shape}}。',
  embeddingTooSmall:
    'Embedding 只有 {{rows}} 行，但数据用到了 {{vocab}} 个不同的词元 id，所以 {{rows}} 及以上的 id 没有对应的向量。请把词表大小设为至少 {{vocab}}。',
  positionalTooShort: 'PositionalEmbedding 的最大长度 {{maxLength}} 小于 {{steps}} 个时间步。',
  convResidualNeedsImage: '卷积残差块需要图像输入，但它的输入是 {{shape}}。',
  residualWidthFilters:
    '残差块把输入加到输出上，所以它的宽度（{{width}}）必须等于输入的最后一维（{{channels}}）。请把宽度设为 {{channels}}，或在它前面放一个有 {{width}} 个卷积核的层。',
  residualWidthUnits:
    '残差块把输入加到输出上，所以它的宽度（{{width}}）必须等于输入的最后一维（{{channels}}）。请把宽度设为 {{channels}}，或在它前面放一个有 {{width}} 个单元的层。',
  transformerNeedsSequence:
    'Transformer 块需要序列输入 [时间步, 特征]，但它的输入是 {{shape}}。请把它放在 Embedding（以及 PositionalEmbedding）之后。',
  sourceInput: '输入',
  sourceLayer: '第 {{position}} 层',
  mergeSourceBelow:
    '{{label}} 的第二个输入来自第 {{position}} 层，但那一层不在它上方。一个层只能从它上方的层获取输入（否则会形成环）。',
  mergeSourceMissing:
    '{{label}} 的第二个输入来自“{{from}}”，但它不是上方的层。请选择上方的某一层，或选择输入。',
  mergeSourceBroken: '{{label}} 的第二个输入来自{{source}}，而那里有问题：请先修好那一层。',
  addShapes:
    'Add 逐元素相加两个张量，所以它们的形状必须相同：上一层给出 {{above}}，{{source}}给出 {{other}}。',
  concatenateShapes:
    'Concatenate 沿最后一个轴拼接，所以其他各维必须相同：上一层给出 {{above}}，{{source}}给出 {{other}}。',
};
