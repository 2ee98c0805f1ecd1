import "server-only";
// "View as" (issue 6): what a user, a group, an API key or anyone not signed in sees in Explore, and why.
// The simulated principal comes from the same functions as a real request's (lib/auth/principal.ts), and the
// datasets and records from Explore itself with a simulated viewer (which counts no API calls quota), so the
// simulation cannot drift from what the subject gets. Administrators only: it shows every dataset through
// anyone's eyes.
//
// Who cannot make a request at all sees nothing, and the subject's state says why: a disabled user (cannot sign
// in, their keys are refused), a revoked key, a key whose owner is disabled. A disabled user browsing without
// signing in is "anonymous", a subject of its own.
import { ADMINISTRATION_PERMISSION, isPermission } from "@/lib/auth/permissions";
import { apiKeyPrincipal, userPrincipal, type Principal } from "@/lib/auth/principal";
import type { EffectiveAccess } from "@/lib/dataset-security/effective-access";
import type { ViewAsSubject } from "@/lib/dataset-security/view-as-subject";
import { forbidden, isAppError, notFound } from "@/lib/errors/app-error";
import { accessOf, securedView, visibleDatasets, withSecuredCount, type ExploredDataset, type Viewer } from "@/lib/explore/catalog";
import { queryRecords } from "@/lib/explore/records";
import { exploreQuerySchema } from "@/lib/explore/schema";
import type { PublishedDataset, RecordsField } from "@/lib/store/publishing-types";
import { store } from "@/lib/store/store";

export type SubjectState = "active" | "disabled" | "revoked" | "owner_disabled";

export type SimulatedSubject = {
  subject: ViewAsSubject;
  /** the username, the group's title or the key's label ("" for anonymous) */
  label: string;
  /** the owner of an API key */
  owner?: string;
  state: SubjectState;
  /** the user's (or key owner's) permissions have expired: rulesets still show, without their dataset permissions */
  expired: boolean;
  /** null: nobody signed in (anonymous), or a subject whose requests are refused (state other than active) */
  principal: Principal | null;
};

export const RECORDS_SHOWN = 20;

export type ViewedDataset = {
  dataset: ExploredDataset;
  title: string;
  /** fields of the published dataset the subject does not see */
  hidden_fields: RecordsField[];
};

export type ViewedDetail =
  | { kind: "unpublished"; dataset_id: string }
  | { kind: "hidden"; dataset_id: string; title: string; access: EffectiveAccess }
  | {
      kind: "visible";
      view: ViewedDataset;
      records: { total_count: number; results: Record<string, unknown>[] } | { error: string };
    };

export type ViewAsResult = { subject: SimulatedSubject; datasets: ViewedDataset[]; detail: ViewedDetail | null };

/** Administrators, on the embedded store: in proxy mode nobody's rulesets but the upstream's are known. */
export function canViewAs(principal: Principal): boolean {
  return principal.permissions.has(ADMINISTRATION_PERMISSION) && !principal.upstream;
}

function requireViewAs(actor: Principal): void {
  if (!canViewAs(actor)) throw forbidden();
}

const isExpired = (expires_at: string | null, now: Date) => expires_at !== null && new Date(expires_at) <= now;

/** The principal a request of `subject` would carry (not_found for an unknown user, group or key). */
export async function viewAsSubject(actor: Principal, subject: ViewAsSubject, now = new Date()): Promise<SimulatedSubject> {
  requireViewAs(actor);
  switch (subject.kind) {
    case "anonymous":
      return { subject, label: "", state: "active", expired: false, principal: null };
    case "user": {
      const user = await store().identity.findPrincipal(subject.username);
      if (!user) throw notFound();
      const active = user.is_active;
      return { subject, label: user.username, state: active ? "active" : "disabled", expired: isExpired(user.expires_at, now), principal: active ? userPrincipal(user, now) : null };
    }
    case "group": {
      const [group, rulesets] = await Promise.all([store().groups.get(subject.group_uid), store().rulesets.ofGroup(subject.group_uid)]);
      if (!group) throw notFound();
      // A group on its own: its permissions and rulesets, none of a member's own. It is nobody, so it created no
      // dataset (an empty user_id never matches a creator).
      const principal: Principal = { user_id: "", username: group.title, permissions: new Set(group.permissions.filter(isPermission)), via: "session", locale: null, rulesets };
      return { subject, label: group.title, state: "active", expired: false, principal };
    }
    case "apikey": {
      const key = await store().identity.findApiKeyByUid(subject.uid);
      if (!key) throw notFound();
      const state: SubjectState = key.revoked_at ? "revoked" : key.user.is_active ? "active" : "owner_disabled";
      return {
        subject,
        label: key.label,
        owner: key.user.username,
        state,
        expired: isExpired(key.user.expires_at, now),
        principal: state === "active" ? apiKeyPrincipal(key, now) : null,
      };
    }
  }
}

const titleOf = (dataset: Pick<PublishedDataset, "metadata" | "dataset_id">) => String(dataset.metadata?.default?.title?.value ?? dataset.dataset_id);

function viewed(dataset: ExploredDataset, published: PublishedDataset | undefined): ViewedDataset {
  const seen = new Set(dataset.fields.map((f) => f.name));
  return { dataset, title: titleOf(dataset), hidden_fields: (published?.fields ?? []).filter((f) => !seen.has(f.name)) };
}

/** The datasets `subject` sees in Explore and, for `dataset_id`, its fields and first records as they see them. */
export async function viewAs(actor: Principal, subject: ViewAsSubject, dataset_id?: string): Promise<ViewAsResult> {
  const simulated = await viewAsSubject(actor, subject);
  if (simulated.state !== "active") return { subject: simulated, datasets: [], detail: null };
  const viewer: Viewer = { principal: simulated.principal, address: "view-as", simulated: true };
  // Every published dataset, unsecured, only to tell the fields the subject does not see: the administrator may.
  const [visible, published] = await Promise.all([visibleDatasets(viewer), store().publishJobs.listPublished()]);
  const unsecured = new Map(published.map((d) => [d.dataset_id, d]));
  const datasets = visible.map((d) => viewed(d, unsecured.get(d.dataset_id)));
  return { subject: simulated, datasets, detail: dataset_id ? await detailOf(viewer, datasets, unsecured.get(dataset_id), dataset_id) : null };
}

async function detailOf(viewer: Viewer, datasets: ViewedDataset[], published: PublishedDataset | undefined, dataset_id: string): Promise<ViewedDetail> {
  if (!published) return { kind: "unpublished", dataset_id };
  const access = accessOf(viewer, published);
  if (!access.visible) return { kind: "hidden", dataset_id, title: titleOf(published), access };
  const view = datasets.find((d) => d.dataset.dataset_id === dataset_id) ?? viewed(await withSecuredCount(securedView(published, access)), published);
  try {
    const records = await queryRecords(viewer, dataset_id, exploreQuerySchema.parse({ limit: String(RECORDS_SHOWN) }));
    return { kind: "visible", view, records };
  } catch (error) {
    // A record filter naming a field a later publish dropped fails in Explore too: show what it answers.
    if (isAppError(error)) return { kind: "visible", view, records: { error: error.message } };
    throw error;
  }
}
