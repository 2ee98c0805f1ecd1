import type { Metadata } from "next";
import { PermissionList } from "@/components/identity/permission-checkboxes";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/service";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";
import { NewApiKeyDialog, RevokeApiKeyButton } from "./_components/api-key-dialogs";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("identity.api_keys.title") };
}

/** The signed-in user's own API keys: every user manages theirs. */
export default async function ApiKeysPage() {
  const principal = await requirePagePrincipal("/api-keys");
  const { t, locale } = await getI18n();
  const keys = await listApiKeys(principal, { limit: 1000, offset: 0 });
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("identity.api_keys.title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("identity.api_keys.intro")}</p>
        </div>
        <NewApiKeyDialog grantable={[...principal.permissions]} />
      </header>
      {keys.results.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-slate-700">{t("identity.api_keys.empty")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("identity.api_keys.col_key")}</Th>
              <Th>{t("identity.api_keys.col_permissions")}</Th>
              <Th>{t("identity.api_keys.col_created")}</Th>
              <Th>{t("identity.api_keys.col_last_used")}</Th>
              <Th>{t("identity.api_keys.col_status")}</Th>
              <Th>
                <span className="sr-only">{t("identity.users.col_actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {keys.results.map((key) => (
              <tr key={key.uid} data-testid={`api-key-${key.uid}`}>
                <Td>
                  <div className="font-medium text-slate-900">{key.label || t("identity.api_keys.untitled")}</div>
                  <div className="font-mono text-xs text-slate-500">
                    {key.uid} · {key.key_prefix}…
                  </div>
                </Td>
                <Td>
                  <PermissionList permissions={key.permissions} />
                </Td>
                <Td>
                  <FormattedDate iso={key.created_at} locale={locale} />
                </Td>
                <Td>{key.last_used_at ? <FormattedDate iso={key.last_used_at} locale={locale} /> : t("identity.users.never")}</Td>
                <Td>
                  {key.revoked_at ? (
                    <span title={key.revocation_reason ?? undefined}>
                      <Badge tone="red">{t("identity.api_keys.revoked")}</Badge>
                      {key.revocation_reason ? <span className="mt-1 block text-xs text-slate-500">{t("identity.api_keys.revoked_reason", { reason: key.revocation_reason })}</span> : null}
                    </span>
                  ) : (
                    <Badge tone="green">{t("identity.api_keys.active")}</Badge>
                  )}
                </Td>
                <Td className="text-right">{key.revoked_at ? null : <RevokeApiKeyButton uid={key.uid} label={key.label || t("identity.api_keys.untitled")} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
