import { downloadFile } from '../downloadFile';
import { LEGEND, layoutLegend, type LegendEntry } from './legendLayout';

/** Height of the title band above the chart, in CSS pixels. */
const TITLE_HEIGHT = 28;
const TEXT_COLOUR = '#1f2933';

/**
 * Saves a chart as a PNG that stands on its own in a report or a slide: a title above it, the
 * chart's SVG, and a legend of the series shown below it (the page's legend is HTML, outside the
 * SVG). Drawn on a white canvas at twice the chart's size, sharp on high-density screens.
 */
export async function downloadChartPng(
  svg: SVGSVGElement,
  picture: { title: string; legend: readonly LegendEntry[] },
  name: string,
): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const image = await svgImage(svg, width, height);
  const scale = 2;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return;
  const font = `13px ${getComputedStyle(svg).fontFamily || 'sans-serif'}`;
  context.font = font;
  const legend = layoutLegend(picture.legend, width, (label) => context.measureText(label).width);
  const legendTop = TITLE_HEIGHT + height + (legend.height > 0 ? LEGEND.padding / 2 : 0);
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((legendTop + legend.height + LEGEND.padding / 2) * scale);
  // Resizing a canvas resets its state: scale and font are set after it.
  context.scale(scale, scale);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, canvas.height / scale);
  context.font = `600 ${font}`;
  context.fillStyle = TEXT_COLOUR;
  context.textBaseline = 'middle';
  context.fillText(picture.title, LEGEND.padding, TITLE_HEIGHT / 2, width - 2 * LEGEND.padding);
  context.drawImage(image, 0, TITLE_HEIGHT, width, height);
  context.font = font;
  for (const entry of legend.placed) {
    const middle = legendTop + entry.y + LEGEND.rowHeight / 2;
    context.strokeStyle = entry.colour;
    context.lineWidth = 2.5;
    context.setLineDash(entry.dashed ? [5, 3] : []);
    context.beginPath();
    context.moveTo(entry.x, middle);
    context.lineTo(entry.x + LEGEND.swatchWidth, middle);
    context.stroke();
    context.fillStyle = TEXT_COLOUR;
    context.fillText(entry.label, entry.x + LEGEND.swatchWidth + LEGEND.gap, middle);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) downloadFile(name, blob, 'image/png');
}

/** The SVG as an image, serialised with its size (an SVG file needs its namespace and size). */
async function svgImage(svg: SVGSVGElement, width: number, height: number) {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // The page's stylesheet does not come along: without its font the labels would be drawn in the
  // image renderer's default (a serif).
  copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}
