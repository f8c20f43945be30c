/** Chinese for dataImport.en.ts: the same keys and {{variables}}. */
import type { Translation } from './translation';
import type { dataImportEn } from './dataImport.en';

export const dataImportZhCN: Translation<typeof dataImportEn> = {
  accepted:
    'LayerLab 可以导入：表格（.csv、.tsv 或 .txt，每行一个样本，第一行是列名）；像 MNIST 那样的一对 IDX 文件（图像和标签，原始或 .gz）；或按类别分文件夹存放的图像（PNG、JPEG、GIF、BMP、WebP），可以是文件夹或 .zip。',
  noFiles: '没有选择任何文件。',
  onlySystemFiles: '选中的只有系统文件。{{accepted}}',
  spreadsheet:
    '这是电子表格；LayerLab 读取的是另存为 CSV 的表格。在 Excel 中：文件 → 另存为 →“CSV UTF-8”。',
  idxNeedsPair:
    'IDX 数据集需要两个文件：图像和它们的标签（例如 train-images-idx3-ubyte.gz 和 train-labels-idx1-ubyte.gz）。请同时选择这两个文件。',
  singleImage: '这是一张单独的图像。请上传一个文件夹（或 .zip），其中每个类别一个图像文件夹。',
  unknownKind: 'LayerLab 不认识这种文件。{{accepted}}',
  idxChooseTwo: '请正好选择两个：一个图像文件和它对应的标签文件（同一组，例如都是“train”）。',
  notADataset:
    '它们组成不了 LayerLab 能读取的数据集（多个文件必须是按类别文件夹存放的图像，或两个 IDX 文件）。{{accepted}}',
  bothLabels: '两个都是标签文件（一维）。请选择一个图像文件和一个标签文件。',
  neitherLabels:
    '两个都不是标签文件（一维）：它们分别有 {{first}} 和 {{second}} 维。请选择一个图像文件和一个标签文件。',
  unpacksTooLarge:
    '它解压后有 {{size}}，超过了 LayerLab 能导入的上限（{{limit}}）。请只用数据的一小部分。',
  tooManyValues: '这些样本需要 {{size}} 内存，超过了 LayerLab 允许的上限（{{limit}}）。{{hint}}',
  hint: {
    fewerImages: '请使用更少的图像。',
    fewerRows: '请使用更少的行或列。',
    smallerImages: '请选择更小的图像尺寸、灰度，或更少的图像。',
  },
  badByte: '偏移 {{offset}} 处的字节 {{byte}}',
  utf16: '这是 UTF-16 文本，LayerLab 无法读取。请另存为 UTF-8（在 Excel 中选“CSV UTF-8”）。',
  binary: '这不是文本文件（{{at}}）。它看起来是二进制数据；请上传保存为文本的表格（.csv）。',
  notUtf8: '这不是 UTF-8 文本（{{at}}）。请另存为 UTF-8（在 Excel 中选“CSV UTF-8”）后重新上传。',
  gzipShort: '这个 gzip 文件不完整；请重新下载。',
  gzipDamaged: '这个 gzip 文件已损坏或不完整（{{reason}}）；请重新下载。',
  zipDamaged: '这个 zip 文件已损坏或不完整（{{reason}}）。请重新打包后上传。',
  csv: {
    empty: '文件是空的。',
    noRows: '有表头（{{header}}），但下面没有数据行。',
    tooManyFields:
      '应有 {{expected}} 个字段（与表头相同），但找到了 {{found}} 个。请检查是否多了分隔符，或某个含分隔符的值应当加引号。',
    tooFewFields:
      '应有 {{expected}} 个字段（与表头相同），但找到了 {{found}} 个。请检查是否缺少值或分隔符。',
    unnamedColumn: '第 {{column}} 列没有名称。第一行必须给每一列命名。',
    duplicateColumn: '第 {{first}} 列和第 {{second}} 列都叫“{{name}}”。请给每一列起不同的名字。',
    unclosedQuote: '某个值的引号（"）没有闭合。请检查这一行的引号。',
    textAfterQuote: '某个加引号的值在右引号之后还有文字。请检查这一行的引号。',
    parser: '{{text}}。',
    emptyLabel: '标签列“{{name}}”没有任何值。',
    noSuchColumn: '没有名为“{{name}}”的列。现有的列是：{{columns}}。',
    noInputColumn: '除了“{{label}}”之外，没有可以用作输入的列。',
    chooseInput: '请至少选择一列作为输入。',
    labelAsInput: '“{{name}}”是标签，所以不能同时作为输入（模型只会直接照抄它）。',
    chosenTwice: '输入列“{{name}}”被选了两次。',
    unusableInput: '列“{{name}}”不能作为输入：{{reason}}',
    columnEmpty: '它没有任何值。',
    tooManyCategories:
      '它有 {{count}} 种不同的文本值（例如 {{examples}}），太多了，无法当作类别使用；名字和编号无助于模型泛化。',
    oneClass: '标签“{{name}}”只有一个值（“{{value}}”），没有什么可区分的。分类至少需要两个类别。',
    notANumber: '回归需要“{{name}}”中是数字，但这一行是“{{value}}”。请修正这个值，或改为分类。',
    noValues: '在有标签的行中，列“{{name}}”没有任何值。',
  },
  idx: {
    badMagic: '这不是 IDX 文件：IDX 文件以字节 00 00 08 开头，而这个文件以 {{bytes}} 开头。',
    nothing: '（空）',
    badType: '这不是 IDX 文件：它的元素类型 0x{{type}} 不是 IDX 定义的类型。',
    notBytes:
      '这个 IDX 文件存放的是 {{type}}；LayerLab 只读取无符号字节（类型 0x08），和 MNIST 一样。',
    types: {
      unsignedBytes: '无符号字节',
      signedBytes: '有符号字节',
      int16: '16 位整数',
      int32: '32 位整数',
      float32: '32 位浮点数',
      float64: '64 位浮点数',
    },
    noDimensions: '这个 IDX 文件没有声明任何维度。',
    shortHeader:
      '这个 IDX 文件在文件头内就中断了（{{bytes}} 字节，仅文件头就需要 {{needed}} 字节）。',
    truncated:
      '这个 IDX 文件被截断了：文件头声明在 {{header}} 字节的文件头之后有 {{dims}} = {{expected}} 个值，但后面只有 {{found}} 字节。请重新下载。',
    extraBytes:
      '这个 IDX 文件比文件头（{{dims}}）描述的多出 {{extra}} 字节；它可能已损坏，或不是 IDX 文件。',
    labelsAsImages: '这是一个标签文件（一维，{{count}} 个值），却被当作图像文件。',
    imageDims:
      '图像应有 3 维（数量 × 行 × 列）或 4 维（含通道），但这个文件有 {{rank}} 维：{{dims}}。',
    labelDims: '标签应有 1 维（每张图像一个数），但这个文件有 {{rank}} 维：{{dims}}。',
    countMismatch:
      '它有 {{labels}} 个标签，但 {{images}} 有 {{count}} 张图像；两者必须成对（同一组，例如都是“train”）。',
    noPixels: '没有任何像素（{{dims}}）。',
    oneLabel: '所有标签都是 {{label}}；分类至少需要两个类别。',
  },
  images: {
    notImage:
      '这不是 LayerLab 能读取的图像（PNG、JPEG、GIF、BMP 或 WebP，按内容判断）。请把它从文件夹中移除。',
    notImageMore_other:
      '这不是 LayerLab 能读取的图像（PNG、JPEG、GIF、BMP 或 WebP，按内容判断）。请把它从文件夹中移除。（另外还有 {{count}} 个文件也不是图像。）',
    none: '里面没有图像。请把每个类别的图像放进各自的文件夹（cats/…、dogs/…）。',
    loose: '这张图像不在任何类别文件夹中。请把每个类别的图像放进各自的文件夹（cats/…、dogs/…）。',
    emptyFolder: '这个类别文件夹里没有图像。请往里面添加图像，或删除它。',
    oneClass:
      '所有图像都在同一个文件夹（“{{folder}}”）里，所以只有一个类别。请把每个类别放进各自的文件夹（cats/…、dogs/…）。',
    undecodable: '这张图像无法解码（{{reason}}）；它可能已损坏。',
    wrongSize: '解码得到 {{got}} 个值，而不是 {{expected}} 个（{{height}} × {{width}} RGBA）。',
  },
};
