const UNITS: Record<string, number> = { "": 1, b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, kb: 1e3, mb: 1e6, gb: 1e9 };

/** "--size=2GiB" → 2147483648 */
export function parseSize(arg: string, option: string): number {
  const match = new RegExp(`^${option}=(\\d+(?:\\.\\d+)?)\\s*([a-z]*)$`, "i").exec(arg);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`Unknown option ${arg} (expected ${option}=<size>, e.g. ${option}=2GiB)`);
  return Math.floor(Number(match[1]) * unit);
}

const COUNT_UNITS: Record<string, number> = { "": 1, k: 1e3, m: 1e6 };

/** "--rows=300k" → 300000, "--rows=1M" → 1000000 */
export function parseCount(arg: string, option: string): number {
  const match = new RegExp(`^${option}=(\\d+(?:\\.\\d+)?)([km]?)$`, "i").exec(arg);
  const count = match ? Math.floor(Number(match[1]) * COUNT_UNITS[match[2]!.toLowerCase()]!) : NaN;
  if (!(count >= 1)) throw new Error(`Unknown option ${arg} (expected ${option}=<count>, e.g. ${option}=300k)`);
  return count;
}
