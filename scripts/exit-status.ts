/**
 * The exit statuses of `npm run fuzz` and `npm run explore`, one table: each outcome its own number, so a job
 * (the nightly matrix, a shell loop) tells a counterexample from a wrong input or a report it did not get. A run
 * stopped by a signal ends by that signal (a shell shows 130 for Ctrl+C, 143 for SIGTERM): neither script
 * catches one, as a run inside fast-check or the search never yields to a handler.
 */
import type { WriteFailed } from './files';

export const EXIT = {
  /** Every invariant (and law) held. */
  held: 0,
  /** A counterexample (or the model failed outside any invariant): printed, and in the report. */
  counterexample: 1,
  /** A variable, argument or input file is wrong: one line names it, nothing ran. */
  wrongInput: 2,
  /** The run ended and its result is printed, but its report could not be written. */
  reportNotWritten: 3,
  /** FUZZ_PLAN holds a step the model refuses (a server restored that is not down, ...): nothing was checked past it. */
  planRefused: 4,
  /** FUZZ_PATH replayed no counterexample: the path is not one of this seed and version. */
  pathReproducedNothing: 5,
} as const;

/** The line printed when a report cannot be written: the file, the reason, and that the printed result stands. */
export function reportWriteFailed(command: string, variable: string, error: WriteFailed): string {
  return (
    `${command}: could not write the report ${variable}=${error.file} (${error.reason}); ` +
    'the result printed above stands, and no report was left in its place'
  );
}

/** A run's status once its report could not be written: a counterexample stays one, a pass is not a pass. */
export const afterFailedReport = (status: number): number => (status === EXIT.held ? EXIT.reportNotWritten : status);
