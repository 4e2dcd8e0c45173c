// Types of spec.js, for the benchmark suite (scripts/bench/index.ts).
import type { Comparison } from '../../generator/bench-report';
export function benchSpec(options?: {
  runs?: number;
  messagesDir?: string;
}): Comparison & { readonly messages: string; readonly lines: readonly string[] };
