/**
 * Notices about the app itself (the dismissible bar at the top), set by the store, the bridge and
 * the panels. {{source}} is where an experiment came from (a Message below, or a file name).
 * Chinese in notices.zh-CN.ts.
 */
export const noticesEn = {
  /** Expanding a block needs the shape that flows into it. */
  expandBlockFirst:
    'Fix the layers above the block before expanding it: its input shape is unknown.',
  loaded: 'Loaded the experiment from {{source}}.',
  loadedNamed: 'Loaded the experiment “{{name}}” from {{source}}.',
  /** The experiment's uploaded dataset is not in this browser; {{fallback}} is the default dataset's name. */
  /** Loading replaced work the user had made: it went to the recent list (Experiment → Recent…). */
  replacedKept: 'The work you had is kept under Recent….',
  /** {{notice}}: the load's own notice (above). */
  loadedAndKept: '{{notice}} The work you had is kept under Recent….',
  loadedOtherData:
    'Loaded the experiment from {{source}}, but its dataset "{{dataset}}" was uploaded in another browser, so {{fallback}} is selected instead.',
  loadedNamedOtherData:
    'Loaded the experiment “{{name}}” from {{source}}, but its dataset "{{dataset}}" was uploaded in another browser, so {{fallback}} is selected instead.',
  /** Where an experiment was loaded from (the {{source}} above); a file's own name is shown as it is. */
  source: {
    link: 'the link',
    recent: 'your recent experiments',
    savedModel: 'the saved model “{{name}}”',
    uploadedModel: 'the uploaded model',
    run: 'the run “{{name}}”',
  },
  /** The design kept in this browser failed validation; {{detail}} names the field, {{key}} is a localStorage key. */
  savedDesignUnreadable:
    'Your saved design could not be read ({{detail}}), so the default design is shown. The unreadable copy was kept under the key {{key}}.',
  /** The saved design's text is not JSON at all (cut off, or edited by hand). */
  savedDesignNotJson:
    'Your saved design could not be read (its text is not JSON), so the default design is shown. The unreadable copy was kept under the key {{key}}.',
  /** The saved design was written by a newer LayerLab; {{version}} is its format number. */
  savedDesignNewer:
    'Your saved design was written by a newer version of LayerLab (format {{version}}), so the default design is shown. Its copy was kept under the key {{key}}; reload to get the newer version.',
  /** Saving the design failed; {{detail}} is the browser's reason. */
  workNotSaved:
    'Your design could not be saved in this browser ({{detail}}). It stays on screen, but a reload would lose changes: press Export to keep it in a file.',
  savedDatasetMissing:
    'The saved dataset "{{dataset}}" is not available any more, so {{fallback}} is selected instead. Your design is unchanged.',
  /** {{names}}: the runs deleted, e.g. "Run 1, Run 2"; {{budget}}: e.g. "200 MB". */
  /** A run cut short by a reload or a crash, whose design is no longer the one on screen. */
  /** A change a teacher's lock refused (src/state/locks.ts); {{parts}} joins the names below. */
  locked: "The teacher's link locks {{parts}}, so this change was not made.",
  lockedPart: {
    designer: 'the designer',
    dataset: 'the dataset',
    settings: 'the training settings',
    preset: 'the preset',
  },
  runNotReopened:
    'Run {{number}} was cut short at step {{step}}. Your design has changed since, so it was not reopened; its curves and checkpoints are in the Runs panel.',
  /** A run the user has not named, as the Runs panel calls it. */
  runNumber: 'Run {{number}}',
  runsEvicted:
    'To keep your run history within {{budget}}, the oldest unpinned runs were deleted: {{names}}. Pin a run to keep it.',
  /** A checkpoint of the live run would be bigger than a run's whole storage budget. */
  checkpointsTooBig:
    'This model is too big to keep checkpoints of its weights (over {{budget}} each): its curves are kept, but it cannot be rewound.',
  checkpointsQuota:
    'The browser has no room left for more checkpoints, so this run keeps no more (its curves and everything saved before are kept). Delete old runs to make room.',
  /** {{details}} is the browser's own error text. */
  workerCrashed: 'The training worker crashed ({{details}}).',
  workerCrashedNoDetails: 'The training worker crashed (no details).',
  workerUnreadable: 'The training worker sent a message that could not be read.',
  /** {{reason}} is one of the sentences above, or the worker's own account of what failed. */
  workerRestarted:
    '{{reason}} A new worker was started; your design and settings are intact. Press Train to run again.',
  /** A Keras model was imported into the designer; {{shape}} lists its input dimensions. */
  /** A worker failed before it started; the next one starts after {{seconds}} seconds. */
  workerRestarting:
    '{{reason}} A new worker starts in {{seconds}} s; your design and settings are intact.',
  /**
   * Workers failed at start, or were lost soon after, {{count}} times in a row: none is started on
   * its own any more.
   */
  workerWontStart:
    '{{reason}} The training worker failed to start, or stopped soon after, {{count}} times in a row, so it is not restarted on its own: reload the page to try again, or choose another Backend (CPU or WASM) if the GPU is the trouble. Your design and settings are intact.',
  modelImported: 'Imported the model into the designer (input [{{shape}}]).',
  modelImportedWeights: 'Its weights were kept as “{{name}}”: press Load to start from them.',
};
