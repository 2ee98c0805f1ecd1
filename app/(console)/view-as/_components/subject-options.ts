import "server-only";
// The users, groups and API keys the picker offers, through their services (administrators only there too).
import { listAllApiKeys } from "@/lib/api-keys/service";
import type { Principal } from "@/lib/auth/principal";
import { formatViewAsSubject } from "@/lib/dataset-security/view-as-subject";
import { listGroups } from "@/lib/groups/service";
import type { Translate } from "@/lib/i18n/translator";
import { listUsers } from "@/lib/users/service";
import type { SubjectOption } from "./subject-picker";

/** Per kind; a larger directory is narrowed by the URL (any `as=user:<name>` works, listed or not). */
export const OPTIONS_PER_KIND = 1000;

export async function subjectOptions(principal: Principal, t: Translate): Promise<{ options: SubjectOption[]; truncated: boolean }> {
  const page = { limit: OPTIONS_PER_KIND, offset: 0 };
  const [users, groups, keys] = await Promise.all([
    listUsers(principal, { ...page, sort: ["username"] }),
    listGroups(principal, { ...page, sort: "group__title" }),
    listAllApiKeys(principal, page),
  ]);
  const options: SubjectOption[] = [
    ...users.results.map((u) => {
      const full = [u.first_name, u.last_name].filter(Boolean).join(" ");
      const label = `${u.username}${full ? ` (${full})` : ""}${u.is_active ? "" : ` — ${t("view_as.picker.disabled")}`}`;
      return { kind: "user" as const, value: formatViewAsSubject({ kind: "user", username: u.username }), label };
    }),
    ...groups.results.map((g) => ({ kind: "group" as const, value: formatViewAsSubject({ kind: "group", group_uid: g.uid }), label: `${g.title} (${g.uid})` })),
    ...keys.results.map((k) => ({
      kind: "apikey" as const,
      value: formatViewAsSubject({ kind: "apikey", uid: k.uid }),
      label: `${k.label} — ${k.user.username} (${k.key_prefix}…)${k.revoked_at ? ` — ${t("view_as.picker.revoked")}` : ""}`,
    })),
  ];
  const truncated = [users, groups, keys].some((p) => p.total_count > OPTIONS_PER_KIND);
  return { options, truncated };
}
