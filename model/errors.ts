/**
 * Thrown when a plan asks the model for something that cannot happen in the state it is in, such as an agent
 * who is logged out sending a chat message. The message names the action and the state that forbids it.
 */
export class ActionRejected extends Error {
  constructor(
    readonly action: string,
    readonly reason: string,
  ) {
    super(`Cannot ${action}: ${reason}`);
    this.name = 'ActionRejected';
  }
}
