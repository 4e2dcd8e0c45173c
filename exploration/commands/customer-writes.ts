/** A customer types into the chat window: a message while in session, otherwise a new chat. */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import { CUSTOMERS, type Exploration } from '../exploration';

export const CUSTOMER_LINES: readonly string[] = ['Hello?', 'Are you there?', 'Hi! Looks like we are connected again!'];

export function customerWrites(state: DeploymentState, customerIndex: number, lineIndex: number): Action {
  const address = CUSTOMERS[customerIndex % CUSTOMERS.length]!;
  const text = CUSTOMER_LINES[lineIndex % CUSTOMER_LINES.length]!;
  // The first customer is "the customer" of the source's scenarios; plans name only the others.
  const customer = address === CUSTOMERS[0] ? {} : { customer: address };
  const window = state.windows.find((w) => w.address === address);
  return window?.state === 'in session'
    ? { type: 'customer-sends', ...customer, text }
    : { type: 'customer-starts-chat', ...customer, question: text };
}

export class CustomerWrites implements fc.Command<Exploration, Exploration> {
  constructor(
    readonly customerIndex: number,
    readonly lineIndex: number,
  ) {}

  check(): boolean {
    return true;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(customerWrites(exploration.state, this.customerIndex, this.lineIndex));
  }

  toString(): string {
    const who = CUSTOMERS[this.customerIndex % CUSTOMERS.length];
    return `${who} writes "${CUSTOMER_LINES[this.lineIndex % CUSTOMER_LINES.length]}" (in the chat, or to start one)`;
  }
}
