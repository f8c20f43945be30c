/** Chinese for notices.en.ts: the same keys and {{variables}}. */
import type { Translation } from './translation';
import type { noticesEn } from './notices.en';

export const noticesZhCN: Translation<typeof noticesEn> = {
  expandBlockFirst: '展开这个块之前，请先修好它上方的层：它的输入形状还不确定。',
  loaded: '已从{{source}}载入实验。',
  loadedNamed: '已从{{source}}载入实验“{{name}}”。',
  replacedKept: '你之前的工作已保存在“最近…”中。',
  loadedAndKept: '{{notice}}你之前的工作已保存在“最近…”中。',
  loadedOtherData:
    '已从{{source}}载入实验，但它的数据集“{{dataset}}”是在另一个浏览器中上传的，所以改为选择 {{fallback}}。',
  loadedNamedOtherData:
    '已从{{source}}载入实验“{{name}}”，但它的数据集“{{dataset}}”是在另一个浏览器中上传的，所以改为选择 {{fallback}}。',
  source: {
    link: '链接',
    recent: '最近的实验',
    savedModel: '保存的模型“{{name}}”',
    uploadedModel: '上传的模型',
    run: '训练记录“{{name}}”',
  },
  savedDesignUnreadable:
    '无法读取你保存的设计（{{detail}}），所以显示的是默认设计。无法读取的副本保存在键 {{key}} 下。',
  savedDesignNotJson:
    '无法读取你保存的设计（它的文本不是 JSON），所以显示的是默认设计。无法读取的副本保存在键 {{key}} 下。',
  savedDesignNewer:
    '你保存的设计是由更新版本的 LayerLab 写入的（格式 {{version}}），所以显示的是默认设计。它的副本保存在键 {{key}} 下；重新加载页面即可使用新版本。',
  workNotSaved:
    '无法在此浏览器中保存你的设计（{{detail}}）。它仍显示在屏幕上，但重新加载会丢失更改：请点击“导出”把它保存到文件。',
  savedDatasetMissing:
    '保存的数据集“{{dataset}}”已不可用，所以改为选择 {{fallback}}。你的设计没有改变。',
  locked: '老师的链接锁定了{{parts}}，所以这项更改没有生效。',
  lockedPart: {
    designer: '设计器',
    dataset: '数据集',
    settings: '训练设置',
    preset: '预设',
  },
  runNotReopened:
    '第 {{number}} 次训练在第 {{step}} 步被中断。你的设计之后改过了，所以没有重新打开它；它的曲线和检查点都在“训练记录”面板里。',
  runNumber: '第 {{number}} 次训练',
  runsEvicted:
    '为了让训练记录不超过 {{budget}}，最早的未固定记录已被删除：{{names}}。固定一条记录即可保留它。',
  checkpointsTooBig:
    '这个模型太大，无法保存权重检查点（每个超过 {{budget}}）：它的曲线会保留，但无法回到训练中的某一刻。',
  checkpointsQuota:
    '浏览器已没有空间保存更多检查点，这次训练不再保存检查点（曲线和之前保存的内容都会保留）。删除旧的训练记录可以腾出空间。',
  workerCrashed: '训练进程崩溃了（{{details}}）。',
  workerCrashedNoDetails: '训练进程崩溃了（没有详细信息）。',
  workerUnreadable: '训练进程发来了一条无法读取的消息。',
  workerRestarted: '{{reason}}已启动新的训练进程；你的设计和设置都完好无损。请按“训练”重新运行。',
  workerRestarting: '{{reason}}新的训练进程将在 {{seconds}} 秒后启动；你的设计和设置都完好无损。',
  workerWontStart:
    '{{reason}}训练进程连续 {{count}} 次启动失败或启动后不久就停止，因此不再自动重启：请重新加载页面再试；如果问题出在 GPU，可以把计算后端换成 CPU 或 WASM。你的设计和设置都完好无损。',
  modelImported: '已把模型导入设计器（输入 [{{shape}}]）。',
  modelImportedWeights: '它的权重已保存为“{{name}}”：按“载入”即可从这些权重开始。',
};
