// Types of measure.js, for the TypeScript benchmarks that share it.
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}
export interface Timed {
  readonly command: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}
export function median(values: readonly number[]): number;
export function summarise(samples: readonly number[]): Summary;
export function timeCommand(
  command: readonly string[],
  options?: { runs?: number; warmups?: number; cwd?: string; env?: Readonly<Record<string, string>> },
): Summary;
export function compare(
  subject: Timed,
  baseline: Timed,
  options?: { runs?: number },
): { subject: Summary; baseline: Summary; ratio: number };
export function alternate(commands: readonly Timed[], options?: { runs?: number; warmups?: number }): Summary[];
export function formatSummary(label: string, s: Summary): string;
