/**
 * Brute force for tiny instances, as an independent check of leximin.ts: every valid panel is
 * listed, and the leximin probabilities are computed over all of them and over individuals
 * (no types, no column generation, no duals). A level is fixed person by person with the
 * definition itself: after maximising the smallest probability among the unfixed people, a
 * person is fixed when no distribution keeping everyone else at the level gives them more.
 */
import { loadHighs } from './highs';
import { panelViolations } from './panels';
import type { SelectionInstance } from './types';

/** Every valid panel (sorted ids). Meant for pools of a dozen people or so. */
export function enumeratePanels(instance: SelectionInstance): string[][] {
  const ids = instance.candidates.map((c) => c.id);
  const k = instance.panelSize;
  const panels: string[][] = [];
  const pick: number[] = [];
  const walk = (from: number) => {
    if (pick.length === k) {
      const members = pick.map((i) => ids[i]!).sort();
      if (panelViolations(instance, members).length === 0) panels.push(members);
      return;
    }
    for (let i = from; i <= ids.length - (k - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return panels;
}

/** Exact leximin probabilities per candidate over all enumerated panels; throws when there are none. */
export async function exactLeximin(instance: SelectionInstance): Promise<Record<string, number>> {
  const panels = enumeratePanels(instance);
  if (panels.length === 0) throw new Error('No valid panel.');
  const highs = await loadHighs();
  const ids = instance.candidates.map((c) => c.id);
  const holding = ids.map((id) => panels.flatMap((members, j) => (members.includes(id) ? [j] : [])));
  const fixed = new Map<number, number>();
  const slack = 1e-9;

  const sum = (js: number[]) => (js.length ? js.map((j) => `p${j}`).join(' + ') : '0 p0');
  const solve = (objective: string, rows: string[]) => {
    const text = [
      'Maximize',
      ` obj: ${objective}`,
      'Subject To',
      ` total: ${sum(panels.map((_, j) => j))} = 1`,
      ...rows,
      'Bounds',
      ' z free',
      'End',
      '',
    ].join('\n');
    const result = highs.solve(text, { output_flag: false, primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 });
    if (result.Status !== 'Optimal') throw new Error(`exact leximin LP: ${result.Status}`);
    return result.ObjectiveValue;
  };
  const fixedRows = () => [...fixed].map(([i, level]) => ` f${i}: ${sum(holding[i]!)} >= ${Math.max(0, level - slack)}`);

  while (fixed.size < ids.length) {
    const open = ids.map((_, i) => i).filter((i) => !fixed.has(i));
    const level = solve('z', [...fixedRows(), ...open.map((i) => ` u${i}: ${sum(holding[i]!)} - z >= 0`)]);
    let fixedNow = 0;
    for (const i of open) {
      const others = open.filter((j) => j !== i).map((j) => ` u${j}: ${sum(holding[j]!)} >= ${Math.max(0, level - slack)}`);
      // z appears in no row here; it is bounded to keep the LP bounded.
      const best = solve(`${sum(holding[i]!)} + 0 z`, [...fixedRows(), ...others, ' zb: z = 0']);
      if (best <= level + 1e-7) {
        fixed.set(i, level);
        fixedNow++;
      }
    }
    if (fixedNow === 0) throw new Error('exact leximin: no one is tight at the level (numerical trouble).');
  }
  return Object.fromEntries(ids.map((id, i) => [id, fixed.get(i)!]));
}
