// One run at a time in a checkout: the specification (reports/), the generator (docs/generated/, static/reports/)
// and the site build (build/, .docusaurus/) take this lock, so two `npm start` or `npm run build` cannot write the
// same files together. The lock is a folder holding who took it, made whole: the owner is written into a folder
// of the run's own (`.run.lock.partial-<pid>`), which is then renamed to `.run.lock/` (atomic, and refused while
// another lock is there), so a lock never exists without its owner; one that does (left by an older version, or
// hand-made) or whose holder has died is taken over. A second run waits for a live one, saying who holds it,
// for CHAT_KB_LOCK_WAIT seconds (checked: a whole number from 0 to 86,400; 900 when unset or empty). Children of the holder (npm start runs
// the generator and the build) share it through CHAT_KB_LOCK. Also: removing what an interrupted run left behind.
const { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const { randomUUID } = require('node:crypto');

const root = join(__dirname, '..');
const LOCK_DIR = join(root, '.run.lock');
const ENV = 'CHAT_KB_LOCK';
const WAIT = { variable: 'CHAT_KB_LOCK_WAIT', default: 900, max: 24 * 3600 };

/**
 * CHAT_KB_LOCK_WAIT, checked as the FUZZ_* variables are: unset or empty is the default, anything but a whole
 * number of seconds from 0 to a day is refused by name (`abc` would wait for ever, `0x10` would mean 16).
 */
function lockWait(env = process.env) {
  const raw = env[WAIT.variable];
  if (raw === undefined || raw.trim() === '') return WAIT.default;
  const text = raw.trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value) || value > WAIT.max) {
    const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}...` : raw);
    throw new LockWaitInvalid(
      `${WAIT.variable}=${shown} is not how long to wait for the checkout's lock: ` +
        `a whole number of seconds from 0 to ${WAIT.max.toLocaleString('en-GB')} (${WAIT.default} when unset)`,
    );
  }
  return value;
}

/** Whether process `pid` is alive on this machine. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The lock's owner, or null when there is no lock; `{ unknown: true }` for a lock that records no valid owner. */
function readOwner(lock) {
  let text;
  try {
    text = readFileSync(join(lock, 'owner.json'), 'utf8');
  } catch (error) {
    return error.code === 'ENOENT' && !exists(lock) ? null : { unknown: true };
  }
  try {
    const owner = JSON.parse(text);
    const valid =
      owner !== null &&
      typeof owner === 'object' &&
      Number.isSafeInteger(owner.pid) &&
      owner.pid > 0 &&
      typeof owner.token === 'string' &&
      typeof owner.command === 'string';
    return valid ? owner : { unknown: true };
  } catch {
    return { unknown: true };
  }
}

