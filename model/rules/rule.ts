/**
 * A rule of the deployment: what follows from the state after every action and every deadline (`settle`), and
 * the moments at which something will happen if nothing changes first (`deadlines`). The runtime applies the
 * rules in the order of `RULES` (./index.ts).
 */
import type { Seconds } from '../clock';
import type { Runtime } from '../runtime';

export interface Deadline {
  readonly at: Seconds;
  readonly fire: () => void;
}

export interface Rule {
  /** In the domain's words, for tests that take one rule out (a deliberately broken model). */
  readonly name: string;
  settle?(rt: Runtime): void;
  deadlines?(rt: Runtime, found: Deadline[]): void;
}
