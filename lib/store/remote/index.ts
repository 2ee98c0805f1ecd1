// Proxy mode's implementation of the service layer: the upstream Automation API, called with one caller's own key.
// A proxy-mode principal carries its Upstream (lib/auth/principal.ts); each service operation hands it the call
// when it is there (docs/decisions/0010-proxy-mode.md).
import type { Permission } from "@/lib/auth/permissions";
import { config } from "@/lib/env/config";
import type { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { remoteDatasets } from "@/lib/store/remote/datasets";
import { remoteIdentities } from "@/lib/store/remote/identities";
import { remoteMetadata } from "@/lib/store/remote/metadata";
import { remotePublishing } from "@/lib/store/remote/publishing";
import { remoteResources } from "@/lib/store/remote/resources";
import { remoteSecurity } from "@/lib/store/remote/security";
import { remoteProcessing, remoteStack } from "@/lib/store/remote/stacks";
import { callerOf, upstreamClient, type UpstreamClient } from "@/lib/store/remote/upstream-client";

export type Upstream = ReturnType<typeof upstreamFor>;

export function upstreamFor(credentials: UpstreamCredentials, identity: { permissions: ReadonlySet<Permission>; permissionsKnown: boolean }, client: UpstreamClient = upstreamClient(config().upstream!)) {
  const up = callerOf(client, credentials);
  const datasets = remoteDatasets(up, identity);
  return {
    credentials,
    client,
    /** false when the upstream would not say what the key may do: every control is shown, the upstream decides */
    permissionsKnown: identity.permissionsKnown,
    datasets,
    resources: remoteResources(up),
    processors: remoteStack(up, "processors"),
    fields: remoteStack(up, "fields"),
    processing: remoteProcessing(up),
    publishing: remotePublishing(up, datasets),
    metadata: remoteMetadata(up),
    security: remoteSecurity(up, datasets),
    identities: remoteIdentities(up),
  };
}