function exists(dir) {
  try {
    readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the lock `dead` describes, and no other: it is renamed aside first and, if a run took the lock between
 * our reading and the rename (a new owner inside), put back. Returns whether the dead lock was removed.
 */
function removeDeadLock(lock, dead) {
  const aside = `${lock}.old-${process.pid}`;
  rmSync(aside, { recursive: true, force: true });
  try {
    renameSync(lock, aside);
  } catch {
    return false; // gone already
  }
  let inside;
  try {
    inside = JSON.parse(readFileSync(join(aside, 'owner.json'), 'utf8'));
  } catch {
    inside = null;
  }
  const same = dead.unknown ? typeof inside?.token !== 'string' : inside?.token === dead.token;
  if (!same) {
    try {
      renameSync(aside, lock);
      return false;
    } catch {
      // another lock is there now; the one aside was taken over by it
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

/**
 * Makes the lock whole or not at all: the owner written into this run's own folder, renamed into place. Returns
 * false when another lock is there; throws when the owner cannot be written (a full disk), leaving no lock.
 */
function createLock(lock, owner) {
  const partial = `${lock}.partial-${process.pid}`;
  try {
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    writeFileSync(join(partial, 'owner.json'), JSON.stringify(owner) + '\n');
  } catch (error) {
    try {
      rmSync(partial, { recursive: true, force: true });
    } catch {
      // never made
    }
    throw new LockBusy(
      `${owner.command}: cannot take this checkout's lock (${lock}): writing its owner failed (${error.code ?? error.message}); no lock was left`,
    );
  }
  try {
    renameSync(partial, lock);
    return true;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (error.code === 'ENOTEMPTY' || error.code === 'EEXIST') return false;
    throw error;
  }
}

function describe(owner) {
  return owner.unknown
    ? 'a run that recorded no owner (an older version, or an interrupted one)'
    : `${owner.command} (process ${owner.pid}, since ${owner.since})`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the checkout's lock for `command` (a name such as "npm start"), waiting up to `waitSeconds` while
 * another live run holds it. Returns a release function (idempotent; also run on exit). A run started by the
 * holder (CHAT_KB_LOCK in its environment) shares the holder's lock.
 */
async function takeLock(command, { waitSeconds, say = console.error, dir = LOCK_DIR } = {}) {
  const wait = waitSeconds ?? lockWait();
  const inherited = process.env[ENV];
  if (inherited && readOwner(dir)?.token === inherited) return () => undefined;
  const token = randomUUID();
  const deadline = Date.now() + wait * 1000;
  removeLeftovers(dirname(dir), [basename(dir)]);
  let told = false;
  for (;;) {
    if (createLock(dir, { command, pid: process.pid, since: new Date().toISOString(), token })) break;
    const owner = readOwner(dir);
    if (owner === null) continue; // released meanwhile
    if (owner.unknown || !alive(owner.pid)) {
      const why = owner.unknown ? 'which records no owner' : 'which is no longer running';
      if (removeDeadLock(dir, owner)) say(`${command}: took over the lock ${dir} from ${describe(owner)}, ${why}`);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockBusy(
        `${command}: another run in this checkout holds ${dir}: ${describe(owner)}. ` +
          `Wait for it to finish or stop it; if no such run exists, remove that folder.`,
      );
    }
    if (!told) {
      say(`${command}: waiting for ${describe(owner)} to finish: it holds this checkout's lock (${dir})`);
      told = true;
    }
    await sleep(500);
  }
  process.env[ENV] = token;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readOwner(dir)?.token === token) rmSync(dir, { recursive: true, force: true });
    if (process.env[ENV] === token) delete process.env[ENV];
  };
  process.on('exit', release);
  return release;
}

/** The lock was not taken: another run holds it, or it could not be made. Printed as one line (exit status 2). */
class LockBusy extends Error {
  constructor(message) {
    super(message);
    this.name = 'LockBusy';
  }
}

/** CHAT_KB_LOCK_WAIT is not a number of seconds: refused before any waiting, like a busy lock. */
class LockWaitInvalid extends LockBusy {
  constructor(message) {
    super(message);
    this.name = 'LockWaitInvalid';
  }
}

/**
 * Removes, in `dir`, what interrupted runs left: entries named `<prefix>…partial-<pid>` (or `.old-<pid>`) whose
 * process is gone. Returns the names removed.
 */
function removeLeftovers(dir, names) {
  const removed = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const match = /^(.*)\.(partial|old)-(\d+)$/.exec(entry);
    if (!match || !names.includes(match[1].replace(/^_/, ''))) continue;
    const pid = Number(match[3]);
    if (pid !== process.pid && alive(pid)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

/** The signals a run stops on, with their numbers and what they mean to the person reading the output. */
const SIGNALS = {
  SIGINT: { number: 2, meaning: 'interrupted (Ctrl+C)' },
  SIGTERM: { number: 15, meaning: 'asked to terminate (kill)' },
  SIGHUP: { number: 1, meaning: 'its terminal was closed' },
};

/** "SIGTERM (asked to terminate (kill))": a signal as a sentence's end. */
const signalMeaning = (signal) => `${signal}${SIGNALS[signal] ? ` (${SIGNALS[signal].meaning})` : ''}`;

/**
 * Ends the process by `signal` itself (a shell shows 128 + its number), after the `exit` listeners (the checkout
 * lock's release among them) have run as they would on a normal exit. It re-raises the signal rather than calling
 * `process.exit`, which waits for pending file reads and so never returns while the input is a pipe that is still
 * open (a FIFO, `cat … |`).
 */
function endBySignal(signal) {
  const code = 128 + (SIGNALS[signal]?.number ?? 15);
  for (const listener of process.listeners('exit')) listener(code);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

/**
 * Runs `cleanup` when the process is interrupted (Ctrl+C, kill), says so (`command`: stopped by SIGTERM ...),
 * then ends by the same signal (`endBySignal`). Returns a function that stops listening.
 */
function onInterrupt(cleanup, command) {
  const handlers = Object.keys(SIGNALS).map((signal) => {
    const handler = () => {
      try {
        cleanup(signal);
        if (command)
          console.error(`${command}: stopped by ${signalMeaning(signal)}; what it had half written is removed`);
      } finally {
        stop();
        endBySignal(signal);
      }
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  const stop = () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
  return stop;
}

module.exports = {
  takeLock,
  readOwner,
  lockWait,
  LockBusy,
  LockWaitInvalid,
  removeLeftovers,
  onInterrupt,
  endBySignal,
  signalMeaning,
  SIGNALS,
  LOCK_DIR,
  root,
};
