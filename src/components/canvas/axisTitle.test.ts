import { describe, expect, it } from 'vitest';
import { drawYTitle } from './axisTitle';

/** A context that records where each piece of text went and whether it was turned. */
function recordingContext() {
  const texts: { text: string; x: number; y: number; turned: boolean }[] = [];
  let turned = false;
  const context = {
    textAlign: 'left',
    textBaseline: 'alphabetic',
    save: () => undefined,
    restore: () => (turned = false),
    translate: () => undefined,
    rotate: () => (turned = true),
    fillText: (text: string, x: number, y: number) => texts.push({ text, x, y, turned }),
  };
  return { context: context as unknown as CanvasRenderingContext2D, texts };
}

describe('the y-axis title', () => {
  it('stacks Chinese characters upright, top to bottom, centred on the axis', () => {
    const { context, texts } = recordingContext();
    drawYTitle(context, '真实', 8, 100);
    expect(texts.map((t) => t.text)).toEqual(['真', '实']);
    expect(texts.every((t) => !t.turned && t.x === 8)).toBe(true);
    const [first, second] = texts;
    expect(first!.y).toBeLessThan(100);
    expect(second!.y).toBeGreaterThan(100);
    expect(first!.y + second!.y).toBeCloseTo(200);
  });

  it('writes brackets in their vertical forms', () => {
    const { context, texts } = recordingContext();
    drawYTitle(context, '位置（查询）', 8, 100);
    expect(texts.map((t) => t.text).join('')).toBe('位置\ufe35查询\ufe36');
  });

  it('turns any other script to read bottom to top, in one piece', () => {
    const { context, texts } = recordingContext();
    drawYTitle(context, 'True class', 8, 100);
    expect(texts).toEqual([{ text: 'True class', x: 0, y: 0, turned: true }]);
  });
});
