/** Reading experiment files, share links, lesson files and classroom URL flags. English; Chinese in files.zh-CN.ts. */
export const filesEn = {
  /** Experiments (src/shared/experiment.ts) and experiment files (the Import button). */
  experiment: {
    /** Why an experiment was refused: a clause that follows "… could not be loaded:" or "This share link is broken:". */
    notObject: 'it is not a LayerLab experiment (expected a JSON object).',
    wrongFormat: 'it is not a LayerLab experiment (format "{{format}}").',
    newer:
      'it was made by a newer LayerLab (experiment version {{version}}; this one reads up to {{supported}}).',
    /** {{where}} is a field and what is wrong with it (`zod`). */
    malformed: 'it is malformed at {{where}}.',
    /** {{size}} is in MB. */
    tooLarge:
      '{{file}} is not a LayerLab experiment: it is too large ({{size, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB). Your work is unchanged.',
    notJson: '{{file}} is not a LayerLab experiment: it is not valid JSON. Your work is unchanged.',
    /** {{message}} is one of the reasons above. */
    invalid: '{{file}} could not be loaded: {{message}} Your work is unchanged.',
  },
  /** The first problem a validation found (src/shared/schemas.ts describeZodError). */
  zod: {
    /** {{path}} is a dotted field path; {{problem}} one of the clauses below. */
    issue: '{{path}}: {{problem}}',
    /** {{expected}} is a JSON type as the validator names it: number, string, array, object… */
    expected: 'expected {{expected}}',
    empty: 'must not be empty',
    shortText: 'must be at least {{limit}} characters long',
    longText: 'must be at most {{limit}} characters long',
    fewItems: 'has too few entries (at least {{limit}} needed)',
    manyItems: 'has too many entries (at most {{limit}} allowed)',
    atLeast: 'must be at least {{limit}}',
    above: 'must be more than {{limit}}',
    atMost: 'must be at most {{limit}}',
    below: 'must be less than {{limit}}',
    startsWith: 'must start with "{{prefix}}"',
    format: 'is not a valid {{format}}',
    multipleOf: 'must be a multiple of {{divisor}}',
    unknownKeys: 'has fields LayerLab does not know: {{keys}}',
    /** {{values}}: the allowed values, JSON-quoted, comma-separated. */
    oneOf: 'must be one of {{values}}',
    /** Two layers of a design share an id; {{id}}: the id. */
    duplicateId: 'uses the id "{{id}}", which an earlier layer already has',
    invalid: 'is not valid here',
    /** The path of the whole document. */
    root: '(root)',
    unknown: 'unknown problem',
  },
  /** Share links (src/state/shareLink.ts). */
  shareLink: {
    /** {{problem}} is one of the clauses below or of `experiment`. */
    broken: 'This share link is broken: {{problem}}',
    wrongStart: 'it does not start with {{prefix}}.',
    empty: 'it is empty after {{prefix}}.',
    tooLong: 'it is {{length, number}} characters long, far more than LayerLab writes.',
    badCharacters:
      'it contains characters a LayerLab link never has (it may have been cut or edited).',
    notDeflate: 'its data does not unpack (it may be truncated).',
    notText: 'its data is not text.',
    notJson: 'its data is not valid JSON.',
    /** A broken link at start-up; {{problem}} is the `broken` sentence. */
    unchanged: '{{problem}} Your current work is unchanged.',
  },
  /** Lesson files (src/lessons). */
  lessons: {
    /** {{where}} is a field path (or `wholeFile`), {{problem}} the validator's text (or `unreadable`). */
    invalid: '{{source}} is not a LayerLab lesson: {{where}}: {{problem}}.',
    wholeFile: 'the file',
    unreadable: 'unreadable',
    notJson: '{{file}} is not valid JSON.',
    loadFailed: 'The lesson “{{id}}” could not be loaded (HTTP {{status}}).',
  },
  /** A teacher's link (src/classroom/classroomFlags.ts). */
  classroom: {
    /** {{problems}} is the sentences below, one after another. */
    problems: 'This link asks for things LayerLab does not have: {{problems}}',
    /** {{allowed}} lists the names that can be used, separated by commas. */
    cannotHide: '“{{name}}” is not something LayerLab can hide (it can hide: {{allowed}}).',
    cannotLock: '“{{name}}” is not something LayerLab can lock (it can lock: {{allowed}}).',
    noPreset: 'There is no preset “{{name}}”: it was not opened.',
    noDataset: 'There is no built-in dataset “{{name}}”: it was not opened.',
    noLesson: 'There is no lesson “{{name}}”: it was not opened.',
  },
};
