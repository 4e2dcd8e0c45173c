/**
 * Whose screen a step reads. "the customer" and "the agent's chat pane" are unambiguous only while there is one
 * customer window or one chat; with more, a step must name the customer by address, and one that does not fails
 * with the list of who exists rather than reading someone else's screen.
 */
import type { CustomerView, DeploymentView } from '../../model/views';

export function customerWindow(view: DeploymentView, address: string | undefined): CustomerView {
  const { customers } = view;
  const list = customers.map((c) => c.address).join(', ') || 'none';
  if (address !== undefined) {
    const found = customers.find((c) => c.address === address);
    if (!found) throw new Error(`${address} has no chat window open (open windows: ${list})`);
    return found;
  }
  if (customers.length === 0) throw new Error('No customer window is open');
  if (customers.length > 1)
    throw new Error(`"the customer" is ambiguous: ${customers.length} customer windows are open (${list}); name one`);
  return customers[0]!;
}

/** The agent's chat pane: the only chat in the list, or the chat with the named customer. */
export function chatPane(view: DeploymentView, address: string | undefined): readonly string[] {
  const { chatList, chatPanes } = view.console;
  const whose = (activityId: number) =>
    view.customers.find((c) => c.activityId === activityId)?.address ?? `activity ${activityId}`;
  const list = chatList.map((row) => `key ${row.key}: ${whose(row.activityId)}`).join(', ');
  if (address !== undefined) {
    const row = chatList.find((r) => whose(r.activityId) === address);
    if (!row) throw new Error(`The agent's chat list holds no chat with ${address} (it holds ${list || 'none'})`);
    return chatPanes[row.activityId]!;
  }
  if (chatList.length === 0)
    throw new Error("The agent console's chat list is empty, so there is no chat pane to read");
  if (chatList.length > 1)
    throw new Error(`"the agent's chat pane" is ambiguous: the chat list holds ${list}; name the customer`);
  return chatPanes[chatList[0]!.activityId]!;
}
