"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { OneTimeSecret } from "@/components/identity/one-time-secret";
import { PermissionCheckboxes } from "@/components/identity/permission-checkboxes";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";
import { inviteUserAction } from "@/lib/users/actions";
import { inviteItemSchema, type InviteItem, type InviteItemInput } from "@/lib/users/schema";

type GroupOption = { uid: string; title: string; permissions: string[] };
type Values = { email: string; username?: string; first_name: string; last_name: string; permissions: string[]; groups: string[] };
const FIELDS = ["email", "username", "first_name", "last_name", "permissions", "groups"] as const;

export function InviteUserDialog({ grantable, groups }: { grantable: string[]; groups: GroupOption[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [invited, setInvited] = useState<{ username: string; url: string | null } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, InviteItem>({
    resolver: zodResolver(inviteItemSchema, { error: zodErrorMap(t) }) as unknown as Resolver<Values, unknown, InviteItem>,
    defaultValues: { email: "", username: undefined, first_name: "", last_name: "", permissions: [], groups: [] },
  });
  const { register, control, handleSubmit, setError, reset, formState } = form;

  const onSubmit = handleSubmit(async (item) => {
    setFormError(null);
    const result = await inviteUserAction(item satisfies InviteItemInput);
    if (result.ok) {
      setInvited({ username: result.data.username, url: result.data.invitation_url });
      reset();
      router.refresh();
      return;
    }
    for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = path.split(".")[0] as (typeof FIELDS)[number];
      if ((FIELDS as readonly string[]).includes(field)) setError(field, { type: "server", message: messages[0] });
    }
    setFormError(result.error.message);
  });

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setInvited(null);
      setFormError(null);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("identity.users.invite")}</Button>
      <Dialog
        open={open}
        onOpenChange={close}
        size="lg"
        closeLabel={t("common.cancel")}
        title={invited ? t("identity.users.link_title", { username: invited.username }) : t("identity.users.invite_title")}
        description={invited ? (invited.url ? t("identity.users.link_description") : t("identity.users.invited_by_upstream")) : t("identity.users.invite_description")}
      >
        {invited ? (
          <div className="space-y-4">
            {invited.url ? <OneTimeSecret value={invited.url} label={t("identity.users.link_title", { username: invited.username })} /> : null}
            <div className="flex justify-end">
              <Button onClick={() => close(false)}>{t("identity.users.done")}</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={formState.isSubmitting}>
            {formError ? <FormErrorAlert message={formError} details={[]} /> : null}
            <FormField id="invite-email" label={t("identity.users.email")} error={formState.errors.email?.message} required requiredLabel={t("common.required")}>
              {(a11y) => <Input {...a11y} type="email" autoComplete="off" {...register("email")} />}
            </FormField>
            <FormField id="invite-username" label={t("identity.users.username")} help={t("identity.users.username_hint")} error={formState.errors.username?.message}>
              {(a11y) => <Input {...a11y} autoComplete="off" {...register("username", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })} />}
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="invite-first-name" label={t("identity.users.first_name")} error={formState.errors.first_name?.message}>
                {(a11y) => <Input {...a11y} {...register("first_name")} />}
              </FormField>
              <FormField id="invite-last-name" label={t("identity.users.last_name")} error={formState.errors.last_name?.message}>
                {(a11y) => <Input {...a11y} {...register("last_name")} />}
              </FormField>
            </div>
            <Controller
              control={control}
              name="permissions"
              render={({ field }) => (
                <PermissionCheckboxes id="invite-permissions" legend={t("identity.permissions.title")} value={field.value} onChange={field.onChange} grantable={grantable} />
              )}
            />
            {formState.errors.permissions ? <p className="text-sm text-red-700">{formState.errors.permissions.message}</p> : null}
            {groups.length ? (
              <Controller
                control={control}
                name="groups"
                render={({ field }) => (
                  <fieldset>
                    <legend className="mb-1 text-sm font-medium text-slate-800">{t("identity.users.groups")}</legend>
                    <div className="flex flex-wrap gap-3">
                      {groups.map((g) => (
                        <label key={g.uid} className="flex items-center gap-2 text-sm text-slate-700">
                          <input
                            type="checkbox"
                            checked={field.value.includes(g.uid)}
                            onChange={(e) => field.onChange(e.target.checked ? [...field.value, g.uid] : field.value.filter((u) => u !== g.uid))}
                          />
                          {g.title}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                )}
              />
            ) : null}
            {formState.errors.groups ? <p className="text-sm text-red-700">{formState.errors.groups.message}</p> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => close(false)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? t("identity.users.inviting") : t("identity.users.send_invitation")}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
