import { describe, expect, it } from 'vitest';
import { columnIn } from './columnNames';
import { builtinDataset, userInfo } from './datasets';

describe("column names in the reader's language", () => {
  it('a built-in table names its columns in Chinese on the Chinese page; others keep theirs', () => {
    const iris = builtinDataset('iris');
    expect(columnIn(iris, 'petal length (cm)', 'zh')).toBe('花瓣长度（厘米）');
    expect(columnIn(iris, 'petal length (cm)', 'en')).toBe('petal length (cm)');
    expect(columnIn(iris, 'a column it lacks', 'zh')).toBe('a column it lacks');
    expect(columnIn(builtinDataset('spiral'), 'x', 'zh')).toBe('x');
    // A user's file named like a built-in table keeps its own column names.
    const upload = userInfo({
      id: 'iris',
      name: 'iris.csv',
      kind: 'table',
      task: 'classification',
      inputShape: [1],
      classes: ['a', 'b'],
      samples: 2,
      notes: [],
    });
    expect(columnIn(upload, 'petal length (cm)', 'zh')).toBe('petal length (cm)');
  });
});
