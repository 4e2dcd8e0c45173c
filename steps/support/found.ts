/** What a `When` step found, kept for the same scenario's `Then` steps, and looking things up by name. */
import type { World } from '@cucumber/cucumber';

/** Results a `When` step records for its scenario; a `Then` step of a scenario that recorded none fails saying so. */
export class ScenarioResults<T> {
  private readonly found = new WeakMap<World, T>();

  /** `missing`: what a scenario without results lacks, as in "No exploration ran". */
  constructor(private readonly missing: string) {}

  set(world: World, value: T): void {
    this.found.set(world, value);
  }

  get(world: World): T {
    const found = this.found.get(world);
    if (found === undefined) throw new Error(`${this.missing} in this scenario; start it with a When step`);
    return found;
  }
}

/** The item of `list` with this name, or an error naming the ones there are. */
export function named<T extends { readonly name: string }>(list: readonly T[], name: string, kind: string): T {
  const item = list.find((i) => i.name === name);
  if (!item) throw new Error(`No ${kind} is named "${name}" (known: ${list.map((i) => i.name).join('; ')})`);
  return item;
}
