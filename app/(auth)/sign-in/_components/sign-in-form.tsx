"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";

/** Username and password; in proxy mode (`upstream`: the upstream's host), an API key of the upstream domain. */
export function SignInForm({ returnTo, expired, upstream }: { returnTo: string; expired: boolean; upstream: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(expired ? t("sign_in.session_expired") : null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setKeyError(null);
    try {
      const apikey = String(form.get("apikey") ?? "");
      const fields = upstream ? { apikey, username: String(form.get("username") ?? "") } : { username: String(form.get("username") ?? ""), password: String(form.get("password") ?? "") };
      if (upstream && apikey.trim() === "") {
        setKeyError(t("validation.required"));
        setPending(false);
        return;
      }
      const result = await signIn("credentials", { redirect: false, ...fields });
      if (result?.ok && !result.error) {
        router.replace(returnTo);
        router.refresh();
        return;
      }
      if (result?.error === "CredentialsSignin" && upstream) setKeyError(t("sign_in.key_refused"));
      else
        setError(
          result?.error === "CredentialsSignin"
            ? t("sign_in.failed")
            : result?.error === "TooManyAttempts"
              ? t("identity.sign_in.too_many_attempts")
              : result?.error === "UpstreamUnavailable"
                ? t("sign_in.upstream_unavailable", { upstream: upstream ?? "" })
                : t("sign_in.error_generic"),
        );
    } catch {
      setError(t("sign_in.error_generic"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {upstream ? (
        <>
          <FormField id="apikey" label={t("sign_in.api_key")} help={t("sign_in.api_key_help")} error={keyError ?? undefined}>
            {(a11y) => <Input {...a11y} name="apikey" type="password" autoComplete="off" spellCheck={false} required autoFocus />}
          </FormField>
          <FormField id="username" label={t("sign_in.username_optional")} help={t("sign_in.username_help")}>
            {(a11y) => <Input {...a11y} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} />}
          </FormField>
        </>
      ) : (
        <>
          <FormField id="username" label={t("sign_in.username")}>
            {(a11y) => <Input {...a11y} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />}
          </FormField>
          <FormField id="password" label={t("sign_in.password")}>
            {(a11y) => <Input {...a11y} name="password" type="password" autoComplete="current-password" required />}
          </FormField>
        </>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("sign_in.submitting") : t("sign_in.submit")}
      </Button>
    </form>
  );
}
