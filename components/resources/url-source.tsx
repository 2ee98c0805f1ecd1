"use client";
// The "remote URL" source: the address, optional basic-auth credentials, and "Fetch", which hands the
// datasource to the editor (the server downloads it to guess the format and build the preview).
import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { UrlDraft } from "@/components/resources/resource-form-values";
import { useI18n } from "@/lib/i18n/client";

export type { UrlDraft };

export function UrlSource({
  draft,
  onChange,
  onFetch,
  fetching,
  urlError,
  stale,
  keepsPassword,
}: {
  draft: UrlDraft;
  onChange: (draft: UrlDraft) => void;
  onFetch: () => void;
  fetching: boolean;
  urlError?: string;
  /** the fields differ from the datasource in use */
  stale: boolean;
  /** editing a saved source: an empty password keeps the stored one */
  keepsPassword: boolean;
}) {
  const { t } = useI18n();
  // Enter fetches instead of submitting the whole resource form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onFetch();
    }
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <FormField id="source-url" label={t("resource_pages.editor.url")} help={t("resource_pages.editor.url_help")} error={urlError} required requiredLabel={t("common.required")} className="flex-1">
          {(a11y) => (
            <Input
              {...a11y}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              placeholder="https://"
              value={draft.url}
              onChange={(event) => onChange({ ...draft, url: event.target.value })}
              onKeyDown={onKeyDown}
            />
          )}
        </FormField>
        <Button variant="secondary" className="sm:mt-7" onClick={onFetch} disabled={fetching}>
          {fetching ? <Spinner /> : null}
          {fetching ? t("resource_pages.editor.fetching") : t("resource_pages.editor.fetch")}
        </Button>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("resource_pages.editor.auth_legend")}</legend>
        <FormField id="source-username" label={t("resource_pages.editor.auth_username")}>
          {(a11y) => (
            <Input {...a11y} autoComplete="off" spellCheck={false} value={draft.username} onChange={(event) => onChange({ ...draft, username: event.target.value })} onKeyDown={onKeyDown} />
          )}
        </FormField>
        <FormField id="source-password" label={t("resource_pages.editor.auth_password")} help={keepsPassword ? t("resource_pages.editor.password_keep_help") : undefined}>
          {(a11y) => (
            <Input
              {...a11y}
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(event) => onChange({ ...draft, password: event.target.value })}
              onKeyDown={onKeyDown}
            />
          )}
        </FormField>
      </fieldset>
      {stale ? <p className="text-sm text-amber-800">{t("resource_pages.editor.url_changed")}</p> : null}
    </div>
  );
}
