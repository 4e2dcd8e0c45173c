/**
 * Plans as plain data: reading a JSON plan (from a file, a URL or a counterexample) into actions, with an error
 * that names the step and the field that was wrong. The checks themselves live in plans/validate.ts, the one
 * validation every reader of plans from outside goes through.
 */
export { ACTION_TYPES, parseAction, parsePlan, parsePlanJson, PlanError } from './validate';
