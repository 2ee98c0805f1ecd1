// Runtime configuration, read from the environment once per process. Everything has a default so that
// `npm start` needs no configuration; README.md documents every variable.
import { resolve } from "node:path";
import { z } from "zod";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/db/database-url";
import { parseTrustProxy, type TrustProxy } from "@/lib/http/trust-proxy";
import { parseAllowedPrivateHosts } from "@/lib/remote-fetch/allowed-hosts";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const UNITS: Record<string, number> = { "": 1, b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };

/** "2147483648", "2 GiB", "500MB" → bytes */
const byteSize = z
  .string()
  .regex(/^\s*\d+(\.\d+)?\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i, "expected a number of bytes, optionally with a unit (500MB, 2GiB)")
  .transform((v) => {
    const [, number = "0", unit = ""] = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(v) ?? [];
    return Math.floor(Number(number) * UNITS[unit.toLowerCase()]!);
  })
  .refine((n) => n >= 1, "must be at least 1 byte");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().optional(),
  ADMIN_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,150}$/, "ADMIN_USERNAME may contain letters, digits and _ . @ - (at most 150)")
    .default("admin"),
  ADMIN_PASSWORD: z.string().min(8, "ADMIN_PASSWORD needs at least 8 characters").optional(),
  ADMIN_API_KEY: z.string().min(32, "ADMIN_API_KEY needs at least 32 characters (128 bits as hex)").optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  SEED_DEMO: flag.default(true),
  DEMO_PASSWORD: z.string().min(8).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  ALLOWED_PRIVATE_HOSTS: z.string().default(""),
  MAX_UPLOAD_BYTES: byteSize.default(2 * 1024 ** 3),
  // 0: no limit. Above it a publish stops and the dataset ends in limit_reached with the records so far.
  MAX_DATASET_RECORDS: z.coerce.number().int().min(0).default(0),
  // "off": this process does not run publish jobs (web instances beside `npm run worker` processes)
  JOBS: z.enum(["on", "off"]).default("on"),
  // Set by the production server (server/main.ts), which runs the jobs in a thread of their own; not a user setting.
  JOB_RUNNER: z.enum(["in-process", "thread"]).default("in-process"),
  // Proxy mode: the console and its APIs in front of a remote Automation API (docs/decisions/0010-proxy-mode.md)
  UPSTREAM_URL: z
    .url({ protocol: /^https?$/, error: "UPSTREAM_URL must be an http:// or https:// URL, e.g. https://example.opendatasoft.com" })
    .refine((v) => !/[?#]/.test(v), "UPSTREAM_URL must not carry a query string or a fragment")
    .optional(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100, "UPSTREAM_TIMEOUT_MS must be at least 100").max(600_000).default(30_000),
  // Days a dataset stays in the trash (udata's soft delete) before it is purged with its files and records.
  // Which X-Forwarded-For entry is the client (lib/http/trust-proxy.ts): unset, a hop count, or proxy addresses.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  TRASH_RETENTION_DAYS: z.coerce.number().int("TRASH_RETENTION_DAYS must be a whole number of days").min(0).max(3650).default(30),
});

export type AppConfig = {
  port: number;
  dataDir: string;
  database: DatabaseTarget;
  admin: { username: string; password?: string; apiKey?: string };
  authSecret?: string;
  session: { maxAgeSeconds: number; idleSeconds: number };
  seedDemo: boolean;
  demoPassword?: string;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Hosts that remote datasources may fetch even though they resolve to private or loopback addresses. */
  allowedPrivateHosts: string[];
  /** Largest file an upload may carry. */
  maxUploadBytes: number;
  /** Records a publish may index per dataset (0: no limit). */
  maxDatasetRecords: number;
  /** Whether this process runs publish jobs. */
  runJobs: boolean;
  /** Where: beside the web server's requests, or in a worker thread of their own (server/publish-thread.ts). */
  jobRunner: "in-process" | "thread";
  /** Proxy mode: the remote domain whose Automation and Explore APIs this console drives; null on the embedded store. */
  upstream: UpstreamConfig | null;
  /** Days a dataset stays in the trash before the purge deletes it (0: at the next purge). */
  trashRetentionDays: number;
  /** Which X-Forwarded-For entry names the client (read by the production server, server/main.ts). */
  trustProxy: TrustProxy;
};

export type UpstreamConfig = {
  /** the domain's base URL without a trailing slash (`https://example.opendatasoft.com`, `http://host:3000`) */
  url: string;
  /** how long an upstream call may take to answer */
  timeoutMs: number;
};

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(/*turbopackIgnore: true*/ process.cwd(), e.DATA_DIR);
  return {
    port: e.PORT,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD, apiKey: e.ADMIN_API_KEY },
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET,
    session: { maxAgeSeconds: Math.round(e.SESSION_MAX_AGE_HOURS * 3600), idleSeconds: Math.round(e.SESSION_IDLE_MINUTES * 60) },
    seedDemo: e.SEED_DEMO,
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    allowedPrivateHosts: parseAllowedPrivateHosts(e.ALLOWED_PRIVATE_HOSTS),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    maxDatasetRecords: e.MAX_DATASET_RECORDS,
    // A proxy keeps no datasets of its own: there is nothing to publish here.
    runJobs: e.JOBS === "on" && !e.UPSTREAM_URL,
    jobRunner: e.JOB_RUNNER,
    upstream: e.UPSTREAM_URL ? { url: e.UPSTREAM_URL.replace(/\/+$/, ""), timeoutMs: e.UPSTREAM_TIMEOUT_MS } : null,
    trashRetentionDays: e.TRASH_RETENTION_DAYS,
    trustProxy: e.TRUST_PROXY,
  };
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  cached ??= readConfig();
  return cached;
}
