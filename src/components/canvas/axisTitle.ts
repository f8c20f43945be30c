/** A vertical axis's title, drawn to suit its script. */
import { FONT_PX } from './canvasSetup';

/** Han characters, which a vertical title stacks upright rather than turning on their side. */
const HAN = /\p{Script=Han}/u;
/** Brackets as vertical text writes them: "位置（查询）" stacked keeps its brackets open downwards. */
const VERTICAL_FORMS: Readonly<Record<string, string>> = {
  '（': '\ufe35',
  '）': '\ufe36',
  '(': '\ufe35',
  ')': '\ufe36',
};

/**
 * The y-axis title centred on (x, y): Chinese stacked top to bottom, each character upright, as
 * vertical Chinese is written ("真实" turned on its side reads as two sideways glyphs); any other
 * script turned to read bottom to top.
 */
export function drawYTitle(
  context: CanvasRenderingContext2D,
  title: string,
  x: number,
  y: number,
): void {
  context.save();
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  if (HAN.test(title)) {
    const characters = [...title].map((character) => VERTICAL_FORMS[character] ?? character);
    const step = FONT_PX + 2;
    const top = y - ((characters.length - 1) * step) / 2;
    characters.forEach((character, i) => context.fillText(character, x, top + i * step));
  } else {
    context.translate(x, y);
    context.rotate(-Math.PI / 2);
    context.fillText(title, 0, 0);
  }
  context.restore();
}
