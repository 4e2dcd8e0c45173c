/**
 * The deployment's agenda: the moments at which something will happen to a window or a console if nothing
 * changes first (a customer told of connection issues, a title bar flashing, a red square, a tab timing out),
 * so that time can pass without asking every window and console what is due. Each deadline is a rule's, derived
 * from the "since" fields of one window or console (model/rules/rule.ts): the agenda files a window or console
 * again whenever the rules settle it, and checks an entry against what the rule says now before it fires it, so
 * an entry left behind by a change is dropped rather than fired.
 *
 * Invariants, against `scan()` (every window and console asked afresh, what settling everything uses; compared
 * by test/unit/model/incremental-settle.test.ts over random plans drawn from the whole action table, and an agenda
 * broken on purpose fails it): every deadline `scan()` finds after now is in the heap once its window or console
 * is filed again, and every window or console the rules settled since the agenda was last filed is filed again
 * before time next passes; an entry may be stale, never missing. What it buys: time passes without asking every
 * window and console (figures in docs/engineering/adding-an-action.md).
 */
import type { AgentConsole } from './agent-console';
import type { Seconds } from './clock';
import type { CustomerWindow } from './customer-window';
import type { Changes } from './changes';
import type { Deadline, RuleTable } from './rules/rule';
import type { Runtime } from './runtime';

const WINDOW = 0;
const CONSOLE = 1;

interface Entry {
  readonly at: Seconds;
  /** The rule's place in the list, then whether it is a window's or a console's. */
  readonly rule: number;
  readonly kind: typeof WINDOW | typeof CONSOLE;
  readonly of: CustomerWindow | AgentConsole;
  readonly deadlines: (rt: Runtime, of: never, found: Deadline[]) => void;
}

export class Agenda {
  /** A binary min-heap by `at`. */
  private heap: Entry[] = [];
  /** Past this size, entries left behind by changes outnumber live ones: the agenda is filed again from the state. */
  private limit = 0;
  private readonly scratch: Deadline[] = [];
  /** What the rules settled since the agenda was last filed: filed when time is next asked to pass. */
  private readonly unfiledWindows = new Set<CustomerWindow>();
  private readonly unfiledConsoles = new Set<AgentConsole>();
  private unfiledEverything = true;

  constructor(
    private readonly rt: Runtime,
    private readonly table: RuleTable,
  ) {}

  /** The windows and consoles the rules settled: their deadlines may have changed. */
  note(changes: Changes): void {
    if (this.unfiledEverything) return;
    if (changes.everything) {
      this.unfiledEverything = true;
      return;
    }
    for (const window of changes.touchedWindows.items) this.unfiledWindows.add(window);
    for (const console of changes.touchedConsoles.items) this.unfiledConsoles.add(console);
  }

  /**
   * Every deadline after now, walking every window and console rule by rule, without the agenda: what settling
   * everything uses, and a small deployment. The agenda is filed again from the state when next asked.
   */
  scan(): Deadline[] {
    this.unfiledEverything = true;
    const { rt, table } = this;
    const { windows, consoles, clock } = rt.state;
    const found: Deadline[] = [];
    let w = 0;
    let c = 0;
    // The rules in their order; a rule with deadlines of both kinds gives its windows' first.
    while (w < table.windowDeadlines.length || c < table.consoleDeadlines.length) {
      const byWindow = table.windowDeadlines[w];
      const byConsole = table.consoleDeadlines[c];
      if (byWindow && (!byConsole || byWindow.rule <= byConsole.rule)) {
        for (const window of windows) byWindow.deadlines(rt, window, found);
        w++;
      } else {
        for (const console of consoles) byConsole!.deadlines(rt, console, found);
        c++;
      }
    }
    return found.filter((deadline) => deadline.at > clock);
  }

  /** The first moment after now at which a deadline is due, or `null`. */
  next(): Seconds | null {
    this.fileNoted();
    const clock = this.rt.state.clock;
    while (this.heap.length) {
      const top = this.heap[0]!;
      if (top.at > clock && this.deadlines(top).some((d) => d.at === top.at)) return top.at;
      this.pop();
    }
    return null;
  }

  /** The deadlines due at `at` (the moment `next` gave), in the rules' order and the state's, taken off the agenda. */
  due(at: Seconds): Deadline[] {
    this.fileNoted();
    const groups: Entry[] = [];
    while (this.heap.length && this.heap[0]!.at === at) {
      const entry = this.pop();
      if (!groups.some((g) => g.rule === entry.rule && g.kind === entry.kind && g.of === entry.of)) groups.push(entry);
    }
    const { directory } = this.rt;
    const rank = (e: Entry) =>
      e.kind === WINDOW ? directory.windowRank(e.of as CustomerWindow) : directory.consoleRank(e.of as AgentConsole);
    groups.sort((a, b) => a.rule - b.rule || a.kind - b.kind || rank(a) - rank(b));
    const due: Deadline[] = [];
    for (const group of groups) {
      for (const deadline of this.deadlines(group)) if (deadline.at === at) due.push(deadline);
      if (group.kind === WINDOW) this.rt.changes.addWindow(group.of as CustomerWindow);
      else this.rt.changes.addConsole(group.of as AgentConsole);
    }
    return due;
  }

  private file(kind: Entry['kind'], of: CustomerWindow | AgentConsole): void {
    const { rt, scratch } = this;
    const clock = rt.state.clock;
    const rules = kind === WINDOW ? this.table.windowDeadlines : this.table.consoleDeadlines;
    for (const { rule, deadlines } of rules) {
      scratch.length = 0;
      (deadlines as Entry['deadlines'])(rt, of as never, scratch);
      for (const deadline of scratch)
        if (deadline.at > clock) this.push({ at: deadline.at, rule, kind, of, deadlines });
    }
    scratch.length = 0;
    if (this.heap.length > this.limit) this.refill();
  }

  /** What the entry's rule says is due for its window or console now; nothing for a window no longer shown. */
  private deadlines(entry: Entry): Deadline[] {
    const found: Deadline[] = [];
    if (entry.kind === CONSOLE || this.rt.directory.hasWindow(entry.of as CustomerWindow))
      entry.deadlines(this.rt, entry.of as never, found);
    return found;
  }

  private fileNoted(): void {
    if (this.unfiledEverything) {
      this.unfiledEverything = false;
      this.unfiledWindows.clear();
      this.unfiledConsoles.clear();
      this.refill();
      return;
    }
    const { directory } = this.rt;
    if (this.unfiledWindows.size) {
      for (const window of this.unfiledWindows) if (directory.hasWindow(window)) this.file(WINDOW, window);
      this.unfiledWindows.clear();
    }
    if (this.unfiledConsoles.size) {
      for (const console of this.unfiledConsoles) this.file(CONSOLE, console);
      this.unfiledConsoles.clear();
    }
  }

  /** Starts again from the state: every window's and console's deadlines. */
  private refill(): void {
    this.heap = [];
    this.limit = Infinity;
    const { state } = this.rt;
    for (const window of state.windows) this.file(WINDOW, window);
    for (const console of state.consoles) this.file(CONSOLE, console);
    this.limit = 2 * this.heap.length + 64;
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= entry.at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && heap[right]!.at < heap[left]!.at ? right : left;
        if (heap[child]!.at >= last.at) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
