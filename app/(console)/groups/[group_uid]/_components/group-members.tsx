"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { addMemberAction, deleteGroupAction, removeMemberAction } from "@/lib/groups/actions";
import { useI18n } from "@/lib/i18n/client";

type Member = { username: string; name: string; email: string | null };

export function GroupMembers({ uid, title, members }: { uid: string; title: string; members: Member[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [username, setUsername] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await addMemberAction({ group_uid: uid, username });
    setPending(false);
    if (!result.ok) {
      setError(result.error.fieldErrors?.username?.[0] ?? result.error.message);
      return;
    }
    toast(t("identity.groups.member_added_toast", { username: username.trim() }));
    setUsername("");
    router.refresh();
  }

  return (
    <section aria-labelledby="group-members" className="space-y-3">
      <h2 id="group-members" className="text-lg font-semibold text-slate-900">
        {t("identity.groups.members")}
      </h2>
      <form onSubmit={add} className="flex flex-wrap items-end gap-2" noValidate>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("identity.groups.add_member_label")}
          <Input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" className="w-64" aria-invalid={error ? true : undefined} />
        </label>
        <Button type="submit" disabled={pending || username.trim() === ""}>
          {pending ? t("identity.groups.adding") : t("identity.groups.add_member")}
        </Button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {members.length === 0 ? (
        <p className="text-sm text-slate-600">{t("identity.groups.no_members")}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("identity.users.col_user")}</Th>
              <Th>{t("identity.users.col_email")}</Th>
              <Th>
                <span className="sr-only">{t("identity.users.col_actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.username} data-testid={`member-${m.username}`}>
                <Td>
                  <div className="font-medium text-slate-900">{m.username}</div>
                  <div className="text-slate-600">{m.name}</div>
                </Td>
                <Td>{m.email ?? t("common.none")}</Td>
                <Td className="text-right">
                  <ConfirmDialog
                    trigger={
                      <Button size="sm" variant="secondary">
                        {t("identity.groups.remove")}
                      </Button>
                    }
                    title={t("identity.groups.remove_title", { username: m.username, group: title })}
                    description={t("identity.groups.remove_description")}
                    cancelLabel={t("common.cancel")}
                    confirmLabel={t("identity.groups.remove")}
                    pendingLabel={t("common.saving")}
                    onConfirm={() => removeMemberAction({ group_uid: uid, username: m.username })}
                    onConfirmed={() => {
                      toast(t("identity.groups.member_removed_toast", { username: m.username }));
                      router.refresh();
                    }}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function DeleteGroupButton({ uid, title }: { uid: string; title: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmDialog
      trigger={<Button variant="danger">{t("identity.groups.delete")}</Button>}
      title={t("identity.groups.delete_title", { group: title })}
      description={t("identity.groups.delete_description")}
      cancelLabel={t("common.cancel")}
      confirmLabel={t("identity.groups.delete")}
      pendingLabel={t("common.deleting")}
      onConfirm={() => deleteGroupAction({ group_uid: uid })}
      onConfirmed={() => {
        toast(t("identity.groups.deleted_toast"));
        router.push("/groups");
        router.refresh();
      }}
    />
  );
}
