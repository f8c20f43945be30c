/**
 * Why an uploaded table, IDX pair or image folder cannot be used (src/data/import). Shown only
 * after an upload, so the page adds this group after its first paint (lateMessages.ts). Each is
 * the {{problem}} of data.problem / data.problemAt. English; Chinese in dataImport.zh-CN.ts.
 */
export const dataImportEn = {
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
