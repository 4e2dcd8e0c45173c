/**
 * Finding where each step definition is, cheaply: loaded before the support code (cucumber.js's `requireModule`).
 *
 * Cucumber finds the file and line of every step definition and parameter type (the `sourceReference` of its
 * messages) from a stack trace it takes as each is defined, and reads only the first frame outside its own files:
 * the fourth, the step file's. ts-node's source-map-support maps every frame of such a trace through its source
 * map, ten by default: for the specification's 111 definitions that was some 240 ms of CPU a run, the largest
 * single part of what it adds to an empty cucumber run (issue 25's ratio; docs/engineering/testing.md). So while the
 * support code loads, which cucumber does in one synchronous pass, stack traces keep 5 frames, one to spare; the
 * limit is put back on the next tick, before any hook or scenario runs.
 *
 * The plain way is `SPEC_PLAIN=1`, which leaves the limit alone: test/unit/steps/spec-shortcuts.test.ts runs a
 * feature both ways and requires the same messages, so a definition found in no frame (a cucumber that takes
 * more frames to get there) fails it.
 */
if (!process.env.SPEC_PLAIN) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.min(limit, 5);
  process.nextTick(() => {
    Error.stackTraceLimit = limit;
  });
}
