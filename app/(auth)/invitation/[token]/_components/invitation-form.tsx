"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy-limits";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";
import { acceptInvitationAction } from "@/lib/users/actions";

type Values = { password: string; confirm: string };

export function InvitationForm({ token, username }: { token: string; username: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // Length and match here; the server also refuses common passwords (its list is not sent to browsers).
  const schema = z
    .object({ password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH), confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: t("identity.invitation.mismatch") });
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema, { error: zodErrorMap(t) }), mode: "onSubmit" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await acceptInvitationAction({ token, password: values.password });
    if (result.ok) {
      setDone(true);
      return;
    }
    const passwordError = result.error.fieldErrors?.password?.[0];
    if (passwordError) setError("password", { type: "server", message: passwordError });
    else setFormError(result.error.message);
  });

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="info">{t("identity.invitation.done")}</Alert>
        <Button asChild className="w-full">
          <Link href="/sign-in">{t("identity.invitation.sign_in")}</Link>
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-busy={formState.isSubmitting}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <FormField id="password" label={t("identity.invitation.password")} help={t("identity.password.hint")} error={formState.errors.password?.message}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="new-password" autoFocus {...register("password")} />}
      </FormField>
      <FormField id="confirm" label={t("identity.invitation.confirm")} error={formState.errors.confirm?.message}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="new-password" {...register("confirm")} />}
      </FormField>
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("identity.invitation.submitting") : t("identity.invitation.submit")}
      </Button>
    </form>
  );
}
