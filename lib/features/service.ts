import "server-only";
// What the console can offer on the store behind the services: everything on the embedded store; in proxy mode
// what the upstream has (an upstream of ours has our extensions, an Opendatasoft domain only the official API).
// Pages hide a control the store lacks and say why, rather than offering something that would fail.
import type { Principal } from "@/lib/auth/principal";
import { upstreamCapabilities } from "@/lib/store/remote/capabilities";

export type ConsoleFeatures = {
  /** proxy mode: the upstream's host; null on the embedded store */
  upstream: string | null;
  /** the dataset list's search box and sort order */
  datasetSearch: boolean;
  datasetSort: boolean;
  /** reviewers' list of what they may only look at (otherwise: what they may edit, the official list) */
  viewOnlyDatasets: boolean;
  /** drag-and-drop order of processors and field configurations */
  reorderProcessors: boolean;
  reorderFields: boolean;
  /** the per-step processing preview */
  stepPreview: boolean;
  /** the publish history with progress, and the live status events */
  publishHistory: boolean;
  liveStatus: boolean;
  /** the user list's filter by group */
  userGroupFilter: boolean;
  /** this console's own: simulating users, password links, disabling accounts */
  viewAs: boolean;
  passwordLinks: boolean;
  disableUsers: boolean;
};

const EMBEDDED: ConsoleFeatures = {
  upstream: null,
  datasetSearch: true,
  datasetSort: true,
  viewOnlyDatasets: true,
  reorderProcessors: true,
  reorderFields: true,
  stepPreview: true,
  publishHistory: true,
  liveStatus: true,
  userGroupFilter: true,
  viewAs: true,
  passwordLinks: true,
  disableUsers: true,
};

export async function consoleFeatures(principal: Principal): Promise<ConsoleFeatures> {
  if (!principal.upstream) return EMBEDDED;
  const can = await upstreamCapabilities(principal.upstream.client);
  return {
    upstream: principal.upstream.client.origin,
    datasetSearch: can.has("datasetSearch"),
    datasetSort: can.has("datasetSort"),
    viewOnlyDatasets: can.has("datasetViewRight"),
    reorderProcessors: can.has("reorderProcessors"),
    reorderFields: can.has("reorderFields"),
    stepPreview: can.has("processingPreview"),
    publishHistory: can.has("publishJobs"),
    liveStatus: can.has("liveStatus"),
    userGroupFilter: can.has("userGroupFilter"),
    viewAs: false,
    passwordLinks: false,
    disableUsers: false,
  };
}
