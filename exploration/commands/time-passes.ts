/** Time passes: a few seconds between two actions, or minutes of an outage. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import { formatDuration } from '../../model/clock';
import type { Exploration } from '../exploration';

export const GAPS_IN_SECONDS: readonly number[] = [10, 60, 120, 180, 240, 300, 600];

export function timePasses(gapIndex: number): Action {
  return { type: 'wait', seconds: GAPS_IN_SECONDS[gapIndex % GAPS_IN_SECONDS.length]! };
}

export class TimePasses implements fc.Command<Exploration, Exploration> {
  constructor(readonly gapIndex: number) {}

  check(): boolean {
    return true;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(timePasses(this.gapIndex));
  }

  toString(): string {
    return `${formatDuration(GAPS_IN_SECONDS[this.gapIndex % GAPS_IN_SECONDS.length]!)} pass`;
  }
}
