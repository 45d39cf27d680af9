/**
 * The objectives beside LEXIMIN, by name: each returns a distribution over panels in LEXIMIN's
 * result shape (see ./types.ts).
 */
import type { SelectionInstance } from '../types';
import { goldilocks, maximin } from './linear';
import { nashWelfare } from './nash';
import type { ObjectiveName, ObjectiveOptions, ObjectiveResult } from './types';

export { OBJECTIVE_NAMES, GOLDILOCKS_GAMMA, type ObjectiveName, type ObjectiveResult, type ObjectiveSpec, type ObjectiveProgress } from './types';
export { averageProbability, goldilocks, maximin } from './linear';
export { nashWelfare } from './nash';

export function runObjective(name: ObjectiveName, instance: SelectionInstance, options: ObjectiveOptions = {}): Promise<ObjectiveResult> {
  if (name === 'maximin') return maximin(instance, options);
  if (name === 'goldilocks') return goldilocks(instance, options);
  return nashWelfare(instance, options);
}
