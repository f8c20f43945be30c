/** Chinese for worker.en.ts: the same keys and {{variables}}. */
import type { Translation } from './translation';
import type { workerEn } from './worker.en';

export const workerZhCN: Translation<typeof workerEn> = {
  backend: {
    chosenByYou: '{{backend}}：由你选择。',
    chosenFailed: '你选择了 {{backend}}，但它失败了（{{detail}}）。{{fallback}}',
    fastest:
      '{{backend}}：在这台机器上实测，对这个模型最快（{{adapter}}）。每秒样本数：{{table}}。',
    quickStart:
      '{{backend}}：这里最快的 CPU 后端训练这个模型一轮只需 {{seconds}} 秒，所以立即开始训练；GPU（{{adapter}}）在后台测速，供你下一次训练使用。每秒样本数：{{table}}。',
    remembered:
      '{{backend}}：上次在这台机器上实测，对这个模型最快（每秒样本数：{{table}}）；它的单步训练检查再次通过。',
    adapter: 'GPU：{{name}}',
    unnamedAdapter: '未具名的 GPU',
    softwareAdapter: 'WebGPU 只是软件适配器，{{name}}',
    noWebgpuBecause: '没有 WebGPU：{{reason}}',
    noneWorks: '没有任何后端能训练这个模型（{{failures}}）。',
    failure: '{{backend}}：{{detail}}',
    listItem: '{{first}}；{{second}}',
    noWebgpu: '这个浏览器不支持 WebGPU（没有 navigator.gpu）',
    adapterFailed: '请求 WebGPU 适配器失败（{{error}}）',
    noAdapter: 'WebGPU 在这台机器上找不到可用的 GPU 适配器',
    initFailed: 'tfjs 无法初始化 {{backend}}',
    initFailedWith: 'tfjs 无法初始化 {{backend}}（{{error}}）',
    badLoss: '一步训练得到的损失是 {{loss}}',
    stepPassed: '一步训练检查通过',
    pairFallback:
      'A 和 B 都在 {{backend}} 上训练：为 B 选出的后端 {{chosen}} 无法训练 A（{{reason}}）。',
    stepPassedTimed: '一步训练检查通过；已计时',
    stepFailed: '它的训练步骤失败了（{{error}}）',
    missingKernel: '这个模型训练时需要 tfjs 的 {{kernel}} 运算，而 {{backend}} 后端没有它',
    missingKernelFor:
      '这个模型训练时需要 tfjs 的 {{kernel}} 运算（{{use}}），而 {{backend}} 后端没有它',
    kernelUse: {
      conv2dBackpropFilter: '卷积核的梯度',
      unsortedSegmentSum: 'Embedding 层的梯度',
    },
    wasmStepPassed: '一步训练检查通过（{{features}}）',
    wasmStepPassedTimed: '一步训练检查通过；已计时（{{features}}）',
    wasmThreads_other:
      'SIMD {{simd}}，已跨源隔离，{{count}} 个线程（tfjs 使用一半的逻辑核心，最多 4 个）',
    wasmSingleThread: 'SIMD {{simd}}，单线程：这个页面没有跨源隔离（见 README）',
    wasmNoThreads: 'SIMD {{simd}}，单线程：这个浏览器不支持 WebAssembly 线程',
    on: '开',
    off: '关',
  },
  batchTooLarge: '批大小 {{batchSize}} 大于 {{samples}} 个训练样本：请调小批大小。',
  deviceLost: 'GPU 设备丢失了（{{reason}}）。',
  deviceLostNoReason: 'GPU 设备丢失了（没有给出原因）。',
  checkingBackends: '正在检查计算后端…',
  measuringBackend:
    '正在为这个模型挑选最快的后端：正在计时 {{backend}}（已完成 {{done}}/{{total}}）…',
  downloading: '正在下载 {{dataset}}…',
  readFromCache: '已从这个浏览器的缓存中读取 {{dataset}}。',
  decoding: '正在解码 {{dataset}}…',
  divergedNaN:
    '在第 {{step}} 步损失变成了 NaN：训练发散了。学习率 {{learningRate}} 可能太高：请把它调低（例如 {{lower}}），或者保持它不变，在“训练”的“更多”里裁剪梯度或预热；然后按“重置”，再按“训练”。',
  divergedInfinite:
    '在第 {{step}} 步损失变成了无穷大：训练发散了。学习率 {{learningRate}} 可能太高：请把它调低（例如 {{lower}}），或者保持它不变，在“训练”的“更多”里裁剪梯度或预热；然后按“重置”，再按“训练”。',
  earlyStopped_other:
    '在第 {{epoch}} 轮提前停止：{{metric}} 已连续 {{count}} 轮没有改善（最佳在第 {{bestEpoch}} 轮）。',
  earlyStoppedRestored_other:
    '在第 {{epoch}} 轮提前停止：{{metric}} 已连续 {{count}} 轮没有改善。模型已恢复为最佳一轮（第 {{bestEpoch}} 轮）的权重。',
  valLoss: '验证损失',
  valAccuracy: '验证准确率',
  restored: '已载入第 {{step}} 步（第 {{epoch}} 轮）时保存的模型。按“继续”接着训练。',
  forked:
    '从之前一次训练的第 {{step}} 步（第 {{epoch}} 轮）继续，作为一次新的训练。按“继续”接着训练。',
  reopened:
    '已在第 {{step}} 步（第 {{epoch}} 轮）重新打开这次训练，这是它最后的检查点。按“继续”接着训练。',
  checkpointGone: '第 {{step}} 步的检查点已经不保留了。',
  restoredFinished:
    '已载入第 {{step}} 步（第 {{epoch}} 轮）时保存的模型。它已经训练完了 {{epochs}} 轮：请先调高训练轮数，再按“继续”接着训练。',
  fileProblem: '{{file}}：{{problem}}',
  generateNotLanguageModel: '只有字符语言模型（在文本语料上训练）才能根据提示写作。',
  generateNoModel: '还没有可以写作的模型：请先按“训练”（或“单步”）。',
  generateEmptyPrompt: '请输入几个字符，让模型接着写。',
  generateOptions:
    '生成设置超出范围：温度 0 到 3，top-k 为 0 到 1000 的整数，字符数为 1 到 400 的整数。',
  generateInterrupted:
    '写作中断了：开始写作时的模型变了（重置、新的训练或时间轴移动了）。请再按一次“生成”。',
  generateNotFinite:
    '模型给出的概率不是数值（训练发散了），所以无法写作。请把时间轴拖回发散之前的检查点，或调低学习率后重新训练。',
  nothingToSave: '还没有训练好的模型可以保存：请先按“训练”。',
  savedModelGone: '这个保存的模型已经不在这个浏览器里了。',
  partnerInvalid: '训练 A 无法在这份数据上训练：{{reason}}',
  pairNoBackend:
    '训练 A 无法在 {{backend}} 上训练，而这是 B 在这里唯一能用的后端（{{reason}}）：请分别训练 A 和 B，或为两者选择另一个后端。',
  runGone: '这次训练记录已经不在这个浏览器里了（可能已在另一个标签页中删除）。',
  runInOtherTab:
    '这次训练正在另一个 LayerLab 标签页中进行：请在那里重命名或固定它，或等它结束后再操作。',
  noTopology: '{{file}} 含有 LayerLab 的记录，但没有 modelTopology：文件已损坏。',
  weightsNotLoaded: '它的权重没有载入：请把 .bin 文件和 model.json 一起选择，才能一并载入。',
  weightMissing:
    '保存的权重与此设计不匹配：设计中没有权重“{{name}}”。请先换回训练它们时的设计（训练记录：点击“使用此设计”），再试一次。',
  weightShape:
    '保存的权重与此设计不匹配：“{{name}}”在保存的权重中是 {{saved}}，在模型中是 {{model}}。请先换回训练它们时的设计（训练记录：点击“使用此设计”），再试一次。',
  weightsDoNotFit: '它的权重没有保留，因为其中一些与设计不匹配：{{list}}。',
  weightNoPlace: '没有对应位置',
  weightItem: '“{{name}}”（{{problem}}）',
  weightList: '{{first}}，{{second}}',
  weightsNotKept: '它的权重没有保留：{{problem}}',
  noOptimizerState: '文件中没有优化器状态：优化器将从头开始。',
  otherOptimizer: '优化器状态属于 {{saved}}，而不是 {{current}}：优化器将从头开始。',
  normalization: {
    none: '数值按原样使用。',
    scale: '像素值 0–{{divisor}} 除以 {{divisor}}，所以输入落在 [0, 1] 之间。',
    standardize:
      '每个数值列都只用训练行的均值和标准差做标准化（验证行和测试行不参与）：(值 − 均值) ÷ 标准差。表格显示的是原始值。',
  },
};
