// The verdict modules in the order they run: each may read the verdicts of the modules above it.
import { elementCoverage } from './element-coverage';
import { hiddenContent } from './hidden-content';
import { isDesignDocument } from './is-design-doc';
import { itemCoverage } from './item-coverage';
import { metricRoles } from './metric-roles';
import { offlineMetric } from './offline-metric';
import { onlineMetric } from './online-metric';
import { ignoredData } from './pitfalls/ignored-data';
import { modelingFirst } from './pitfalls/modeling-first';
import { overEngineering } from './pitfalls/over-engineering';
import { productionGaps } from './pitfalls/production-gaps';
import { scenario } from './scenario';
import { score } from './score';
import { task } from './task';
import { templateResidue } from './template-residue';
import { trainingObjective } from './training-objective';
import type { VerdictModule } from './verdict';

export const VERDICT_MODULES: readonly VerdictModule[] = [
  scenario,
  task,
  metricRoles, // reads the task
  onlineMetric, // reads the metrics
  elementCoverage, // reads the metrics
  itemCoverage, // reads the scenario
  hiddenContent, // reads the metrics
  offlineMetric, // reads the metrics and the hidden content
  templateResidue,
  modelingFirst, // the pitfalls read the elements
  ignoredData,
  overEngineering,
  productionGaps,
  trainingObjective, // reads the task and the metrics
  isDesignDocument, // reads the elements
  score, // reads every coverage, the offline metric, the pitfalls, residue and hidden content
];

export type { Verdicts, VerdictModule } from './verdict';
