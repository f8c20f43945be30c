import { describe, expect, it } from 'vitest';
import type { ScratchImage } from './canvasSetup';
import { timelineGrid, timelinePlot } from './histogramTimeline';
import { drawTimeline, type TimelineDrawing } from './histogramTimelineDraw';

/** A 2-D context whose every method does nothing, except that it keeps the text drawn. */
function textRecorder() {
  const texts: string[] = [];
  const context = new Proxy(
    {},
    {
      get: (_, name) =>
        name === 'fillText' ? (text: string) => void texts.push(text) : () => undefined,
      set: () => true,
    },
  );
  return { context: context as CanvasRenderingContext2D, texts };
}

function drawing(snapshots: number): TimelineDrawing {
  const plot = timelinePlot(300, 90);
  return {
    counts: new Float32Array(snapshots * 4),
    snapshots,
    bins: 4,
    range: [-1e-12, 1e-12],
    maxCount: 1,
    plot,
    grid: timelineGrid(plot, snapshots, 4),
    stepLabel: (i) => String(i),
    valueLabel: 'gradient',
    timeLabel: 'step',
    emptyLabel: 'Gradients show while the model trains',
  };
}

describe('an empty timeline', () => {
  it('says why it is empty and draws no value ticks for a range that means nothing', () => {
    const { context, texts } = textRecorder();
    drawTimeline(context, {} as ScratchImage, drawing(0));
    expect(texts).toEqual(['gradient', 'step', 'Gradients show while the model trains']);
  });
});
