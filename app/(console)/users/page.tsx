import type { Metadata } from "next";
import Link from "next/link";
import { PermissionList } from "@/components/identity/permission-checkboxes";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { isPermission, PERMISSIONS } from "@/lib/auth/permissions";
import { listGroups } from "@/lib/groups/service";
import { consoleFeatures } from "@/lib/features/service";
import { getI18n } from "@/lib/i18n/server";
import { canManageIdentities } from "@/lib/users/access";
import { isPending, listUsers } from "@/lib/users/service";
import { InviteUserDialog } from "./_components/invite-user-dialog";
import { UserRowActions } from "./_components/user-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("identity.users.title") };
}

const PAGE_SIZE = 50;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const q = one(raw.q).slice(0, 200);
  const permission = one(raw.permission);
  const group = one(raw.group).slice(0, 64);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(raw.page), 10) || 1));
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...(permission ? { permission } : {}), ...(group ? { group } : {}) });
  const principal = await requirePageAccess(`/users${query.size ? `?${query}` : ""}`, canManageIdentities);
  const { t, locale } = await getI18n();
  const features = await consoleFeatures(principal);
  const [users, groups] = await Promise.all([
    listUsers(principal, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      search: q || undefined,
      all_permissions: isPermission(permission) ? [permission] : undefined,
      group: (features.userGroupFilter && group) || undefined,
      sort: ["username"],
    }),
    listGroups(principal, { limit: 1000, offset: 0, sort: "group__title" }),
  ]);
  const grantable = [...principal.permissions];
  const groupOptions = groups.results.map((g) => ({ uid: g.uid, title: g.title, permissions: g.permissions }));
  const pages = Math.max(1, Math.ceil(users.total_count / PAGE_SIZE));
  const pageHref = (n: number) => `/users?${new URLSearchParams({ ...Object.fromEntries(query), page: String(n) })}`;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("identity.users.title")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="user-count">
            {users.total_count === 1 ? t("identity.users.count_one") : t("identity.users.count", { count: users.total_count.toLocaleString(locale) })}
          </p>
        </div>
        <InviteUserDialog grantable={grantable} groups={groupOptions} />
      </header>

      <form method="get" action="/users" role="search" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("identity.users.search")}
          <Input name="q" type="search" defaultValue={q} placeholder={t("identity.users.search_placeholder")} className="w-64" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("identity.users.filter_permission")}
          <Select name="permission" defaultValue={isPermission(permission) ? permission : ""}>
            <option value="">{t("identity.users.any")}</option>
            {PERMISSIONS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </label>
        {features.userGroupFilter ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t("identity.users.filter_group")}
            <Select name="group" defaultValue={group}>
              <option value="">{t("identity.users.any")}</option>
              {groupOptions.map((g) => (
                <option key={g.uid} value={g.uid}>
                  {g.title}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
        <Button type="submit" variant="secondary">
          {t("identity.users.apply")}
        </Button>
        {query.size ? (
          <Link href="/users" className="py-2 text-sm text-brand-700 underline">
            {t("identity.users.clear")}
          </Link>
        ) : null}
      </form>

      {users.results.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-slate-700">{t("identity.users.empty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("identity.users.col_user")}</Th>
              <Th>{t("identity.users.col_groups")}</Th>
              <Th>{t("identity.users.col_permissions")}</Th>
              <Th>{t("identity.users.col_status")}</Th>
              <Th>{t("identity.users.col_last_seen")}</Th>
              <Th>
                <span className="sr-only">{t("identity.users.col_actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {users.results.map((user) => {
              const viaGroups = [...new Set(user.groups.flatMap((g) => g.permissions))].filter((p) => !user.permissions.includes(p));
              return (
                <tr key={user.user_id} data-testid={`user-row-${user.username}`}>
                  <Td>
                    <div className="font-medium text-slate-900">{user.username}</div>
                    <div className="text-slate-600">{[user.first_name, user.last_name].filter(Boolean).join(" ")}</div>
                    {user.email ? <div className="text-xs text-slate-500">{user.email}</div> : null}
                  </Td>
                  <Td>{user.groups.map((g) => g.title).join(", ") || t("common.none")}</Td>
                  <Td>
                    <PermissionList permissions={user.permissions} />
                    {viaGroups.length ? <p className="mt-1 text-xs text-slate-500">{t("identity.users.via_groups", { permissions: viaGroups.join(", ") })}</p> : null}
                  </Td>
                  <Td>
                    {!user.is_active ? (
                      <Badge tone="red">{t("identity.users.status_disabled")}</Badge>
                    ) : isPending(user) ? (
                      <Badge tone="amber">{t("identity.users.status_pending")}</Badge>
                    ) : (
                      <Badge tone="green">{t("identity.users.status_active")}</Badge>
                    )}
                  </Td>
                  <Td>{user.last_seen_at ? <FormattedDate iso={user.last_seen_at} locale={locale} /> : t("identity.users.never")}</Td>
                  <Td className="text-right">
                    <UserRowActions
                      user={{ username: user.username, first_name: user.first_name, last_name: user.last_name, email: user.email, permissions: user.permissions, is_active: user.is_active }}
                      isSelf={user.user_id === principal.user_id}
                      grantable={grantable}
                      accountControls={{ passwordLinks: features.passwordLinks, disable: features.disableUsers }}
                    />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {pages > 1 ? (
        <nav className="flex items-center justify-end gap-3 text-sm" aria-label={t("datasets.pagination")}>
          {page > 1 ? <Link href={pageHref(page - 1)}>{t("common.previous")}</Link> : null}
          <span>{t("datasets.page_of", { page, pages })}</span>
          {page < pages ? <Link href={pageHref(page + 1)}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
