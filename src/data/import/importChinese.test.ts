/** An upload's problem is told in the page's language: the file's name, where, and what is wrong. */
import { describe, expect, it } from 'vitest';
import { chineseText } from '../../messages/testing/chineseText';
import { file, thrown } from './fixtures';
import { sniffUpload } from './index';
import { parseTableText } from './csv';
import { MessageError } from '../../messages/messageError';

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
