import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PermissionList } from "@/components/identity/permission-checkboxes";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { isAppError } from "@/lib/errors/app-error";
import { getGroup, listMembers } from "@/lib/groups/service";
import { getI18n } from "@/lib/i18n/server";
import { canManageIdentities } from "@/lib/users/access";
import { GroupFormDialog } from "../_components/group-form-dialog";
import { DeleteGroupButton, GroupMembers } from "./_components/group-members";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("identity.groups.title") };
}

export default async function GroupPage({ params }: { params: Promise<{ group_uid: string }> }) {
  const { group_uid } = await params;
  const principal = await requirePageAccess(`/groups/${encodeURIComponent(group_uid)}`, canManageIdentities);
  const { t } = await getI18n();
  const group = await getGroup(principal, group_uid).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const members = await listMembers(principal, group.uid, { limit: 1000, offset: 0 });
  return (
    <div className="space-y-8">
      <div>
        <Link href="/groups" className="text-sm text-brand-700 underline">
          {t("identity.groups.back")}
        </Link>
        <header className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">{group.title}</h1>
            <p className="font-mono text-xs text-slate-500">{group.uid}</p>
            {group.description ? <p className="mt-1 text-slate-600">{group.description}</p> : null}
          </div>
          <div className="flex gap-2">
            <GroupFormDialog grantable={[...principal.permissions]} group={{ uid: group.uid, title: group.title, description: group.description, permissions: group.permissions }} />
            <DeleteGroupButton uid={group.uid} title={group.title} />
          </div>
        </header>
      </div>
      <section aria-labelledby="group-permissions" className="space-y-2">
        <h2 id="group-permissions" className="text-lg font-semibold text-slate-900">
          {t("identity.permissions.title")}
        </h2>
        <PermissionList permissions={group.permissions} />
      </section>
      <GroupMembers
        uid={group.uid}
        title={group.title}
        members={members.results.map((m) => ({ username: m.username, name: [m.first_name, m.last_name].filter(Boolean).join(" "), email: m.email }))}
      />
    </div>
  );
}
