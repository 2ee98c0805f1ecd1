import type { Metadata } from "next";
import Link from "next/link";
import { PermissionList } from "@/components/identity/permission-checkboxes";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { listGroups } from "@/lib/groups/service";
import { getI18n } from "@/lib/i18n/server";
import { canManageIdentities } from "@/lib/users/access";
import { GroupFormDialog } from "./_components/group-form-dialog";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("identity.groups.title") };
}

export default async function GroupsPage() {
  const principal = await requirePageAccess("/groups", canManageIdentities);
  const { t, locale } = await getI18n();
  const groups = await listGroups(principal, { limit: 1000, offset: 0, sort: "group__title" });
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("identity.groups.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {groups.total_count === 1 ? t("identity.groups.count_one") : t("identity.groups.count", { count: groups.total_count.toLocaleString(locale) })}
          </p>
        </div>
        <GroupFormDialog grantable={[...principal.permissions]} />
      </header>
      {groups.results.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-slate-700">{t("identity.groups.empty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("identity.groups.col_group")}</Th>
              <Th>{t("identity.groups.col_members")}</Th>
              <Th>{t("identity.groups.col_permissions")}</Th>
            </tr>
          </thead>
          <tbody>
            {groups.results.map((group) => (
              <tr key={group.uid}>
                <Td>
                  <Link href={`/groups/${encodeURIComponent(group.uid)}`} className="font-medium text-brand-700 underline">
                    {group.title}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{group.uid}</div>
                  {group.description ? <div className="text-slate-600">{group.description}</div> : null}
                </Td>
                <Td>{group.user_count.toLocaleString(locale)}</Td>
                <Td>
                  <PermissionList permissions={group.permissions} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
