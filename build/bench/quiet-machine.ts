import {readFileSync} from "node:fs";

/**
 * Waits until the machine's CPUs are mostly idle, so a measured navigation starts as a reader's does: in a browser
 * already open. A new Playwright context opens a new browser window, and Chromium then loads its own interface
 * into renderers of their own (the omnibox popup's WebUI, a spare renderer): measured here, 1.4 s of CPU on two
 * cores in the second that follows, which the page being measured would otherwise share.
 *
 * Reads /proc/stat; where there is none (not Linux), waits `fallbackMs` instead.
 */
export async function quietMachine({
  idleShare = 0.8,
  windowMs = 300,
  timeoutMs = 15_000,
  fallbackMs = 3_000,
  readStat = () => readFileSync("/proc/stat", "utf8"),
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
}: {
  /** The share of CPU time idle over a window that counts as quiet. */
  idleShare?: number;
  windowMs?: number;
  /** Returns after this long even if the machine never quietens (the figures then say so by themselves). */
  timeoutMs?: number;
  fallbackMs?: number;
  readStat?: () => string;
  sleep?: (ms: number) => Promise<void>;
} = {}): Promise<{quiet: boolean; waitedMs: number}> {
  let before: CpuTimes;
  try {
    before = cpuTimes(readStat());
  } catch {
    await sleep(fallbackMs);
    return {quiet: false, waitedMs: fallbackMs};
  }
  for (let waitedMs = windowMs; ; waitedMs += windowMs) {
    await sleep(windowMs);
    const after = cpuTimes(readStat());
    const total = after.total - before.total;
    if (total > 0 && (after.idle - before.idle) / total >= idleShare) return {quiet: true, waitedMs};
    if (waitedMs >= timeoutMs) return {quiet: false, waitedMs};
    before = after;
  }
}

interface CpuTimes {
  idle: number;
  total: number;
}

/** The aggregate `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal … (in clock ticks). */
export function cpuTimes(stat: string): CpuTimes {
  const line = stat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) throw new Error("no aggregate cpu line in /proc/stat");
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return {idle: ticks[3] + ticks[4], total: ticks.reduce((a, b) => a + b, 0)};
}
