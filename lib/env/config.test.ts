import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "@/lib/env/config";

describe("readConfig", () => {
  it("needs nothing: every variable has a default", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      admin: { username: "admin" },
      seedDemo: true,
      session: { maxAgeSeconds: 12 * 3600, idleSeconds: 120 * 60 },
      database: { provider: "sqlite" },
    });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
  });

  it("reads overrides", () => {
    const config = readConfig({ PORT: "8080", DATA_DIR: "/srv/dpc", SEED_DEMO: "false", ADMIN_USERNAME: "root", AUTH_SECRET: "s".repeat(40) });
    expect(config).toMatchObject({ port: 8080, dataDir: "/srv/dpc", seedDemo: false, admin: { username: "root" }, authSecret: "s".repeat(40) });
    expect(config.database).toEqual({ provider: "sqlite", file: "/srv/dpc/console.db" });
  });

  it("explains every invalid variable at once", () => {
    expect(() => readConfig({ PORT: "http", ADMIN_PASSWORD: "short", ADMIN_API_KEY: "tiny" })).toThrow(ConfigError);
    try {
      readConfig({ PORT: "http", ADMIN_PASSWORD: "short", ADMIN_API_KEY: "tiny" });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/ADMIN_PASSWORD: ADMIN_PASSWORD needs at least 8 characters/);
      expect((error as Error).message).toMatch(/ADMIN_API_KEY/);
    }
  });

  it("reads upload limits in bytes or with a unit", () => {
    expect(readConfig({}).maxUploadBytes).toBe(2 * 1024 ** 3);
    expect(readConfig({ MAX_UPLOAD_BYTES: "1048576" }).maxUploadBytes).toBe(1048576);
    expect(readConfig({ MAX_UPLOAD_BYTES: "500MB" }).maxUploadBytes).toBe(500_000_000);
    expect(readConfig({ MAX_UPLOAD_BYTES: "1.5 GiB" }).maxUploadBytes).toBe(1.5 * 1024 ** 3);
    expect(() => readConfig({ MAX_UPLOAD_BYTES: "lots" })).toThrow(/MAX_UPLOAD_BYTES/);
    expect(() => readConfig({ MAX_UPLOAD_BYTES: "0" })).toThrow(/MAX_UPLOAD_BYTES/);
  });

  it("reads TRASH_RETENTION_DAYS (whole days, default 30)", () => {
    expect(readConfig({}).trashRetentionDays).toBe(30);
    expect(readConfig({ TRASH_RETENTION_DAYS: "0" }).trashRetentionDays).toBe(0);
    expect(() => readConfig({ TRASH_RETENTION_DAYS: "1.5" })).toThrow(/TRASH_RETENTION_DAYS/);
    expect(() => readConfig({ TRASH_RETENTION_DAYS: "-1" })).toThrow(/TRASH_RETENTION_DAYS/);
  });

  it("reads proxy mode: UPSTREAM_URL (http or https, no query) and UPSTREAM_TIMEOUT_MS", () => {
    expect(readConfig({}).upstream).toBeNull();
    const proxy = readConfig({ UPSTREAM_URL: "https://example.opendatasoft.com/", JOBS: "on" });
    expect(proxy.upstream).toEqual({ url: "https://example.opendatasoft.com", timeoutMs: 30_000 });
    // a proxy keeps no datasets: it runs no publish jobs
    expect(proxy.runJobs).toBe(false);
    expect(readConfig({ UPSTREAM_URL: "http://localhost:3000", UPSTREAM_TIMEOUT_MS: "1500" }).upstream).toEqual({ url: "http://localhost:3000", timeoutMs: 1500 });
    for (const bad of ["ftp://example.org", "example.org", "http://example.org/?apikey=x"]) expect(() => readConfig({ UPSTREAM_URL: bad }), bad).toThrow(/UPSTREAM_URL/);
    expect(() => readConfig({ UPSTREAM_URL: "http://localhost:3000", UPSTREAM_TIMEOUT_MS: "10" })).toThrow(/UPSTREAM_TIMEOUT_MS/);
  });
});
