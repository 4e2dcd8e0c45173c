/** A customer closes the chat window, leaving the agent a chat that says "Customer exited chat". */
import type fc from 'fast-check';
import type { Action } from '../../model/actions';
import type { DeploymentState } from '../../model/state';
import { CUSTOMERS, type Exploration } from '../exploration';

export function customerClosesWindow(state: DeploymentState, customerIndex: number): Action | null {
  const address = CUSTOMERS[customerIndex % CUSTOMERS.length]!;
  const window = state.windows.find((w) => w.address === address);
  if (window?.state !== 'in session') return null;
  return address === CUSTOMERS[0]
    ? { type: 'customer-closes-window' }
    : { type: 'customer-closes-window', customer: address };
}

export class CustomerClosesWindow implements fc.Command<Exploration, Exploration> {
  constructor(readonly customerIndex: number) {}

  check(model: Exploration): boolean {
    return customerClosesWindow(model.state, this.customerIndex) !== null;
  }

  run(_model: Exploration, exploration: Exploration): void {
    exploration.step(customerClosesWindow(exploration.state, this.customerIndex)!);
  }

  toString(): string {
    return `${CUSTOMERS[this.customerIndex % CUSTOMERS.length]} closes the chat window`;
  }
}
