// Vitest helpers for the extractor tests. Kept apart from test-fixtures.ts, which the Playwright suite imports
// too (and which must therefore not import vitest).
import { afterAll, beforeAll } from "vitest";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { makeTempDir } from "@/lib/extractors/test-fixtures";

/** A temporary folder for one test file: made before its tests, removed after (`tmp.dir`). */
export function tempDirForTests(): { readonly dir: string } {
  let dir = "";
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
  afterAll(() => cleanup());
  return {
    get dir() {
      return dir;
    },
  };
}

/** The AppError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
