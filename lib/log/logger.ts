// Plain, greppable log lines on stdout/stderr. Unexpected errors are logged with a trace id that the client
// also receives, so a user report can be matched to its stack trace.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? "info") as Level;
  return order[level] ?? order.info;
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  const extra = fields ? " " + JSON.stringify(fields, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v)) : "";
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};
