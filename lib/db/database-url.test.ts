import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "@/lib/db/database-url";

describe("parseDatabaseUrl", () => {
  it("defaults to SQLite in DATA_DIR", () => {
    expect(parseDatabaseUrl(undefined, "/srv/data")).toEqual({ provider: "sqlite", file: "/srv/data/console.db" });
  });

  it("reads file: URLs, relative and absolute", () => {
    expect(parseDatabaseUrl("file:/var/db/x.db", "/d")).toEqual({ provider: "sqlite", file: "/var/db/x.db" });
    expect(parseDatabaseUrl("file:./x.db", "/d")).toEqual({ provider: "sqlite", file: `${process.cwd()}/x.db` });
  });

  it("reads PostgreSQL URLs with an optional schema", () => {
    expect(parseDatabaseUrl("postgresql://u@h:5432/db?schema=console", "/d")).toEqual({ provider: "postgresql", url: "postgresql://u@h:5432/db", schema: "console" });
    expect(parseDatabaseUrl("postgres://u@h/db", "/d")).toMatchObject({ provider: "postgresql", schema: "public" });
  });

  it("refuses what it cannot use", () => {
    expect(() => parseDatabaseUrl("mysql://x", "/d")).toThrow(/DATABASE_URL/);
    expect(() => parseDatabaseUrl("file:", "/d")).toThrow(/path/);
    expect(() => parseDatabaseUrl('postgresql://u@h/db?schema=a";drop', "/d")).toThrow(/schema/);
  });
});
