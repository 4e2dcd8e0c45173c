// Types of checkout-lock.js, for the TypeScript scripts that share it with scripts/start.js.
export declare const LOCK_DIR: string;
export declare const root: string;
export declare class LockBusy extends Error {}
export declare class LockWaitInvalid extends LockBusy {}
export declare function lockWait(env?: Readonly<Record<string, string | undefined>>): number;
export declare function takeLock(
  command: string,
  options?: { waitSeconds?: number; say?: (line: string) => void; dir?: string },
): Promise<() => void>;
/** The lock's owner, or null when there is no lock; `{ unknown: true }` for a lock that records no valid owner. */
export declare function readOwner(
  lock: string,
): null | { readonly unknown: true } | { readonly command: string; readonly pid: number; readonly since: string };
export declare function removeLeftovers(dir: string, names: readonly string[]): string[];
export declare function onInterrupt(cleanup: (signal: string) => void, command?: string): () => void;
export declare function endBySignal(signal: string): void;
export declare function signalMeaning(signal: string): string;
export declare const SIGNALS: Readonly<Record<string, { number: number; meaning: string }>>;
