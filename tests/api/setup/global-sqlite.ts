import type { TestProject } from "vitest/node";
import { setupBackend } from "./backend";

export default function setup(project: TestProject) {
  return setupBackend(project, "sqlite");
}
