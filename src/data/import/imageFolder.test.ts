import { describe, expect, it, vi } from 'vitest';
import { englishText } from '../../shared/messages/englishText';
import { file, jpegBytes, pngBytes, solidColourDecoder, thrown } from './testing/fixtures';
import { decodeImageFolder, planImageFolder } from './imageFolder';
import type { ImageDecoder, ImportError } from './types';

// Colour tags tell classes apart in the decoded pixels: cats 10, dogs 20, birds 30.
const pets = [
  file('pets/cats/1.png', pngBytes(10)),
  file('pets/cats/2.jpg', jpegBytes(10)),
  file('pets/dogs/1.png', pngBytes(20)),
  file('pets/.DS_Store', [0, 1, 2]),
  file('pets/dogs/Thumbs.db', [0, 1, 2]),
  file('pets/birds/10.png', pngBytes(30)),
  file('pets/birds/9.png', pngBytes(30)),
];

describe('planImageFolder', () => {
  it('groups images by the folder that contains them, classes in natural order', () => {
    const plan = planImageFolder(pets);
    expect(plan.name).toBe('pets');
    expect(plan.classes).toEqual(['birds', 'cats', 'dogs']);
    expect(plan.counts).toEqual([2, 2, 1]);
    expect(plan.images.map((i) => `${i.path}:${i.classIndex}`)).toEqual([
      'pets/birds/9.png:0',
      'pets/birds/10.png:0',
      'pets/cats/1.png:1',
      'pets/cats/2.jpg:1',
      'pets/dogs/1.png:2',
    ]);
    expect(plan.notes.map(englishText)).toContain('3 classes: birds (2), cats (2), dogs (1).');
  });

  it('names a non-image file in the folder, by its content not its name', () => {
    const fake = file('pets/dogs/2.png', new TextEncoder().encode('not really a png'));
    const error = thrown(() => planImageFolder([...pets, fake, file('pets/cats/notes.txt', 'hi')]));
    expect(error.message).toBe(
      'pets/cats/notes.txt: this is not an image LayerLab can read (PNG, JPEG, GIF, BMP or WebP, checked by its content). Remove it from the folder. (1 other file is not an image either.)',
    );
    expect(error.file).toBe('pets/cats/notes.txt');
  });

  it('names the zip and the member inside it when the upload was a zip', () => {
    const error = thrown(() => planImageFolder([file('cats/x.txt', 'hello')], 'pets.zip'));
    expect(error.message).toMatch(/^pets\.zip, file cats\/x\.txt: this is not an image/);
    expect(error).toMatchObject({ file: 'pets.zip' });
    expect(error.where && englishText(error.where)).toBe('file cats/x.txt');
  });

  it('names an empty class folder, listed by a zip or holding only system files', () => {
    const listed = [file('a/1.png', pngBytes()), file('b/1.png', pngBytes()), file('empty/', [])];
    expect(() => planImageFolder(listed, 'p.zip')).toThrow(
      'p.zip, folder empty: this class folder has no images. Add images to it or remove it.',
    );
    expect(() => planImageFolder([...pets, file('pets/foxes/.DS_Store', [0])])).toThrow(
      'pets/foxes: this class folder has no images. Add images to it or remove it.',
    );
  });

  it('needs at least two classes', () => {
    const one = [file('pets/cats/1.png', pngBytes()), file('pets/cats/2.png', pngBytes())];
    expect(() => planImageFolder(one)).toThrow(
      'pets: all images are in one folder ("pets/cats"), so there is only one class. Put each class in its own folder (cats/…, dogs/…).',
    );
  });

  it('needs images, inside class folders', () => {
    expect(() => planImageFolder([file('pets/.DS_Store', [0])])).toThrow(
      /^pets: there are no images in it/,
    );
    expect(() => planImageFolder([], 'e.zip')).toThrow(/^e\.zip: there are no images in it/);
    expect(() =>
      planImageFolder([file('a/1.png', pngBytes()), file('2.png', pngBytes())], 'z.zip'),
    ).toThrow(
      'z.zip, image 2.png: this image is not inside a class folder. Put the images of each class in their own folder (cats/…, dogs/…).',
    );
  });

  it('merges folders with the same name, and says so', () => {
    const split = [
      file('data/train/cats/1.png', pngBytes()),
      file('data/test/cats/2.png', pngBytes()),
      file('data/train/dogs/3.png', pngBytes()),
    ];
    const plan = planImageFolder(split);
    expect(plan.classes).toEqual(['cats', 'dogs']);
    expect(plan.counts).toEqual([2, 1]);
    expect(plan.notes.map(englishText)).toContain(
      'Class "cats" gathers the images of 2 folders: data/test/cats, data/train/cats.',
    );
  });
});

