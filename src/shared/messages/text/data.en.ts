/**
 * Importing a dataset (src/data/import): why an upload cannot be used. A problem reads
 * "{{file}}: {{problem}}" or "{{file}}, {{where}}: {{problem}}"; {{file}} is a file name or one of
 * the `upload` names, {{where}} one of the `where` places. Sizes ({{size}}, {{limit}}) are written
 * "12.5 MB". English; Chinese in data.zh-CN.ts.
 */
export const dataEn = {
  /** Fetching a bundled dataset; {{error}} is the browser's own words. */
  downloadFailed: 'Could not download {{url}}: {{error}}',
  downloadHttp: 'Could not download {{url}}: HTTP {{status}}.',
  problem: '{{file}}: {{problem}}',
  /** {{count}}: the most uploads the browser keeps (50). */
  tooManyUploads:
    'You have {{count}} uploaded datasets, the most LayerLab keeps. Delete one in the list below to upload another.',
  problemAt: '{{file}}, {{where}}: {{problem}}',
  /** Names for an upload that is not one file. */
  upload: {
    yours: 'Your upload',
    yoursLower: 'your upload',
    idxFiles: 'The {{count}} IDX files',
    files: 'The {{count}} files',
    filesTogether: 'The {{count}} files together',
    pair: '{{first}} and {{second}}',
  },
  where: {
    line: 'line {{line}}',
    headerLine: 'line {{line}} (the header)',
    image: 'image {{path}}',
    folder: 'folder {{path}}',
    file: 'file {{path}}',
  },
  /** An upload button's file dialog was closed with nothing chosen. */
  nothingChosen: 'No files were chosen.',
  /** Size limits. */
  tooLarge:
    '{{size}}, more than LayerLab can import at once ({{limit}}). Use a smaller part of the data.',
  /** A user dataset the page still lists but the browser no longer holds. */
  userDatasetGone:
    '"{{name}}" is no longer stored in this browser (its site data may have been cleared). Upload the files again, or choose another dataset.',
  /**
   * Notes: what an import or the text pipeline found and did, listed in the upload panel and the
   * data browser. {{list}} is class names with their counts ("cat (120), dog (98)"); {{percent}}
   * is a number, written with one decimal.
   */
  note: {
    shuffled:
      'Samples were shuffled (seed {{seed}}) so that the validation part, taken from the end, is a fair mix.',
    classes: '{{classes}} classes: {{list}}.',
    classesMore: '{{classes}} classes: {{list}}, and {{more}} more.',
    mnistTest: 'The {{images, number}} test images of the file are the test set.',
    /** Tables. */
    lastColumnLabel: 'No label column was chosen, so the last column, "{{name}}", is the label.',
    readTable: 'Read {{rows, number}} rows and {{columns}} columns.',
    labelChosenClassification: '"{{name}}" is the label: classification, as chosen.',
    labelChosenRegression: '"{{name}}" is the label: regression (predicting a number), as chosen.',
    labelText: '"{{name}}" is the label. Its values are text, so this is classification.',
    labelFewValues:
      '"{{name}}" is the label. It has only {{distinct}} different values, so each is taken as a class (classification); choose regression to predict it as a number.',
    labelManyValues:
      '"{{name}}" is the label. It has {{distinct}} different numbers, so this is regression (predicting a number); choose classification to treat each value as a class.',
    leftOut: 'Left out column "{{name}}": {{reason}}',
    droppedRows: 'Dropped {{rows, number}} rows with no "{{name}}" value (lines {{lines}}).',
    droppedRowsMore: 'Dropped {{rows, number}} rows with no "{{name}}" value (lines {{lines}}, …).',
    targets: 'The targets range from {{min}} to {{max}} and are used in their own units.',
    inputs:
      '{{inputs, number}} model inputs from {{columns}} columns: numbers are standardised (mean 0, standard deviation 1), text columns are one-hot encoded.',
    constantColumn: 'Column "{{name}}" is {{value}} in every row, so it cannot help the model.',
    /** Notes of files imported before 2026-12-08 (their missing values were filled at import). */
    filledWithMean:
      'Column "{{name}}" has {{missing, number}} missing values; they were filled with the column mean ({{mean}}).',
    filledWithTrainingMean:
      'Column "{{name}}" has {{missing, number}} missing values; each run fills them with the column mean over its training rows.',
    filledAsNone:
      'Column "{{name}}" has {{missing, number}} missing values; they were encoded as "none of the categories".',
    /** IDX files and image folders. */
    readIdx:
      'Read {{images, number}} images of {{rows, number}} × {{columns}} pixels from {{imagesFile}} and their labels from {{labelsFile}}.',
    readIdxChannels:
      'Read {{images, number}} images of {{rows, number}} × {{columns}} pixels with {{channels}} channels from {{imagesFile}} and their labels from {{labelsFile}}.',
    pixelsScaled: 'Pixels were divided by 255, so inputs are between 0 and 1.',
    foundImages: 'Found {{images, number}} images in {{folders}} folders.',
    classFolders: 'Class "{{name}}" gathers the images of {{folders}} folders: {{list}}.',
    resizedGrey:
      'Images were resized to {{height}} × {{width}} pixels (stretched if their shape differs), turned to greyscale, and pixel values divided by 255.',
    resizedColour:
      'Images were resized to {{height}} × {{width}} pixels (stretched if their shape differs) in colour (RGB), and pixel values divided by 255.',
    /** Labelled texts (word ids). */
    vocabularyTop_one:
      'Vocabulary: {{ids, number}} ids, the {{kept, number}} most frequent of {{count, number}} distinct word plus <pad> (0) and <oov> (1).',
    vocabularyTop_other:
      'Vocabulary: {{ids, number}} ids, the {{kept, number}} most frequent of {{count, number}} distinct words plus <pad> (0) and <oov> (1).',
    vocabularyAll_one:
      'Vocabulary: all {{count, number}} distinct word plus <pad> (0) and <oov> (1).',
    vocabularyAll_other:
      'Vocabulary: all {{count, number}} distinct words plus <pad> (0) and <oov> (1).',
    lengthsFit:
      'Texts average {{average}} words (longest {{longest}}); none is longer than {{length}}.',
    lengthsCutEnd_one:
      'Texts average {{average}} words (longest {{longest}}); {{percent}}% ({{count, number}} text) is longer than {{length}} and loses words at the end.',
    lengthsCutEnd_other:
      'Texts average {{average}} words (longest {{longest}}); {{percent}}% ({{count, number}} texts) are longer than {{length}} and lose words at the end.',
    lengthsCutStart_one:
      'Texts average {{average}} words (longest {{longest}}); {{percent}}% ({{count, number}} text) is longer than {{length}} and loses words at the start.',
    lengthsCutStart_other:
      'Texts average {{average}} words (longest {{longest}}); {{percent}}% ({{count, number}} texts) are longer than {{length}} and lose words at the start.',
    allWordsKnown: 'Every word is in the vocabulary.',
    unknownWords: '{{percent}}% of words are outside the vocabulary and read as <oov>.',
    emptyTexts_one:
      '{{count, number}} text has no words (empty or punctuation only) and will be all padding.',
    emptyTexts_other:
      '{{count, number}} texts have no words (empty or punctuation only) and will be all padding.',
    unlabelledClasses: 'No text is labelled {{classes}}.',
    /** Character corpora. */
    characters: 'Vocabulary: {{characters, number}} characters plus <oov> (0).',
    windowsSpread:
      '{{windows, number}} windows of {{length}} characters from a {{characters, number}}-character text, spread evenly over the {{possible, number}} possible (maxSamples).',
    windowsEvery:
      '{{windows, number}} windows of {{length}} characters from a {{characters, number}}-character text, one every {{stride}} characters.',
    unknownCharacters: '{{percent}}% of characters are outside the vocabulary and read as <oov>.',
    /** A stored note whose key this version does not have. */
    unreadable: 'A note saved by another version of LayerLab cannot be shown here.',
  },
};
