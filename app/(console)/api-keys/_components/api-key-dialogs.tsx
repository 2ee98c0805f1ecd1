"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { OneTimeSecret } from "@/components/identity/one-time-secret";
import { PermissionCheckboxes } from "@/components/identity/permission-checkboxes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { apiKeyCreateSchema, type ApiKeyCreate } from "@/lib/api-keys/schema";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";

type Values = { label: string; permissions: string[] };

export function NewApiKeyDialog({ grantable }: { grantable: string[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, reset, formState } = useForm<Values, unknown, ApiKeyCreate>({
    resolver: zodResolver(apiKeyCreateSchema, { error: zodErrorMap(t) }) as unknown as Resolver<Values, unknown, ApiKeyCreate>,
    defaultValues: { label: "", permissions: [] },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createApiKeyAction(values);
    if (result.ok) {
      setSecret(result.data.secret);
      reset();
      router.refresh();
      return;
    }
    for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = path.split(".")[0];
      if (field === "label" || field === "permissions") setError(field, { type: "server", message: messages[0] });
    }
    setFormError(result.error.message);
  });

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setSecret(null);
      setFormError(null);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("identity.api_keys.new")}</Button>
      <Dialog
        open={open}
        onOpenChange={close}
        size="lg"
        closeLabel={t("common.cancel")}
        title={secret ? t("identity.api_keys.secret_title") : t("identity.api_keys.new_title")}
        description={secret ? t("identity.api_keys.secret_description") : undefined}
      >
        {secret ? (
          <div className="space-y-4">
            <OneTimeSecret value={secret} label={t("identity.api_keys.secret_title")} />
            <div className="flex justify-end">
              <Button onClick={() => close(false)}>{t("identity.users.done")}</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={formState.isSubmitting}>
            {formError ? <FormErrorAlert message={formError} details={[]} /> : null}
            <FormField id="api-key-label" label={t("identity.api_keys.label")} error={formState.errors.label?.message}>
              {(a11y) => <Input {...a11y} autoComplete="off" {...register("label")} />}
            </FormField>
            <Controller
              control={control}
              name="permissions"
              render={({ field }) => (
                <PermissionCheckboxes id="api-key-permissions" legend={t("identity.permissions.title")} value={field.value} onChange={field.onChange} grantable={grantable} />
              )}
            />
            {formState.errors.permissions ? <p className="text-sm text-red-700">{formState.errors.permissions.message}</p> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => close(false)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? t("identity.api_keys.creating") : t("identity.api_keys.create")}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}

export function RevokeApiKeyButton({ uid, label }: { uid: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    const result = await revokeApiKeyAction({ apikey_uid: uid, reason });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    toast(t("identity.api_keys.revoked_toast"));
    router.refresh();
  }

  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setOpen(true)} aria-label={`${t("identity.api_keys.revoke")} ${label}`}>
        {t("identity.api_keys.revoke")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} closeLabel={t("common.cancel")} title={t("identity.api_keys.revoke_title", { label })} description={t("identity.api_keys.revoke_description")}>
        <div className="space-y-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <FormField id={`revoke-${uid}-reason`} label={t("identity.api_keys.reason")}>
            {(a11y) => <Input {...a11y} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />}
          </FormField>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button variant="danger" disabled={pending} onClick={revoke}>
              {pending ? t("identity.api_keys.revoking") : t("identity.api_keys.revoke")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
