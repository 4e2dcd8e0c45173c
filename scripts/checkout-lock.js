// One run at a time in a checkout: the specification (reports/), the generator (docs/generated/, static/reports/)
// and the site build (build/, .docusaurus/) take this lock, so two `npm start` or `npm run build` cannot write the
// same files together. The lock is a folder made with mkdir (atomic) holding who took it; a second run waits
// for it, saying who holds it, and takes over a lock whose holder has died. Children of the holder (npm start runs
// the generator and the build) share it through CHAT_KB_LOCK. Also: removing what an interrupted run left behind.
const { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');

const root = join(__dirname, '..');
const LOCK_DIR = join(root, '.run.lock');
const OWNER_FILE = join(LOCK_DIR, 'owner.json');
const ENV = 'CHAT_KB_LOCK';

/** Whether process `pid` is alive on this machine. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function readOwner() {
  try {
    return JSON.parse(readFileSync(OWNER_FILE, 'utf8'));
  } catch {
    return null;
  }
}

function describe(owner) {
  return owner ? `${owner.command} (process ${owner.pid}, since ${owner.since})` : 'a run that is still starting';
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the checkout's lock for `command` (a name such as "npm start"), waiting up to `waitSeconds` while
 * another live run holds it. Returns a release function (idempotent; also run on exit). A run started by the
 * holder (CHAT_KB_LOCK in its environment) shares the holder's lock.
 */
async function takeLock(
  command,
  { waitSeconds = Number(process.env.CHAT_KB_LOCK_WAIT ?? 900), say = console.error } = {},
) {
  const inherited = process.env[ENV];
  if (inherited && readOwner()?.token === inherited) return () => undefined;
  const token = randomUUID();
  const deadline = Date.now() + waitSeconds * 1000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      const owner = { command, pid: process.pid, since: new Date().toISOString(), token };
      writeFileSync(OWNER_FILE, JSON.stringify(owner) + '\n');
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = readOwner();
    if (owner && !alive(owner.pid)) {
      say(`${command}: taking over the lock ${LOCK_DIR} from ${describe(owner)}, which is no longer running`);
      rmSync(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockBusy(
        `${command}: another run in this checkout holds ${LOCK_DIR}: ${describe(owner)}. ` +
          `Wait for it to finish or stop it; if no such run exists, remove that folder.`,
      );
    }
    if (!told) {
      say(`${command}: waiting for ${describe(owner)} to finish: it holds this checkout's lock (${LOCK_DIR})`);
      told = true;
    }
    await sleep(owner ? 500 : 50);
  }
  process.env[ENV] = token;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readOwner()?.token === token) rmSync(LOCK_DIR, { recursive: true, force: true });
    if (process.env[ENV] === token) delete process.env[ENV];
  };
  process.on('exit', release);
  return release;
}

class LockBusy extends Error {
  constructor(message) {
    super(message);
    this.name = 'LockBusy';
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

/**
 * Runs `cleanup` when the process is interrupted (Ctrl+C, kill), then exits as a signal would. Returns a function
 * that stops listening.
 */
function onInterrupt(cleanup) {
  const handlers = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => {
    const handler = () => {
      try {
        cleanup(signal);
      } finally {
        process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
      }
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  return () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
}

module.exports = { takeLock, LockBusy, removeLeftovers, onInterrupt, LOCK_DIR, root };
