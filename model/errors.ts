/**
 * Thrown when a plan asks the model for something that cannot happen in the state it is in, such as an agent
 * who is logged out sending a chat message. The message says who cannot do what, and the state that forbids
 * it: "The Application server cannot fail: the Application server is already down".
 */
export class ActionRejected extends Error {
  constructor(
    readonly action: string,
    readonly reason: string,
    /** The refusal's subject and verb, "the Application server cannot fail" (the action module's `cannot`). */
    cannot: string,
  ) {
    super(`${cannot.charAt(0).toUpperCase()}${cannot.slice(1)}: ${reason}`);
    this.name = 'ActionRejected';
  }
}
