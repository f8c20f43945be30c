/**
 * Why an uploaded table, IDX pair or image folder cannot be used (src/data/import). Shown only
 * after an upload, so the page adds this group after its first paint (lateMessages.ts). Each is
 * the {{problem}} of data.problem / data.problemAt. English; Chinese in dataImport.zh-CN.ts.
 */
export const dataImportEn = {
  /** What LayerLab reads, said after a refusal. */
  accepted:
    'LayerLab can import: a table (.csv, .tsv or .txt, one row per sample, a header row naming the columns); a pair of IDX files as in MNIST (images and labels, raw or .gz); or images (PNG, JPEG, GIF, BMP, WebP) sorted into one folder per class, as a folder or a .zip.',
  noFiles: 'no files were chosen.',
  onlySystemFiles: 'only system files were chosen. {{accepted}}',
  spreadsheet:
    'this is a spreadsheet; LayerLab reads tables saved as CSV. In Excel: File → Save As → "CSV UTF-8".',
  idxNeedsPair:
    'an IDX dataset needs two files, the images and their labels (like train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz). Choose both at once.',
  singleImage:
    'this is a single image. Upload a folder (or a .zip) with one folder of images per class.',
  unknownKind: 'LayerLab does not know this kind of file. {{accepted}}',
  idxChooseTwo:
    'choose exactly two: one file of images and the file of their labels (the same set, e.g. both "train").',
  notADataset:
    'they do not form a dataset LayerLab can read (several files must be images in class folders, or two IDX files). {{accepted}}',
  bothLabels: 'both are label files (one dimension). Choose one images file and one labels file.',
  neitherLabels:
    'neither is a labels file (one dimension): they have {{first}} and {{second}}. Choose one images file and one labels file.',
  unpacksTooLarge:
    'it unpacks to {{size}}, more than LayerLab can import ({{limit}}). Use a smaller part of the data.',
  tooManyValues:
    'the samples would need {{size}} of memory, more than LayerLab allows ({{limit}}). {{hint}}',
  hint: {
    fewerImages: 'Use fewer images.',
    fewerRows: 'Use fewer rows or columns.',
    smallerImages: 'Choose a smaller image size, greyscale, or fewer images.',
  },
  /** Text encodings; {{at}} is `badByte`. */
  badByte: 'byte {{byte}} at offset {{offset}}',
  utf16:
    'this is UTF-16 text, which LayerLab does not read. Save it as UTF-8 (in Excel: "CSV UTF-8").',
  binary:
    'this is not a text file ({{at}}). It looks like binary data; upload a table saved as text (.csv).',
  notUtf8:
    'this is not UTF-8 text ({{at}}). Save it as UTF-8 (in Excel: "CSV UTF-8") and upload it again.',
  /** Archives; {{reason}} is the unpacking library's own words. */
  gzipShort: 'this gzip file is cut short; download it again.',
  gzipDamaged: 'this gzip file is damaged or incomplete ({{reason}}); download it again.',
  zipDamaged:
    'this zip file is damaged or incomplete ({{reason}}). Make the zip again and upload it.',
  /** CSV tables. */
  csv: {
    empty: 'the file is empty.',
    noRows: 'there is a header ({{header}}) but no data rows below it.',
    tooManyFields:
      'expected {{expected}} fields like the header, but found {{found}}. Look for an extra separator, or a value containing one that should be in quotes.',
    tooFewFields:
      'expected {{expected}} fields like the header, but found {{found}}. Look for a missing value or separator.',
    unnamedColumn: 'column {{column}} has no name. The first line must name every column.',
    duplicateColumn:
      'columns {{first}} and {{second}} are both called "{{name}}". Give each column its own name.',
    unclosedQuote: 'a value opens a quote (") that is never closed. Check the quotes on this line.',
    textAfterQuote:
      'a quoted value has more text after its closing quote. Check the quotes on this line.',
    /** The CSV parser's own words. */
    parser: '{{text}}.',
    emptyLabel: 'the label column "{{name}}" has no values.',
    noSuchColumn: 'there is no column called "{{name}}". The columns are: {{columns}}.',
    noInputColumn: 'there is no column besides "{{label}}" that can be used as an input.',
    chooseInput: 'choose at least one column as an input.',
    labelAsInput:
      '"{{name}}" is the label, so it cannot also be an input (the model would just copy it).',
    chosenTwice: 'the input column "{{name}}" is chosen twice.',
    unusableInput: 'column "{{name}}" cannot be an input: {{reason}}',
    columnEmpty: 'it has no values.',
    tooManyCategories:
      'it has {{count}} different text values (like {{examples}}), too many to use as categories; names and IDs do not help a model generalise.',
    oneClass:
      'the label "{{name}}" has only one value ("{{value}}"), so there is nothing to tell apart. Classification needs at least two classes.',
    notANumber:
      'regression needs a number in "{{name}}", but this row has "{{value}}". Fix the value, or choose classification.',
    noValues: 'column "{{name}}" has no values in the rows that have a label.',
  },
  /** IDX files (MNIST's format). */
  idx: {
    badMagic:
      'this is not an IDX file: one starts with the bytes 00 00 08, this one with {{bytes}}.',
    nothing: 'nothing',
    badType: 'this is not an IDX file: its element type 0x{{type}} is not one IDX defines.',
    notBytes:
      'this IDX file holds {{type}}; LayerLab reads only unsigned bytes (type 0x08), as in MNIST.',
    /** The IDX element types, as {{type}} above. */
    types: {
      unsignedBytes: 'unsigned bytes',
      signedBytes: 'signed bytes',
      int16: '16-bit integers',
      int32: '32-bit integers',
      float32: '32-bit floats',
      float64: '64-bit floats',
    },
    noDimensions: 'this IDX file declares no dimensions.',
    shortHeader:
      'this IDX file is cut short inside its header ({{bytes}} bytes, the header alone needs {{needed}}).',
    truncated:
      'this IDX file is truncated: its header promises {{dims}} = {{expected}} values after the {{header}}-byte header, but only {{found}} bytes follow. Download it again.',
    extraBytes:
      'this IDX file has {{extra}} bytes more than its header ({{dims}}) describes; it may be damaged or not an IDX file.',
    labelsAsImages:
      'this is a labels file (1 dimension, {{count}} values), but it was given as the images.',
    imageDims:
      'images should have 3 dimensions (count × rows × columns) or 4 (with channels), but this file has {{rank}}: {{dims}}.',
    labelDims:
      'labels should have 1 dimension (one number per image), but this file has {{rank}}: {{dims}}.',
    countMismatch:
      'it has {{labels}} labels but {{images}} has {{count}} images; they must come in pairs (the same set, e.g. both "train").',
    noPixels: 'there are no pixels ({{dims}}).',
    oneLabel: 'every label is {{label}}; classification needs at least two classes.',
  },
  /** Image folders. */
  images: {
    notImage:
      'this is not an image LayerLab can read (PNG, JPEG, GIF, BMP or WebP, checked by its content). Remove it from the folder.',
    notImageMore_one:
      'this is not an image LayerLab can read (PNG, JPEG, GIF, BMP or WebP, checked by its content). Remove it from the folder. ({{count}} other file is not an image either.)',
    notImageMore_other:
      'this is not an image LayerLab can read (PNG, JPEG, GIF, BMP or WebP, checked by its content). Remove it from the folder. ({{count}} other files are not images either.)',
    none: 'there are no images in it. Put the images of each class in their own folder (cats/…, dogs/…).',
    loose:
      'this image is not inside a class folder. Put the images of each class in their own folder (cats/…, dogs/…).',
    emptyFolder: 'this class folder has no images. Add images to it or remove it.',
    oneClass:
      'all images are in one folder ("{{folder}}"), so there is only one class. Put each class in its own folder (cats/…, dogs/…).',
    undecodable: 'this image could not be decoded ({{reason}}); it may be damaged.',
    wrongSize:
      'decoding gave {{got}} values instead of {{expected}} ({{height}} × {{width}} RGBA).',
  },
};
