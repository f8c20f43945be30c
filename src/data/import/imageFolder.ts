/**
 * Images sorted into one folder per class ("dataset/cats/1.png", "dataset/dogs/7.jpg"), from a
 * folder upload or a zip. The class of an image is the folder directly containing it. Pixels
 * are decoded by an injected ImageDecoder (the browser's, in the worker), so this stays pure.
 */
import { message, type Message } from '../../shared/messages/message';
import { compareNatural, describeClasses } from './classes';
import { checkInputValues } from './limits';
import { imageType } from './magic';
import { isIgnoredSegment, pathSegments, stemName } from './paths';
import { DEFAULT_IMPORT_SEED, shuffleNote, shuffleSamples } from './shuffle';
import { ImportError, type FileEntry, type ImageDecoder, type ImportedDataset } from './types';

export interface ImageFolderOptions {
  /** [height, width] every image is resized to (stretched when its aspect ratio differs). */
  size: [number, number];
  /** 1: greyscale (luminance), 3: RGB. Alpha is dropped. */
  channels: 1 | 3;
  /** Seed of the sample shuffle. Default: DEFAULT_IMPORT_SEED. */
  seed?: number | undefined;
  /** The zip the entries came from: messages then name it, and it names the dataset. */
  archive?: string | undefined;
  /** Called after each decoded image, for a progress bar. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** One image to decode, and its class. */
export interface PlannedImage {
  /** Normalised path, as shown in messages. */
  path: string;
  entry: FileEntry;
  classIndex: number;
}

/** What an upload holds, found without decoding a pixel: checked and grouped into classes. */
export interface ImageFolderPlan {
  name: string;
  classes: string[];
  /** Sorted by path, so the same upload always gives the same samples. */
  images: PlannedImage[];
  /** Images per class, by class index. */
  counts: number[];
  notes: Message[];
}

/** Images decoded at once: enough to overlap the browser's decoding, few enough to bound memory. */
const DECODE_CONCURRENCY = 4;
/** The largest side LayerLab resizes to; bigger inputs would not train in a browser anyway. */
export const MAX_IMAGE_SIDE = 512;

/**
 * Checks and groups the entries: every file must be an image (by its bytes, not its name) inside
 * a class folder, no class folder may be empty, and there must be at least two classes.
 */
export function planImageFolder(entries: readonly FileEntry[], archive?: string): ImageFolderPlan {
  // Messages name the zip and the member inside it, or the uploaded path itself.
  const problem = (path: string, kind: 'image' | 'folder' | 'file', text: Message) =>
    archive === undefined
      ? new ImportError(path, text)
      : new ImportError(archive, text, message(`data.where.${kind}`, { path }));

  const directories = new Set<string>();
  const found: { path: string; entry: FileEntry; folder: string }[] = [];
  const notImages: string[] = [];
  for (const entry of entries) {
    const segments = pathSegments(entry.name);
    const isDirectory = /[\\/]$/.test(entry.name);
    const folders = isDirectory ? segments : segments.slice(0, -1);
    if (segments.length === 0 || folders.some(isIgnoredSegment)) continue;
    for (let depth = 1; depth <= folders.length; depth++)
      directories.add(folders.slice(0, depth).join('/'));
    const base = segments.at(-1) ?? '';
    if (isDirectory || isIgnoredSegment(base)) continue;
    const path = segments.join('/');
    if (imageType(entry.bytes) === null) notImages.push(path);
    else found.push({ path, entry, folder: folders.join('/') });
  }

  if (notImages.length > 0) {
    const [first = '', ...others] = notImages.sort(compareNatural);
    throw problem(
      first,
      'file',
      others.length > 0
        ? message('dataImport.images.notImageMore', { count: others.length })
        : message('dataImport.images.notImage'),
    );
  }
  const uploadName = archive ?? commonRoot(entries) ?? message('data.upload.yoursLower');
  if (found.length === 0) {
    throw new ImportError(uploadName, message('dataImport.images.none'));
  }
  const loose = found.find((image) => image.folder === '');
  if (loose !== undefined) {
    throw problem(loose.path, 'image', message('dataImport.images.loose'));
  }
  // A folder with no subfolders must hold images: an empty one is probably a class that was
  // meant to be there, and silently training without it would mislead.
  const withImages = new Set(found.map((image) => image.folder));
  const emptyLeaf = [...directories]
    .sort(compareNatural)
    .find(
      (dir) =>
        !withImages.has(dir) && ![...directories].some((other) => other.startsWith(`${dir}/`)),
    );
  if (emptyLeaf !== undefined) {
    throw problem(emptyLeaf, 'folder', message('dataImport.images.emptyFolder'));
  }

  // The class is the folder's own name, so train/cats and test/cats are one class.
  const className = (folder: string) => folder.slice(folder.lastIndexOf('/') + 1);
  const classes = [...new Set(found.map((image) => className(image.folder)))].sort(compareNatural);
  if (classes.length < 2) {
    throw new ImportError(
      uploadName,
      message('dataImport.images.oneClass', { folder: [...withImages][0] ?? '' }),
    );
  }
  const classIndex = new Map(classes.map((name, i) => [name, i]));
  const images = found
    .sort((a, b) => compareNatural(a.path, b.path))
    .map(({ path, entry, folder }) => ({
      path,
      entry,
      classIndex: classIndex.get(className(folder)) ?? 0,
    }));
  const counts = classes.map(() => 0);
  for (const image of images) counts[image.classIndex] = (counts[image.classIndex] ?? 0) + 1;

  const notes = [
    message('data.note.foundImages', { images: images.length, folders: withImages.size }),
  ];
  notes.push(describeClasses(classes, counts));
  for (const name of classes) {
    const folders = [...withImages].filter((f) => className(f) === name).sort(compareNatural);
    if (folders.length > 1)
      notes.push(
        message('data.note.classFolders', {
          name,
          folders: folders.length,
          list: folders.join(', '),
        }),
      );
  }
  const name = archive === undefined ? (commonRoot(entries) ?? 'images') : stemName(archive);
  return { name, classes, images, counts, notes };
}

/** Decodes a planned upload into samples: x in [0, 1], inputShape [height, width, channels]. */
export async function decodeImageFolder(
  entries: readonly FileEntry[],
  options: ImageFolderOptions,
  decode: ImageDecoder,
): Promise<ImportedDataset> {
  const [height, width] = options.size;
  const { channels } = options;
  const validSide = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_IMAGE_SIDE;
  if (!validSide(height) || !validSide(width)) {
    throw new RangeError(
      `decodeImageFolder: options.size must be [height, width], whole numbers from 1 to ${MAX_IMAGE_SIDE}; got [${options.size.join(', ')}].`,
    );
  }
  if (channels !== 1 && channels !== 3) {
    throw new RangeError(
      `decodeImageFolder: options.channels must be 1 or 3; got ${String(channels)}.`,
    );
  }
  const plan = planImageFolder(entries, options.archive);
  const count = plan.images.length;
  const pixels = height * width;
  checkInputValues(
    options.archive ?? plan.name,
    count * pixels * channels,
    message('dataImport.hint.smallerImages'),
  );

  // x: [count, height, width, channels] flattened.
  const x = new Float32Array(count * pixels * channels);
  let next = 0;
  let done = 0;
  let failed = false;
  const fail = (path: string, text: Message, cause?: unknown) =>
    options.archive === undefined
      ? new ImportError(path, text, undefined, cause)
      : new ImportError(options.archive, text, message('data.where.image', { path }), cause);
  const work = async () => {
    while (next < count && !failed) {
      const i = next++;
      const image = plan.images[i] as PlannedImage;
      let rgba: Uint8ClampedArray;
      try {
        rgba = await decode(image.entry, [height, width]);
      } catch (error) {
        failed = true;
        const reason = error instanceof Error ? error.message : String(error);
        throw fail(image.path, message('dataImport.images.undecodable', { reason }), error);
      }
      if (rgba.length !== pixels * 4) {
        failed = true;
        throw fail(
          image.path,
          message('dataImport.images.wrongSize', {
            got: rgba.length,
            expected: pixels * 4,
            height,
            width,
          }),
        );
      }
      writePixels(rgba, channels, x, i * pixels * channels);
      done++;
      options.onProgress?.(done, count);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DECODE_CONCURRENCY, count) }, work));

  const y = Int32Array.from(plan.images, (image) => image.classIndex);
  const seed = options.seed ?? DEFAULT_IMPORT_SEED;
  return {
    name: plan.name,
    format: 'images',
    task: 'classification',
    inputShape: [height, width, channels],
    classes: plan.classes,
    data: shuffleSamples({ x, y, count }, seed),
    normalization: { kind: 'scale', divisor: 255 },
    notes: [
      ...plan.notes,
      message(channels === 1 ? 'data.note.resizedGrey' : 'data.note.resizedColour', {
        height,
        width,
      }),
      shuffleNote(seed),
    ],
  };
}

/** RGBA bytes → channels-last floats in [0, 1]; greyscale is luminance (ITU-R BT.601 weights). */
function writePixels(rgba: Uint8ClampedArray, channels: 1 | 3, out: Float32Array, offset: number) {
  const pixels = rgba.length / 4;
  for (let p = 0; p < pixels; p++) {
    const r = rgba[4 * p] as number;
    const g = rgba[4 * p + 1] as number;
    const b = rgba[4 * p + 2] as number;
    if (channels === 1) out[offset + p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else {
      out[offset + 3 * p] = r / 255;
      out[offset + 3 * p + 1] = g / 255;
      out[offset + 3 * p + 2] = b / 255;
    }
  }
}

/** The first folder of every entry's path when they all share one ("dataset"), else undefined. */
function commonRoot(entries: readonly FileEntry[]): string | undefined {
  const roots = new Set(
    entries
      .map((entry) => pathSegments(entry.name))
      .filter((segments) => segments.length > 1)
      .map((segments) => segments[0]),
  );
  return roots.size === 1 ? [...roots][0] : undefined;
}
