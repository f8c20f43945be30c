/** Chinese for analysis.en.ts: the same keys and {{variables}}. */
import type { Translation } from './translation';
import type { analysisEn } from './analysis.en';

export const analysisZhCN: Translation<typeof analysisEn> = {
  noLayers: '模型还没有任何层。请至少添加一个 Dense 层来产生输出。',
  tooMuchMemory:
    '训练这个模型大约需要 {{total}}：权重 {{weights}}，梯度同样多，优化器状态 {{optimizer}}，一个大小为 {{batch}} 的批次的各层输出 {{activations}}。浏览器标签页大约只能拿出 {{limit}}。请减少层数或宽度、缩小词表，或减小批大小。',
  outputMismatch:
    '模型输出的形状是 {{shape}}，但 {{dataset}} 有{{has}}，所以输出必须是 {{want}}。{{fix}}',
  has: {
    targets_other: ' {{count}} 个目标值',
    classes: ' {{count}} 个类别',
  },
  want: {
    regression: '[{{count}}]（每个目标值一个输出）',
    sequence: '{{shape}}（每个位置上每个符号一个分数）',
    binary: '[2]（对 2 个类别做 softmax）或 [1]（一个 sigmoid 单元）',
    classes: '[{{count}}]（每个类别一个输出）',
  },
  fix: {
    regression_other: '请以一个 {{count}} 个单元、线性激活的 Dense 层结尾。',
    sequence: '请在序列上以一个 {{count}} 个单元的 Dense 层结尾（不要 Flatten 或池化）。',
    flatten: '请在末尾加上 Flatten 和一个 Dense 层（或在 Dense 之前用全局池化）。',
    units: '请把最后一个 Dense 层设为 {{count}} 个单元。',
  },
  regressionLoss:
    '{{dataset}} 要预测的是实数而不是类别：请使用均方误差损失（交叉熵只适用于类别标签）。',
  categoricalOneOutput:
    '多分类交叉熵需要每个类别一个输出，但模型只有 1 个输出。请改用二元交叉熵加 sigmoid 输出，或用 2 个 softmax 单元。',
  regressionActivation:
    '最后一层使用了“{{activation}}”，它会限制输出的取值范围；回归通常以“linear”激活的 Dense 层结尾。',
  categoricalActivation:
    '多分类交叉熵需要概率作为输入：最后一层使用的是“{{activation}}”，通常应选“softmax”。',
  binaryActivation:
    '二元交叉熵需要 0 到 1 之间的值：最后一层使用的是“{{activation}}”，通常应选“sigmoid”。',
  fieldNotNumber: '“{{field}}”不是数字：请输入一个数字后再训练。',
  noDense: '模型没有 Dense 层，所以没有可以学习分类器的权重。',
  setting: {
    learningRate: '学习率必须是 {{min}} 到 {{max}} 之间的数。',
    batchSize: '批大小必须是 {{min}} 到 {{max}} 之间的整数。',
    epochs: '训练轮数必须是 {{min}} 到 {{max}} 之间的整数。',
    validationSplit: '验证集比例必须在 {{min}} 到 {{max}} 之间。',
    testSplit: '测试集比例必须在 {{min}} 到 {{max}} 之间。',
    heldOutTooMuch:
      '验证集和测试集一共留出了 {{percent}}% 的数据，剩下用来训练的太少了：请让两者之和不超过 80%。',
    seed: '随机种子必须是不小于 0 的整数。',
    outOfRange: '训练设置 {{setting}} 必须是 {{min}} 到 {{max}} 之间的数。',
    wholeOutOfRange: '训练设置 {{setting}} 必须是 {{min}} 到 {{max}} 之间的整数。',
    noise: '噪声必须在 {{min}} 到 {{max}} 之间。',
    samples: '数据点数必须是 {{min}} 到 {{max}} 之间的整数。',
    sequenceLength: '序列长度必须是 {{min}} 到 {{max}} 之间的整数。',
    symbols: '符号数必须是 {{min}} 到 {{max}} 之间的整数。',
    vocabularySize: '词表大小必须是 {{min}} 到 {{max}} 之间的整数。',
  },
};
