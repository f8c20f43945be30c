/** Chinese for data.en.ts: the same keys and {{variables}}. */
import type { Translation } from './translation';
import type { dataEn } from './data.en';

export const dataZhCN: Translation<typeof dataEn> = {
  downloadFailed: '无法下载 {{url}}：{{error}}',
  downloadHttp: '无法下载 {{url}}：HTTP {{status}}。',
  problem: '{{file}}：{{problem}}',
  tooManyUploads:
    '你已上传 {{count}} 个数据集，这是 LayerLab 能保留的上限。请先在下方列表中删除一个，再上传新的。',
  problemAt: '{{file}}，{{where}}：{{problem}}',
  upload: {
    yours: '你上传的内容',
    yoursLower: '你上传的内容',
    idxFiles: '这 {{count}} 个 IDX 文件',
    files: '这 {{count}} 个文件',
    filesTogether: '这 {{count}} 个文件合计',
    pair: '{{first}} 和 {{second}}',
  },
  where: {
    line: '第 {{line}} 行',
    headerLine: '第 {{line}} 行（表头）',
    image: '图像 {{path}}',
    folder: '文件夹 {{path}}',
    file: '文件 {{path}}',
  },
  nothingChosen: '没有选择任何文件。',
  tooLarge: '{{size}}，超过了 LayerLab 一次能导入的上限（{{limit}}）。请只用数据的一小部分。',
  userDatasetGone:
    '这个浏览器里已不再保存“{{name}}”（网站数据可能已被清除）。请重新上传这些文件，或选择其他数据集。',
  note: {
    shuffled: '样本已打乱（种子 {{seed}}），这样从末尾取出的验证部分才是公平的混合。',
    classes: '{{classes}} 个类别：{{list}}。',
    classesMore: '{{classes}} 个类别：{{list}}，另有 {{more}} 个。',
    mnistTest: '文件中的 {{images, number}} 张测试图像作为测试集。',
    lastColumnLabel: '没有选择标签列，所以最后一列“{{name}}”是标签。',
    readTable: '读取了 {{rows, number}} 行、{{columns}} 列。',
    labelChosenClassification: '“{{name}}”是标签：按所选，这是分类。',
    labelChosenRegression: '“{{name}}”是标签：按所选，这是回归（预测一个数）。',
    labelText: '“{{name}}”是标签。它的值是文本，所以这是分类。',
    labelFewValues:
      '“{{name}}”是标签。它只有 {{distinct}} 个不同的值，所以每个值都当作一个类别（分类）；若要把它当作数来预测，请选择回归。',
    labelManyValues:
      '“{{name}}”是标签。它有 {{distinct}} 个不同的数，所以这是回归（预测一个数）；若要把每个值当作一个类别，请选择分类。',
    leftOut: '未使用列“{{name}}”：{{reason}}',
    droppedRows: '丢弃了 {{rows, number}} 行没有“{{name}}”值的数据（第 {{lines}} 行）。',
    droppedRowsMore: '丢弃了 {{rows, number}} 行没有“{{name}}”值的数据（第 {{lines}} 行等）。',
    targets: '目标值从 {{min}} 到 {{max}}，按原单位使用。',
    inputs:
      '{{columns}} 列得到 {{inputs, number}} 个模型输入：数值列已标准化（均值 0，标准差 1），文本列已做独热编码。',
    constantColumn: '列“{{name}}”每一行都是 {{value}}，对模型没有帮助。',
    filledWithMean: '列“{{name}}”有 {{missing, number}} 个缺失值；已用该列均值（{{mean}}）填充。',
    filledWithTrainingMean:
      '列“{{name}}”有 {{missing, number}} 个缺失值；每次训练时用训练集中该列的均值填充。',
    filledAsNone: '列“{{name}}”有 {{missing, number}} 个缺失值；已编码为“不属于任何类别”。',
    readIdx:
      '从 {{imagesFile}} 读取了 {{images, number}} 张 {{rows, number}} × {{columns}} 像素的图像，并从 {{labelsFile}} 读取了它们的标签。',
    readIdxChannels:
      '从 {{imagesFile}} 读取了 {{images, number}} 张 {{rows, number}} × {{columns}} 像素、{{channels}} 个通道的图像，并从 {{labelsFile}} 读取了它们的标签。',
    pixelsScaled: '像素值已除以 255，所以输入在 0 到 1 之间。',
    foundImages: '在 {{folders}} 个文件夹中找到 {{images, number}} 张图像。',
    classFolders: '类别“{{name}}”汇集了 {{folders}} 个文件夹的图像：{{list}}。',
    resizedGrey:
      '图像已缩放到 {{height}} × {{width}} 像素（形状不同时会被拉伸）并转为灰度，像素值已除以 255。',
    resizedColour:
      '图像已缩放到 {{height}} × {{width}} 像素（形状不同时会被拉伸），保留彩色（RGB），像素值已除以 255。',
    vocabularyTop_other:
      '词表：{{ids, number}} 个编号，即 {{count, number}} 个不同词中最常见的 {{kept, number}} 个，加上 <pad>（0）和 <oov>（1）。',
    vocabularyAll_other: '词表：全部 {{count, number}} 个不同的词，加上 <pad>（0）和 <oov>（1）。',
    lengthsFit: '文本平均 {{average}} 个词（最长 {{longest}} 个）；没有超过 {{length}} 个词的。',
    lengthsCutEnd_other:
      '文本平均 {{average}} 个词（最长 {{longest}} 个）；{{percent}}%（{{count, number}} 条文本）超过 {{length}} 个词，末尾的词会被截掉。',
    lengthsCutStart_other:
      '文本平均 {{average}} 个词（最长 {{longest}} 个）；{{percent}}%（{{count, number}} 条文本）超过 {{length}} 个词，开头的词会被截掉。',
    allWordsKnown: '每个词都在词表中。',
    unknownWords: '{{percent}}% 的词不在词表中，读作 <oov>。',
    emptyTexts_other: '{{count, number}} 条文本没有词（为空或只有标点），将全部是填充。',
    unlabelledClasses: '没有文本被标为 {{classes}}。',
    characters: '词表：{{characters, number}} 个字符，加上 <oov>（0）。',
    windowsSpread:
      '从一段 {{characters, number}} 个字符的文本中取了 {{windows, number}} 个长 {{length}} 个字符的窗口，均匀分布在全部 {{possible, number}} 个可能的窗口上（maxSamples）。',
    windowsEvery:
      '从一段 {{characters, number}} 个字符的文本中取了 {{windows, number}} 个长 {{length}} 个字符的窗口，每隔 {{stride}} 个字符取一个。',
    unknownCharacters: '{{percent}}% 的字符不在词表中，读作 <oov>。',
    unreadable: '这里无法显示由其他版本的 LayerLab 保存的一条说明。',
  },
};
