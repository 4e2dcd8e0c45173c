/**
 * How far the invariant checker has read each screen: for each customer window, and each chat pane of each agent
 * console, how many of its lines were read and the last message id seen on it from the other side. Messages from
 * the other side must appear in the order they were sent, none twice; each step reads only the lines added since.
 *
 * Cursors are kept by position in the state's lists, beside the screen each position held: a step that replaced
 * a window or removed a chat is noticed by identity and the cursors follow their screens; a copy of the state
 * keeps every screen at its position, so a fork copies a few arrays of numbers.
 */
import type { DeploymentState } from '../../model/state';

type Line = DeploymentState['windows'][number]['lines'][number];

/** The cursors of one list of screens: the customers' windows, or one console's chats. */
class Screens {
  constructor(
    private owners: object[] = [],
    private lines: number[] = [],
    private lastIds: number[] = [],
  ) {}

  /** Keeps the cursor of each screen of `list` that had one (found by identity), and starts one for a new screen. */
  align(list: readonly object[]): void {
    const { owners } = this;
    if (owners.length === list.length) {
      let i = 0;
      while (i < list.length && owners[i] === list[i]) i++;
      if (i === list.length) return;
    }
    const lines: number[] = [];
    const lastIds: number[] = [];
    for (const screen of list) {
      const was = owners.indexOf(screen);
      lines.push(was < 0 ? 0 : this.lines[was]!);
      lastIds.push(was < 0 ? -1 : this.lastIds[was]!);
    }
    this.owners = list.slice();
    this.lines = lines;
    this.lastIds = lastIds;
  }

  /** Reads the lines of the screen at `i` added since; what is wrong, or `null`. */
  read(i: number, shown: readonly Line[], from: 'customer' | 'agent', where: string): string | null {
    let lastId = this.lastIds[i]!;
    let read = this.lines[i]!;
    for (; read < shown.length; read++) {
      const line = shown[read]!;
      if (line.kind !== 'message' || line.from !== from) continue;
      if (line.messageId <= lastId) return `"${line.text}" appears in ${where} out of order or twice`;
      lastId = line.messageId;
    }
    this.lines[i] = read;
    this.lastIds[i] = lastId;
    return null;
  }

  /** The same cursors for `to`, a copy of `from` whose screens stand at the same positions. */
  copy(from: readonly object[], to: readonly object[]): Screens {
    this.align(from);
    return new Screens(to.slice(), this.lines.slice(), this.lastIds.slice());
  }
}

export class ReadCursors {
  constructor(
    private readonly windows = new Screens(),
    private readonly consoles: Screens[] = [],
  ) {}

  /** Reads what every screen of `state` shows since the last step; the first thing wrong, or `null`. */
  read(state: DeploymentState): string | null {
    const { windows, consoles } = state;
    this.windows.align(windows);
    for (let i = 0; i < windows.length; i++) {
      const wrong = this.windows.read(i, windows[i]!.lines, 'agent', "the customer's window");
      if (wrong !== null) return wrong;
    }
    for (let c = 0; c < consoles.length; c++) {
      const chats = consoles[c]!.chats;
      const screens = (this.consoles[c] ??= new Screens());
      screens.align(chats);
      for (let i = 0; i < chats.length; i++) {
        const wrong = screens.read(i, chats[i]!.pane, 'customer', "the agent's pane");
        if (wrong !== null) return wrong;
      }
    }
    return null;
  }

  /** The same cursors for `to`, a copy of `from` (the state last read), for a fork of the checker. */
  copy(from: DeploymentState, to: DeploymentState): ReadCursors {
    const consoles: Screens[] = [];
    for (let c = 0; c < this.consoles.length && c < from.consoles.length; c++) {
      consoles.push(this.consoles[c]!.copy(from.consoles[c]!.chats, to.consoles[c]!.chats));
    }
    return new ReadCursors(this.windows.copy(from.windows, to.windows), consoles);
  }
}
