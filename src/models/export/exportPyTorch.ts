/**
 * A LayerLab design as a complete PyTorch program (torch + numpy): the model as an nn.Module that
 * takes and returns what LayerLab's model takes and returns, a loader for LayerLab's saved weights
 * (tfjs model.json + .bin), LayerLab's training loop, and a command line. Pure: runs anywhere.
 */
import type { DatasetInfo } from '../../data/datasets';
import type { ModelSpec } from '../spec';
import type { TrainingConfig } from '../trainingConfig';
import { exportPlan } from './plan';
import { indent, joinSections, neededImports } from './python';
import { DATA_LOADER, headerSection, settingsSection, TFJS_READER } from './pythonShared';
import {
  TORCH_HELPER_CODE,
  TORCH_HELPER_NEEDS,
  TORCH_HELPERS,
  type TorchHelper,
} from './pytorchLibrary';
import { TORCH_CONVERSIONS, writeTorchModel, type TorchModelCode } from './pytorchLayers';
import {
  ACCURACY_SECTION,
  COUNT_SECTION,
  LOADER_SECTION,
  lossSection,
  MAIN_SECTION,
  optimizerSection,
  schedulerSection,
  trainSection,
} from './pytorchTraining';

const IMPORTS = [
  { line: 'import argparse' },
  { line: 'import json' },
  { line: 'import math', usedAs: 'math' },
  { line: 'import os' },
  { line: '' },
  { line: 'import numpy as np' },
  { line: 'import torch' },
  { line: 'import torch.nn as nn' },
  { line: 'import torch.nn.functional as F', usedAs: 'F' },
];

/** A body, or `pass` when it has no lines. */
function body(lines: readonly string[]): string[] {
  return lines.length > 0 ? [...lines] : ['pass'];
}

function modelClass(code: TorchModelCode): string[] {
  const penalty =
    code.penalties.length > 0
      ? [`return ${code.penalties.join(' + ')}`]
      : ['return 0.0  # no layer has an L1/L2 penalty'];
  return [
    'class LayerLabModel(nn.Module):',
    '    """The design, layer for layer as LayerLab builds it; submodules carry tfjs\'s layer names."""',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...indent(code.modules, 2),
    '        self.reset_parameters()',
    '',
    '    def reset_parameters(self):',
    '        """Initial values drawn as LayerLab draws them: the same recipes, not the same numbers',
    '        (torch\'s random generator is not tfjs\'s). Load LayerLab\'s weights to get its model."""',
    ...indent(body(code.init), 2),
    '',
    '    def forward(self, x):',
    ...indent(code.forward, 2),
    '',
    '    def tfjs_weights(self):',
    '        """Where each weight LayerLab saves goes: (tfjs name, tensor here, conversion)."""',
    '        return [',
    ...indent(code.weights, 3),
    '        ]',
    '',
    '    def regularization_loss(self):',
    '        """The L1/L2 penalties LayerLab adds to the loss: l1 * sum(|W|) + l2 * sum(W^2) per kernel."""',
    ...indent(penalty, 2),
  ];
}

/** The helpers used, with the ones they call, in library order. */
function helperSections(used: ReadonlySet<TorchHelper>): string[][] {
  const all = new Set(used);
  for (const h of used) for (const need of TORCH_HELPER_NEEDS[h] ?? []) all.add(need);
  return TORCH_HELPERS.filter((h) => all.has(h)).map((h) => [...TORCH_HELPER_CODE[h]]);
}

export function exportPyTorch(
  spec: ModelSpec,
  info: DatasetInfo,
  training: TrainingConfig,
): string {
  const plan = exportPlan(spec, info, training);
  const code = writeTorchModel(plan);
  const optimizer = optimizerSection(training);
  if (optimizer.helper) code.helpers.add(optimizer.helper);
  const sections = [
    ...helperSections(code.helpers),
    modelClass(code),
    [...TORCH_CONVERSIONS],
    [...TFJS_READER],
    [...LOADER_SECTION],
    [...COUNT_SECTION],
    lossSection(training.loss),
    info.task === 'regression' ? [] : [...ACCURACY_SECTION],
    optimizer.lines,
    [...DATA_LOADER],
    schedulerSection(training),
    trainSection(info.task, training),
    [...MAIN_SECTION],
  ];
  const imports = neededImports(IMPORTS, sections.flat().join('\n'));
  return joinSections([
    [...headerSection(plan, 'PyTorch'), '', ...imports, '', '', ...settingsSection(plan)],
    ...sections,
  ]);
}
