import { describe, expect, it } from 'vitest';
import {
  colourIndex,
  contrastInk,
  createColourMap,
  DARK_INK,
  DIVERGING,
  gradientCss,
  hexToRgb,
  LIGHT_INK,
  lightness,
  LUT_SIZE,
  SEQUENTIAL,
  type ColourMap,
} from './colourMaps';

function entry(map: ColourMap, i: number): [number, number, number] {
  return [map.lut[i * 3] ?? -1, map.lut[i * 3 + 1] ?? -1, map.lut[i * 3 + 2] ?? -1];
}

function lightnessAt(map: ColourMap, i: number): number {
  return lightness(...entry(map, i));
}

describe('hexToRgb', () => {
  it('parses #rrggbb and names a bad colour', () => {
    expect(hexToRgb('#0072b2')).toEqual([0, 114, 178]);
    expect(hexToRgb('#FDE725')).toEqual([253, 231, 37]);
    expect(() => hexToRgb('red')).toThrow(/"red"/);
  });
});

describe('createColourMap', () => {
  it('starts and ends on the first and last anchors and interpolates between them', () => {
    const map = createColourMap('grey', ['#000000', '#ffffff']);
    expect(map.lut.length).toBe(LUT_SIZE * 3);
    expect(entry(map, 0)).toEqual([0, 0, 0]);
    expect(entry(map, LUT_SIZE - 1)).toEqual([255, 255, 255]);
    expect(entry(map, 51)).toEqual([51, 51, 51]);
  });

  it('refuses a single anchor', () => {
    expect(() => createColourMap('one', ['#000000'])).toThrow(/at least 2/);
  });
});

describe('SEQUENTIAL (viridis)', () => {
  it('runs from dark purple to yellow', () => {
    expect(entry(SEQUENTIAL, 0)).toEqual([0x44, 0x01, 0x54]);
    expect(entry(SEQUENTIAL, LUT_SIZE - 1)).toEqual([0xfd, 0xe7, 0x25]);
  });

  it('gets lighter all the way, so order reads without hue (greyscale, colour blindness)', () => {
    // Neighbouring 8-bit entries may round to the same colour, so compare every 4th.
    for (let i = 4; i < LUT_SIZE; i += 4) {
      expect(lightnessAt(SEQUENTIAL, i)).toBeGreaterThan(lightnessAt(SEQUENTIAL, i - 4));
    }
  });
});

describe('DIVERGING (blue–white–orange)', () => {
  const mid = (LUT_SIZE - 1) / 2;

  it('is blue below zero, near-white at zero and orange above', () => {
    const [r0, , b0] = entry(DIVERGING, 0);
    const [r1, , b1] = entry(DIVERGING, LUT_SIZE - 1);
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
    expect(lightnessAt(DIVERGING, Math.round(mid))).toBeGreaterThan(95);
  });

  it('darkens monotonically away from zero on both arms', () => {
    for (let i = 4; i <= Math.floor(mid); i += 4) {
      expect(lightnessAt(DIVERGING, i)).toBeGreaterThan(lightnessAt(DIVERGING, i - 4));
    }
    for (let i = Math.ceil(mid) + 4; i < LUT_SIZE; i += 4) {
      expect(lightnessAt(DIVERGING, i)).toBeLessThan(lightnessAt(DIVERGING, i - 4));
    }
  });

  it('gives equal magnitudes about equal lightness on either side', () => {
    for (let d = 0; d <= Math.floor(mid); d += 8) {
      const below = lightnessAt(DIVERGING, Math.floor(mid) - d);
      const above = lightnessAt(DIVERGING, Math.ceil(mid) + d);
      expect(Math.abs(below - above)).toBeLessThan(6);
    }
  });
});

describe('colourIndex', () => {
  it('maps the range onto the table and clamps outside it', () => {
    expect(colourIndex(0, 0, 1)).toBe(0);
    expect(colourIndex(1, 0, 1)).toBe(LUT_SIZE - 1);
    expect(colourIndex(0.5, 0, 1)).toBe(128);
    expect(colourIndex(-3, 0, 1)).toBe(0);
    expect(colourIndex(7, 0, 1)).toBe(LUT_SIZE - 1);
    expect(colourIndex(0, -1, 1)).toBe(128);
  });

  it('flags NaN and puts a flat range in the middle', () => {
    expect(colourIndex(NaN, 0, 1)).toBe(-1);
    expect(colourIndex(3, 3, 3)).toBe(LUT_SIZE >> 1);
  });
});

describe('contrastInk', () => {
  it('writes dark ink on light cells and white ink on dark cells', () => {
    expect(contrastInk(255, 255, 255)).toBe(DARK_INK);
    expect(contrastInk(...entry(SEQUENTIAL, LUT_SIZE - 1))).toBe(DARK_INK);
    expect(contrastInk(...entry(SEQUENTIAL, 0))).toBe(LIGHT_INK);
    expect(contrastInk(...entry(DIVERGING, 0))).toBe(LIGHT_INK);
  });
});

describe('gradientCss', () => {
  it('lists the stops from 0 % to 100 %', () => {
    const css = gradientCss(SEQUENTIAL, 3);
    expect(css).toBe(
      'linear-gradient(to right, rgb(68 1 84) 0%, rgb(33 145 140) 50%, rgb(253 231 37) 100%)',
    );
  });
});
