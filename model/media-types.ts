/**
 * Every media type of the attachments the specification adds to the cucumber run, in one module with no side
 * effects, so the steps, the docs generator, the tests and the playground can import it without registering
 * step definitions or hooks.
 */
/** The trace (model/trace.ts `Trace`): the timing parameters, and who sent what to whom, in order. */
export const TRACE_MEDIA_TYPE = 'application/vnd.chat-failure.trace+json';
/** The end state (model/views.ts `DeploymentView`): what each person saw, and the database rows. */
export const END_STATE_MEDIA_TYPE = 'application/vnd.chat-failure.end-state+json';
/** The plan (model/actions `Plan`): the actions the scenario performed, as the playground replays them. */
export const PLAN_MEDIA_TYPE = 'application/vnd.chat-failure.plan+json';
/** A diagnostic query a step ran: its SQL Server text and the rows SQLite returned. */
export const QUERY_MEDIA_TYPE = 'application/vnd.chat-failure.query+json';
/** What the failure-ordering exploration checked (exploration/report.ts `ExplorationReport`). */
export const EXPLORATION_MEDIA_TYPE = 'application/vnd.chat-failure.exploration+json';
