// A cucumber plugin (cucumber.js lists it): once the run's scenarios are known, and only if some are tagged
// @invariants, it starts the exploration they read on a worker thread (exploration_run.ts) and moves them to the
// end of the run. The exploration is most of the run's work, so it then goes on beside every other scenario
// instead of holding them up; the order in which scenarios run changes nothing they find or attach.
const EXPLORES = '@invariants';
// In a --parallel run the scenarios run in worker processes, each of which explores for itself when a step asks,
// and a --dry-run runs no step: cucumber tells plugins of neither, so the command line is read. Such a run is only
// reordered.
const EXPLORES_HERE = !process.argv.some((arg) => /^(--parallel(=|$)|--dry-run$|-d$)/.test(arg));

const explores = ({ pickle }) => pickle.tags.some((tag) => tag.name === EXPLORES);

/** The run's scenarios with those that read the exploration last, each group in its own order; null if none do. */
function exploringLast(pickles) {
  if (!pickles.some(explores)) return null;
  return [...pickles.filter((p) => !explores(p)), ...pickles.filter(explores)];
}

module.exports = {
  type: 'plugin',
  coordinator({ transform }) {
    let run;
    transform('pickles:order', (pickles) => {
      const ordered = exploringLast(pickles);
      if (!ordered) return undefined;
      if (EXPLORES_HERE) {
        require('../../test/register.js');
        run = require('./exploration_run.ts');
        run.explorationFindings();
      }
      return ordered;
    });
    return () => run?.stopExploration();
  },
  exploringLast,
};
