/**
 * Chinese for modelImport.en.ts: the same keys and {{variables}}. Keras class names, layer and
 * weight names and JSON field names stay as they are.
 */
import type { Translation } from './translation';
import type { modelImportEn } from './modelImport.en';

export const modelImportZhCN: Translation<typeof modelImportEn> = {
  unreadable: '无法读取模型文件（{{detail}}）。',

  textNotJson: '文件里是一段不是 JSON 的文本，而不是模型描述。',
  fileNotObject: '模型文件应是一个 JSON 对象，但这个文件里是{{found}}。',
  graphModelFormat:
    '这是一个 TensorFlow.js 图模型（由 SavedModel 或冻结图转换而来），保存的是运算而不是层。只能导入层模型（来自 Keras 或 tfjs 的 model.save）。',
  otherFormat: '文件的 format 是 {{format}}；只能导入“layers-model”（Keras 或 tfjs 的层模型）。',
  topologyNotObject: '“modelTopology”应是一个对象，但它是{{found}}。',
  graphModelTopology:
    '这是一个 TensorFlow.js 图模型（它的拓扑列出的是图节点，而不是层）。只能导入层模型。',
  notAModel:
    '这不是 Keras 或 TensorFlow.js 模型：TensorFlow.js 的 model.json 含有“modelTopology”，Keras 的 model.to_json() 含有“class_name”和“config”，而这个文件两者都没有。',
  descriptionNotObject: '{{path}} 应是一个对象，但它是{{found}}。',
  noClassName: '{{path}} 没有“class_name”来说明它是哪种模型（“Sequential”“Model”或“Functional”）。',
  fileNoClassName: '文件没有“class_name”来说明它是哪种模型（“Sequential”“Model”或“Functional”）。',
  noConfig: '{{path}} 没有列出模型各层的“config”。',
  fileNoConfig: '文件没有列出模型各层的“config”。',
  configNotObject: '{{path}} 的“config”应是一个列出各层的对象，但它是{{found}}。',
  fileConfigNotObject: '文件的“config”应是一个列出各层的对象，但它是{{found}}。',
  brokenManifestGroup:
    '权重清单已损坏（第 {{group}} 组没有“weights”列表），因此保存的权重没有与设计对应起来。',
  brokenManifestWeight:
    '权重清单已损坏（第 {{weight}} 个权重缺少名称或形状），因此保存的权重没有与设计对应起来。',
  value: {
    null: '空值 null',
    array: '一个数组',
    object: '一个对象',
    nothing: '空（没有值）',
    string: '一个字符串',
    number: '一个数字',
    boolean: '一个布尔值',
    bigint: '一个大整数',
    symbol: '一个符号',
    function: '一个函数',
  },

  entryNotObject: '模型层列表中的第 {{position}} 层应是一个对象，但它是{{found}}。',
  entryNoClassName: '第 {{position}} 层没有“class_name”来说明它是哪种层。',
  entryNoClassNameNamed: '第 {{position}} 层（“{{name}}”）没有“class_name”来说明它是哪种层。',
  entryConfigNotObject:
    '第 {{position}} 层（{{className}}）的“config”应是一个对象，但它是{{found}}。',
  entryNoName: '第 {{position}} 层（{{className}}）没有“name”，因此其他层无法连接到它。',
  inboundNotList: '层“{{name}}”的“inbound_nodes”是{{found}}，而不是列表。',
  inboundEntryNotLinks:
    '层“{{name}}”的“inbound_nodes”中有一项不是指向其他层的连接列表（[name, node, tensor]）。',

  noLayersList: '模型的“config”中没有“layers”列表。',
  tooManyEntries: '模型有 {{layers}} 层；LayerLab 最多导入 {{max}} 层。',
  inputLayerMisplaced: 'InputLayer“{{name}}”不在 Sequential 模型的开头。',
  functionalConfigIsList:
    '函数式模型的“config”应是 { layers, input_layers, output_layers }，而不是列表。',
  duplicateName: '有两个层都叫“{{name}}”。',
  noInputLayers: '模型的“config”中没有指明输入的“input_layers”。',
  noOutputLayers: '模型的“config”中没有指明输出的“output_layers”。',
  severalInputs: '模型有 {{inputs}} 个输入（{{names}}）；LayerLab 的设计只有一个输入。',
  severalOutputs: '模型有 {{outputs}} 个输出（{{names}}）；LayerLab 的设计只有一个输出。',
  inputMissing: '输入“{{name}}”不在层列表中。',
  outputMissing: '输出“{{name}}”不在层列表中。',
  outputNotFirst: '模型的输出不是“{{name}}”的第一个输出；LayerLab 的层只向后传递它们的第一个输出。',
  offTheChain_other:
    '{{names}} 不在从输入到输出的路径上（是一条侧支或第二个输出）；LayerLab 的设计是一条由层组成的链。',
  notConnected: '层“{{name}}”（{{className}}）没有与任何层相连。',
  sharedLayer:
    '层“{{name}}”（{{className}}）被使用了 {{times}} 次（共享权重）；LayerLab 中每个层只使用一次。',
  unknownSource: '层“{{name}}”的输入来自“{{source}}”，但模型中没有这个层。',
  secondCall: '层“{{name}}”使用的是“{{source}}”第二次调用的输出；LayerLab 中每个层只使用一次。',
  laterOutput:
    '层“{{name}}”使用的是“{{source}}”的第 {{output}} 个输出；LayerLab 的层只向后传递它们的第一个输出。',
  cycle: '这些层构成了一个环（{{cycle}}），因此模型没有可以依次构建的顺序。',
  noInputs: '层“{{name}}”没有输入。',
  tooManyInputs:
    '层“{{name}}”有 {{inputs}} 个输入（{{names}}）；在 LayerLab 的设计中，只有 Add 和 Concatenate 能合并两个输入，而且只能是两个。',
  parallelBranches:
    '层“{{name}}”合并了两条并行的分支（“{{first}}”和“{{second}}”）；LayerLab 的合并层把上一层与同一条链上更早的某一层连起来（跳跃连接），因此每条分支都需要是同一条链。',

  noInputShape:
    '模型没有说明它的输入是什么形状（它在构建之前就被保存了）。请在 Keras 中用 Input 层作为模型的开头（或调用 model.build），然后重新保存。',
  zeroInputSize: '输入形状 {{shape}} 中有大小为 0 的维度。',

  notAModelClass:
    '文件描述的是一个“{{className}}”，而不是模型：LayerLab 可导入 Sequential 和函数式（Model）的 Keras 模型。',
  unsupportedLayers_other: '不支持的层：{{layers}}。LayerLab 的设计器没有与之对应的层（或设置）。',
  refusal: '“{{name}}”（{{className}}：{{reason}}）',
  refusalNoReason: '“{{name}}”（{{className}}）',
  refusalList: '{{first}}；{{second}}',
  noLayers: '模型在输入之后没有任何层。',
  tooManyLayers: '模型有 {{layers}} 层；LayerLab 的设计最多容纳 {{max}} 层。',
  layerNotes: '{{className}}“{{name}}”：{{notes}}。',
  noteList: '{{first}}；{{second}}',
  unloadableWeights:
    '保存的 {{total}} 个权重中有 {{unloadable}} 个无法原样放入导入的设计（见权重列表）。',
  missingWeights_other: '{{names}} 没有保存的值：将保留其初始值。',

  files: {
    noJson: '请选择一个 model.json（以及它的 .bin 权重文件）：没有选择 .json 文件。',
    severalJson: '一次只能选择一个 model.json（选择了 {{files}}）。',
    tooLarge: '{{file}} 太大，不像是模型描述文件。',
    notJson: '{{file}} 不是有效的 JSON。',
    notModelJson: '{{file}} 不是 tfjs 的 model.json：{{detail}}。',
    weightFileMissing: '{{file}} 需要权重文件“{{weightFile}}”：请把它和 model.json 一起选择。',
    quantized: '{{file}}：权重“{{name}}”经过量化，LayerLab 无法读取。',
    weightType: '{{file}}：权重“{{name}}”的类型是 {{type}}，LayerLab 无法读取。',
    weightBytes:
      '{{file}}：权重文件共有 {{found}} 字节，但清单描述的是 {{expected}} 字节：有文件缺失、被截断，或来自另一个模型。',
    recordDamaged: '{{file}}：其中 LayerLab 的记录已损坏（{{detail}}）。',
    newer: '{{file}} 由更新版本的 LayerLab 保存（模型文件版本 {{version}}）。',
    experiment: '{{file}}：其中的实验无法载入：{{problem}}',
  },

  weight: {
    noLayer: '导入的层中没有这个权重',
    tooMany: '层“{{layer}}”的权重比 LayerLab 对应的层多',
    shapeUnknown: 'LayerLab 在这里构建的形状未知（前面有一层无效）',
    shapeMismatch: '保存的形状是 {{saved}}，但 LayerLab 构建的是 {{built}}',
  },

  refused: {
    noField: '它没有“{{field}}”',
    noFields: '它没有“{{first}}”或“{{second}}”',
    activationUnreadable: '它的激活函数不是 LayerLab 能读懂的名称',
    activationUnknown: '激活函数“{{name}}”不在 LayerLab 提供的激活函数之中',
    dataFormat: 'data_format 为“{{format}}”（LayerLab 使用 channels_last）',
    windowNotNumbers: '它的{{what}} {{value}} 不是一个或两个整数',
    windowNotSquare: '它的{{what}} {{height}}×{{width}} 不是正方形（LayerLab 的都是正方形）',
    padding: 'padding 为 {{padding}}（LayerLab 只有 valid 和 same）',
    dilation: '它的膨胀率为 {{dilation}}（LayerLab 的是 1）',
    grouped: '它是分组卷积',
    keepdims: '它保留了被池化的轴（keepdims），而 LayerLab 会去掉这些轴',
    reshapeUnknown: '它的目标形状中有一个 -1，在这里无法推算出来',
    capsValues: '它把数值上限限制为 {{max}}',
    threshold: '它设置了阈值',
    softmaxAxis: '它作用在最后一个轴以外的轴上',
    needsTwoInputs: '它需要两个输入',
    concatenateAxis: '它沿最后一个轴以外的轴拼接（LayerLab 沿最后一个轴拼接）',
    batchnormAxis: '它对最后一个轴以外的轴做归一化（LayerLab 使用最后一个轴）',
    layernormAxis: '它在最后一个轴以外的轴上做归一化（LayerLab 使用最后一个轴）',
    rmsScaling: '它使用 RMS 缩放',
    returnState: '它还会返回自身的状态（第二个输出）',
    goBackwards: '它倒序读取序列，而 LayerLab 的循环层按正序读取',
    timeMajor: '它接受时间步在前（time-major）的输入',
    positionalMode: '它的模式 {{mode}} 既不是 learned 也不是 sinusoidal',
    nestedModel: '模型内部嵌套的模型',
    kerasAttention:
      '不导入 Keras 自带的注意力层，在设计器中可以用 LayerLab 的注意力层（自注意力）代替它',
    lambda: '它运行 Python 代码，无法读取',
    tfOperation: '它运行的是 TensorFlow 运算，而不是层',
  },
  window: {
    kernel: '卷积核',
    stride: '步幅',
    poolSize: '池化窗口',
  },

  note: {
    leakyActivation:
      '激活函数“{{name}}”（Keras 3 中斜率为 0.2）已改为 LayerLab 的 leakyRelu，斜率为 0.3',
    geluTanh: 'gelu 的 tanh 近似已改为 gelu',
    noiseShape: '它的 noise_shape 已被舍弃（LayerLab 对每个值单独做 dropout）',
    leakySlope: '它的斜率 {{slope}} 已改为 LayerLab 的 leakyRelu 所用的斜率 {{layerLabSlope}}',
    eluAlpha: '它的 alpha {{alpha}} 已改为 1',
    initializer: '它的 kernel 初始化方法 {{name}} 不在 LayerLab 提供的方法之中，改用 glorotUniform',
    penaltyDropped: '它的 {{field}} 已被舍弃（LayerLab 只有 L1/L2）',
    droppedExtras: '已舍弃 {{fields}}',
    noBias: '它在 Keras 中没有偏置，在 LayerLab 中会有一个偏置（从 0 开始）',
    biasInitializer: '它的偏置初始化方法 {{name}} 已改为 zeros',
    concatenateOrder: '在 LayerLab 中它的两个输入顺序相反（上一层在前），因此拼接后的特征顺序不同',
    noScale: '它在 Keras 中没有可学习的缩放，而在 LayerLab 中有',
    noShift: '它在 Keras 中没有可学习的平移，而在 LayerLab 中有',
    noScaleOrShift: '它在 Keras 中没有可学习的缩放或平移，而在 LayerLab 中有',
    renorm: '批量重归一化（batch renormalization）已被舍弃',
    maskZero:
      'Keras 通过掩码跳过 id 0（填充），而 LayerLab 没有掩码，因此填充会像其他词元一样被读取',
    embeddingInitializer: '它的向量从 ±0.05 内的均匀分布开始，和 LayerLab 的所有嵌入层一样',
    recurrentActivation: '它的激活函数 {{name}} 已改为 tanh（LayerLab 的循环层使用 tanh）',
    recurrentGate: '它的循环激活函数 {{name}} 已改为 sigmoid',
    gruResetAfter:
      '它使用 reset_after=True（TensorFlow 2 的默认值），而 LayerLab 的 GRU 属于 reset_after=False 这一种（重置门在循环乘积之前起作用，偏置少 3×units 个），因此计算结果略有不同，保存的偏置也放不进去',
    forgetBias: '它的遗忘门偏置从 1 开始（unit_forget_bias），和 LayerLab 的所有 LSTM 一样',
    dropoutDropped: '它的 dropout 已被舍弃',
    recurrentDropoutDropped: '它的 recurrent dropout 已被舍弃',
    bothDropoutsDropped: '它的 dropout 和 recurrent dropout 已被舍弃',
    stateful: '它在 Keras 中是有状态的（stateful），而 LayerLab 的每个序列都从零状态开始',
    recurrentInitializer: '它的循环权重（recurrent kernel）从正交初始化开始，而不是 {{name}}',
  },
};
