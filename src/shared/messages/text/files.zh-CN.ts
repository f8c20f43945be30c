/** Chinese for files.en.ts: the same keys and {{variables}}. */
import type { Translation } from './translation';
import type { filesEn } from './files.en';

export const filesZhCN: Translation<typeof filesEn> = {
  experiment: {
    notObject: '它不是 LayerLab 实验（应为一个 JSON 对象）。',
    wrongFormat: '它不是 LayerLab 实验（格式为“{{format}}”）。',
    newer:
      '它由更新版本的 LayerLab 创建（实验版本 {{version}}；当前版本最高只能读取 {{supported}}）。',
    malformed: '它在 {{where}} 处格式有误。',
    tooLarge:
      '{{file}} 不是 LayerLab 实验文件：文件太大（{{size, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB）。你的工作没有改变。',
    notJson: '{{file}} 不是 LayerLab 实验文件：它不是有效的 JSON。你的工作没有改变。',
    invalid: '无法载入 {{file}}：{{message}}你的工作没有改变。',
  },
  zod: {
    issue: '{{path}}：{{problem}}',
    expected: '应为 {{expected}}',
    empty: '不能为空',
    shortText: '至少需要 {{limit}} 个字符',
    longText: '最多只能有 {{limit}} 个字符',
    fewItems: '至少需要 {{limit}} 项',
    manyItems: '最多只能有 {{limit}} 项',
    atLeast: '不能小于 {{limit}}',
    above: '必须大于 {{limit}}',
    atMost: '不能大于 {{limit}}',
    below: '必须小于 {{limit}}',
    startsWith: '必须以 "{{prefix}}" 开头',
    format: '不是有效的 {{format}}',
    multipleOf: '必须是 {{divisor}} 的倍数',
    unknownKeys: '含有 LayerLab 不认识的字段：{{keys}}',
    oneOf: '必须是以下之一：{{values}}',
    duplicateId: '使用的编号“{{id}}”已被前面的层使用',
    invalid: '在这里无效',
    root: '（根）',
    unknown: '未知问题',
  },
  shareLink: {
    broken: '此分享链接已损坏：{{problem}}',
    wrongStart: '它不是以 {{prefix}} 开头的。',
    empty: '{{prefix}} 之后没有内容。',
    tooLong: '它有 {{length, number}} 个字符，远超 LayerLab 生成的长度。',
    badCharacters: '它含有 LayerLab 链接中从不会出现的字符（可能被截断或修改过）。',
    notDeflate: '它的数据无法解压（可能被截断了）。',
    notText: '它的数据不是文本。',
    notJson: '它的数据不是有效的 JSON。',
    unchanged: '{{problem}}你当前的工作没有改变。',
  },
  lessons: {
    invalid: '{{source}} 不是 LayerLab 课程：{{where}}：{{problem}}。',
    wholeFile: '整个文件',
    unreadable: '无法读取',
    notJson: '{{file}} 不是有效的 JSON。',
    loadFailed: '无法载入课程“{{id}}”（HTTP {{status}}）。',
  },
  classroom: {
    problems: '此链接要求了 LayerLab 没有的内容：{{problems}}',
    cannotHide: 'LayerLab 无法隐藏“{{name}}”（可以隐藏的有：{{allowed}}）。',
    cannotLock: 'LayerLab 无法锁定“{{name}}”（可以锁定的有：{{allowed}}）。',
    noPreset: '没有名为“{{name}}”的预设：未打开。',
    noDataset: '没有名为“{{name}}”的内置数据集：未打开。',
    noLesson: '没有名为“{{name}}”的课程：未打开。',
  },
};
