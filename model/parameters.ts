/**
 * Timing the source leaves open. Each is a named parameter so readers can see, and tests can vary, what the
 * model assumes; the defaults agree with every figure the source shows (see the comments on each).
 */
export interface ModelParameters {
  /**
   * "A few minutes": how long a customer's chat window may go without reaching the Application server before
   * it tells the customer about connection issues. The source's quick return (the customer is "simply asked to
   * start another chat") must come back sooner than this.
   */
  readonly customerConnectionIssuesAfter: number;
  /**
   * How long the agent console may go without hearing from a customer before that chat shows "Customer not
   * connected" with a red square. The source shows the triangle at 00:02:05 and the red square at 00:06:05 of
   * a chat whose servers failed at 00:02:00 in our transcription: any value in (5 s, 245 s] agrees.
   */
  readonly customerNotConnectedAfter: number;
  /**
   * How long the agent console may go without reaching the Application server before the browser's title bar
   * starts flashing "A connection could not be established with the server". The source lists it between the
   * triangle (00:02:05) and the red square (00:06:05).
   */
  readonly consoleConnectionWarningAfter: number;
  /** How long an information tab (Case, Customer, ...) waits for its data before the agent desktop times out. */
  readonly informationTabTimeout: number;
  /**
   * How long a customer's messages may be unable to get through the Messaging server, while the window still
   * reaches the Application server, before the window tells the customer about connection issues. The source
   * is silent on a long Messaging outage and calls it "similar to Application Server Failure": the default is
   * the same "few minutes". The session stays open (the Application server holds it).
   */
  readonly messagingConnectionIssuesAfter: number;
}

export const DEFAULT_PARAMETERS: ModelParameters = Object.freeze({
  customerConnectionIssuesAfter: 180,
  customerNotConnectedAfter: 240,
  consoleConnectionWarningAfter: 60,
  informationTabTimeout: 60,
  messagingConnectionIssuesAfter: 180,
});

export function checkParameters(parameters: ModelParameters): ModelParameters {
  for (const [name, value] of Object.entries(parameters)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`Model parameter ${name} must be a whole number of seconds above 0, got ${String(value)}`);
    }
  }
  return parameters;
}