describe('decodeImageFolder', () => {
  it('makes greyscale from luminance, scaled to [0, 1], shape [h, w, 1]', async () => {
    const ds = await decodeImageFolder(pets, { size: [2, 3], channels: 1 }, solidColourDecoder);
    expect(ds.inputShape).toEqual([2, 3, 1]);
    expect(ds.format).toBe('images');
    expect(ds.normalization).toEqual({ kind: 'scale', divisor: 255 });
    expect(ds.data.count).toBe(5);
    expect(ds.data.x.length).toBe(5 * 6);
    // The tag-t colour is (t, 2t, 3t): luminance t * (0.299 + 1.174 + 0.342) = 1.815 t.
    for (let i = 0; i < 5; i++) {
      const tag = { birds: 30, cats: 10, dogs: 20 }[ds.classes[ds.data.y[i] ?? -1] ?? ''] ?? NaN;
      expect(ds.data.x[i * 6 + 5]).toBeCloseTo((1.815 * tag) / 255, 5);
    }
  });

  it('keeps RGB channels in order, per pixel', async () => {
    const ds = await decodeImageFolder(pets, { size: [1, 2], channels: 3 }, solidColourDecoder);
    expect(ds.inputShape).toEqual([1, 2, 3]);
    const dog = Array.from(ds.data.y).indexOf(2);
    expect(ds.data.x.subarray(dog * 6, dog * 6 + 6)).toEqual(
      Float32Array.from([20, 40, 60, 20, 40, 60].map((v) => v / 255)),
    );
  });

  it('names the file a decoder failed on', async () => {
    const failing: ImageDecoder = (entry, size) =>
      entry.name.endsWith('2.jpg')
        ? Promise.reject(new Error('The source image could not be decoded.'))
        : solidColourDecoder(entry, size);
    await expect(decodeImageFolder(pets, { size: [2, 2], channels: 1 }, failing)).rejects.toThrow(
      'pets/cats/2.jpg: this image could not be decoded (The source image could not be decoded.); it may be damaged.',
    );
    await expect(
      decodeImageFolder(pets, { size: [2, 2], channels: 1, archive: 'pets.zip' }, failing),
    ).rejects.toSatisfy(
      (e: ImportError) =>
        e.file === 'pets.zip' &&
        e.where !== undefined &&
        englishText(e.where) === 'image pets/cats/2.jpg',
    );
  });

  it('refuses pixels of the wrong size from the decoder', async () => {
    const wrong: ImageDecoder = () => Promise.resolve(new Uint8ClampedArray(3));
    await expect(decodeImageFolder(pets, { size: [2, 2], channels: 1 }, wrong)).rejects.toThrow(
      /decoding gave 3 values instead of 16 \(2 × 2 RGBA\)/,
    );
  });

  it('reports progress once per image', async () => {
    const onProgress = vi.fn();
    await decodeImageFolder(pets, { size: [1, 1], channels: 1, onProgress }, solidColourDecoder);
    expect(onProgress).toHaveBeenCalledTimes(5);
    expect(onProgress).toHaveBeenLastCalledWith(5, 5);
  });

  it('refuses a bad size argument, naming it', async () => {
    await expect(
      decodeImageFolder(pets, { size: [0, 28], channels: 1 }, solidColourDecoder),
    ).rejects.toThrow(/options\.size must be \[height, width\]/);
  });
});
