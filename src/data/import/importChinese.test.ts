/** An upload's problem is told in the page's language: the file's name, where, and what is wrong. */
import { describe, expect, it } from 'vitest';
import { chineseText } from '../../shared/messages/testing/chineseText';
import { file, pngBytes, solidColourDecoder, thrown } from './testing/fixtures';
import { importFiles, sniffUpload } from './index';
import { parseTableText } from './csv';
import { MessageError } from '../../shared/messages/messageError';

function inChinese(f: () => unknown): string {
  const error = thrown(f);
  if (!(error instanceof MessageError)) throw new Error(`not a MessageError: ${error.message}`);
  return chineseText(error.userMessage);
}

describe('import problems in Chinese', () => {
  it('names the upload and the problem', () => {
    expect(inChinese(() => sniffUpload([]))).toBe('你上传的内容：没有选择任何文件。');
    expect(inChinese(() => sniffUpload([file('book.xlsx', 'PK')]))).toMatch(
      /^book\.xlsx：这是电子表格/,
    );
  });

  it('says where in the file, with the numbers in place', () => {
    expect(inChinese(() => parseTableText('t.csv', 'a,b\n1,2\n3\n'))).toBe(
      't.csv，第 3 行：应有 2 个字段（与表头相同），但找到了 1 个。请检查是否缺少值或分隔符。',
    );
  });
});

describe('import notes in Chinese', () => {
  const options = { imageSize: [4, 4] as [number, number], channels: 1 as const };

  it('tells what a table import found and did, with names and numbers in place', async () => {
    const text = 'size,colour,label\n1,red,a\n2,,b\n3,blue,\n4,red,a\n5,blue,b\n';
    const imported = await importFiles([file('pets.csv', text)], options, solidColourDecoder);
    const notes = imported.notes.map(chineseText);
    expect(notes).toContain('没有选择标签列，所以最后一列“label”是标签。');
    expect(notes).toContain('读取了 5 行、3 列。');
    expect(notes).toContain('丢弃了 1 行没有“label”值的数据（第 4 行）。');
    expect(notes).toContain('2 个类别：a (2), b (2)。');
    expect(notes).toContain('列“colour”有 1 个缺失值；已编码为“不属于任何类别”。');
    expect(notes.at(-1)).toBe('样本已打乱（种子 1），这样从末尾取出的验证部分才是公平的混合。');
    // Nothing English is left but the names that come from the file.
    expect(notes.join('').replace(/label|colour|size/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('tells what an image-folder import did', async () => {
    const pets = [
      file('pets/cats/1.png', pngBytes(10)),
      file('pets/dogs/1.png', pngBytes(20)),
      file('pets/dogs/2.png', pngBytes(20)),
    ];
    const imported = await importFiles(pets, options, solidColourDecoder);
    expect(imported.notes.map(chineseText)).toEqual([
      '在 2 个文件夹中找到 3 张图像。',
      '2 个类别：cats (1), dogs (2)。',
      '图像已缩放到 4 × 4 像素（形状不同时会被拉伸）并转为灰度，像素值已除以 255。',
      '样本已打乱（种子 1），这样从末尾取出的验证部分才是公平的混合。',
    ]);
  });
});
