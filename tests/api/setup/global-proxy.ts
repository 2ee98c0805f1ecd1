import type { TestProject } from "vitest/node";
import { setupProxyBackend } from "./proxy-backend";

export default function setup(project: TestProject) {
  return setupProxyBackend(project);
}
