"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { OneTimeSecret } from "@/components/identity/one-time-secret";
import { PermissionCheckboxes } from "@/components/identity/permission-checkboxes";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";
import { createPasswordLinkAction, deleteUserAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { userUpdateSchema, type UserUpdate } from "@/lib/users/schema";

type Row = { username: string; first_name: string; last_name: string; email: string | null; permissions: string[]; is_active: boolean };
type Values = { first_name: string; last_name: string; email?: string; permissions: string[] };

function EditUserDialog({ user, grantable, open, onOpenChange }: { user: Row; grantable: string[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<Values, unknown, UserUpdate>({
    resolver: zodResolver(userUpdateSchema, { error: zodErrorMap(t) }) as unknown as Resolver<Values, unknown, UserUpdate>,
    defaultValues: { first_name: user.first_name, last_name: user.last_name, email: user.email ?? undefined, permissions: user.permissions },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateUserAction({ username: user.username, user: values });
    if (result.ok) {
      toast(t("identity.users.saved_toast"));
      onOpenChange(false);
      router.refresh();
      return;
    }
    for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = path.replace(/^user\./, "").split(".")[0];
      if (field === "first_name" || field === "last_name" || field === "email" || field === "permissions") setError(field, { type: "server", message: messages[0] });
    }
    setFormError(result.error.message);
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} size="lg" closeLabel={t("common.cancel")} title={t("identity.users.edit_title", { username: user.username })}>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={formState.isSubmitting}>
        {formError ? <FormErrorAlert message={formError} details={[]} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={`edit-${user.username}-first`} label={t("identity.users.first_name")} error={formState.errors.first_name?.message}>
            {(a11y) => <Input {...a11y} {...register("first_name")} />}
          </FormField>
          <FormField id={`edit-${user.username}-last`} label={t("identity.users.last_name")} error={formState.errors.last_name?.message}>
            {(a11y) => <Input {...a11y} {...register("last_name")} />}
          </FormField>
        </div>
        <FormField id={`edit-${user.username}-email`} label={t("identity.users.email")} error={formState.errors.email?.message}>
          {(a11y) => <Input {...a11y} type="email" {...register("email", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })} />}
        </FormField>
        <Controller
          control={control}
          name="permissions"
          render={({ field }) => (
            <PermissionCheckboxes id={`edit-${user.username}-permissions`} legend={t("identity.permissions.title")} value={field.value} onChange={field.onChange} grantable={grantable} />
          )}
        />
        {formState.errors.permissions ? <p className="text-sm text-red-700">{formState.errors.permissions.message}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("common.saving") : t("common.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** `accountControls`: this console's own account controls, which an upstream (proxy mode) does not offer. */
export function UserRowActions({
  user,
  isSelf,
  grantable,
  accountControls,
}: {
  user: Row;
  isSelf: boolean;
  grantable: string[];
  accountControls: { passwordLinks: boolean; disable: boolean };
}) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function passwordLink() {
    setError(null);
    const result = await createPasswordLinkAction({ username: user.username });
    if (result.ok) setLink(result.data.url);
    else setError(result.error.message);
  }

  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`${t("identity.users.edit")} ${user.username}`}>
        {t("identity.users.edit")}
      </Button>
      {accountControls.passwordLinks ? (
        <Button size="sm" variant="secondary" onClick={passwordLink}>
          {t("identity.users.password_link")}
        </Button>
      ) : null}
      {isSelf || !accountControls.disable ? null : (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary">
              {user.is_active ? t("identity.users.disable") : t("identity.users.enable")}
            </Button>
          }
          tone="primary"
          title={user.is_active ? `${t("identity.users.disable")} ${user.username}?` : `${t("identity.users.enable")} ${user.username}?`}
          description={user.is_active ? t("identity.users.disabled_toast", { username: user.username }) : t("identity.users.enabled_toast", { username: user.username })}
          cancelLabel={t("common.cancel")}
          confirmLabel={user.is_active ? t("identity.users.disable") : t("identity.users.enable")}
          pendingLabel={t("common.saving")}
          onConfirm={() => setUserActiveAction({ username: user.username, is_active: !user.is_active })}
          onConfirmed={() => {
            toast(user.is_active ? t("identity.users.disabled_toast", { username: user.username }) : t("identity.users.enabled_toast", { username: user.username }));
            router.refresh();
          }}
        />
      )}
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="danger">
            {t("identity.users.delete")}
          </Button>
        }
        title={t("identity.users.delete_title", { username: user.username })}
        description={t("identity.users.delete_description")}
        cancelLabel={t("common.cancel")}
        confirmLabel={t("identity.users.delete")}
        pendingLabel={t("common.deleting")}
        onConfirm={() => deleteUserAction({ username: user.username })}
        onConfirmed={() => {
          toast(t("identity.users.deleted_toast", { username: user.username }));
          router.refresh();
        }}
      />
      {error ? <p role="alert" className="w-full text-right text-sm text-red-700">{error}</p> : null}
      {editing ? <EditUserDialog user={user} grantable={grantable} open={editing} onOpenChange={setEditing} /> : null}
      <Dialog
        open={link !== null}
        onOpenChange={(open) => !open && setLink(null)}
        closeLabel={t("common.cancel")}
        title={t("identity.users.link_title", { username: user.username })}
        description={t("identity.users.link_description")}
      >
        {link ? <OneTimeSecret value={link} label={t("identity.users.link_title", { username: user.username })} /> : null}
      </Dialog>
    </div>
  );
}
