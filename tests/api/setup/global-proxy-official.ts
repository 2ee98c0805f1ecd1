// The console in proxy mode in front of an upstream that has only the official Automation API (an Opendatasoft
// domain, as far as the console can tell): tests/support/official-upstream.ts between it and an instance of ours.
import type { TestProject } from "vitest/node";
import { startOfficialUpstream } from "../../support/official-upstream";
import { setupProxyBackend } from "./proxy-backend";

export default function setup(project: TestProject) {
  return setupProxyBackend(project, (url) => startOfficialUpstream(url));
}
