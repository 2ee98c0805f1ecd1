"use client";
// Add or edit a resource: choose the source (upload a file, or a remote URL), let the server guess the format and
// its parameters, adjust them while the preview follows, then save through the server action. The values are the
// Automation API's ResourceWrite, validated by the same schema as the action; uploads, guesses and previews go
// through the API because they stream or fetch. This file only orchestrates (state, focus, save); the pieces live
// beside it: upload-source, url-source, extractor-params-fields, preview-panel and the use-* hooks.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ExtractorParamsFields } from "@/components/resources/extractor-params-fields";
import { PreviewPanel } from "@/components/resources/preview-panel";
import { ConsoleApiError } from "@/components/api/console-api";
import type { DatasetFile, Datasource, Extractor } from "@/components/resources/resource-api";
import {
  cleanParams,
  datasourceOf,
  httpDatasource,
  isDatasetFile,
  placeFieldErrors,
  titleFromFilename,
  titleFromUrl,
  type ResourceFormValues,
} from "@/components/resources/resource-form-values";
import { UploadSource } from "@/components/resources/upload-source";
import { UrlSource, type UrlDraft } from "@/components/resources/url-source";
import { useExtractorGuess } from "@/components/resources/use-extractor-guess";
import { useFileUpload } from "@/components/resources/use-file-upload";
import { stableStringify, useResourcePreview, type PreviewConfig } from "@/components/resources/use-resource-preview";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { formatBytes } from "@/lib/files/format-bytes";
import { useI18n } from "@/lib/i18n/client";
import { createResourceAction, updateResourceAction } from "@/lib/resources/actions";
import { resourceWriteSchema, type Resource, type ResourceWrite } from "@/lib/resources/schema";

export type ResourceEditorProps = { dataset_uid: string; extractors: Extractor[]; maxUploadBytes: number } & (
  | { mode: "create" }
  | { mode: "edit"; resource: Resource; /** the saved parameters, completed with detected values */ initialParams: Record<string, unknown> }
);

type SourceKind = "uploaded_file" | "http";
type FocusTarget = "summary" | "drop-zone" | "form-error";

export function ResourceEditor(props: ResourceEditorProps) {
  const { dataset_uid, extractors, maxUploadBytes } = props;
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const saved = props.mode === "edit" ? props.resource : null;
  const savedParams = props.mode === "edit" ? props.initialParams : {};
  const savedDatasource = saved ? datasourceOf(saved) : null;
  const formErrorId = useId();

  const [kind, setKind] = useState<SourceKind>(savedDatasource?.type ?? "uploaded_file");
  const [currentFile, setCurrentFile] = useState<DatasetFile | null>(saved?.datasource.type === "uploaded_file" && isDatasetFile(saved.datasource.file) ? saved.datasource.file : null);
  const [replacing, setReplacing] = useState(false);
  const [urlDraft, setUrlDraft] = useState<UrlDraft>({
    url: savedDatasource?.type === "http" ? savedDatasource.connection.url : "",
    username: savedDatasource?.type === "http" ? (savedDatasource.connection.auth?.username ?? "") : "",
    password: "",
  });
  const [urlError, setUrlError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);

  const form = useForm<ResourceFormValues, unknown, ResourceWrite>({
    resolver: zodResolver(resourceWriteSchema, { error: zodErrorMap(t) }) as unknown as Resolver<ResourceFormValues, unknown, ResourceWrite>,
    defaultValues: saved
      ? { title: saved.title, type: saved.type, params: { ...savedParams }, datasource: savedDatasource ?? undefined }
      : { title: "", type: "", params: {}, datasource: undefined },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = form;
  const [type, params, datasource] = useWatch({ control, name: ["type", "params", "datasource"] });

  // Focus follows the flow: the control that had it may have just disappeared (Cancel, the drop zone).
  const dropZoneRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget; seq: number } | null>(null);
  const requestFocus = (target: FocusTarget) => setFocusRequest((previous) => ({ target, seq: (previous?.seq ?? 0) + 1 }));
  useEffect(() => {
    if (!focusRequest) return;
    ({ summary: summaryRef, "drop-zone": dropZoneRef, "form-error": formErrorRef })[focusRequest.target].current?.focus();
  }, [focusRequest]);

  const guess = useExtractorGuess(dataset_uid);
  const detection = guess.detection;
  const lastSuggestedTitle = useRef("");

  /** A new source: guess its format and parameters; the title follows the file name until the user types one. */
  const detect = async (next: Datasource, suggestedTitle: string) => {
    const current = getValues("title").trim();
    if (suggestedTitle && props.mode === "create" && (current === "" || current === lastSuggestedTitle.current)) {
      setValue("title", suggestedTitle);
      lastSuggestedTitle.current = suggestedTitle;
    }
    const guessed = await guess.detectFormat(next, (best) => {
      setValue("type", best, { shouldDirty: true });
      setValue("params", {});
    });
    if (guessed) setValue("params", { ...guessed.params }, { shouldDirty: true });
  };

  /** Another extractor chosen: its parameters as guessed for this source. */
  const onTypeChange = async (nextType: string) => {
    if (!datasource || !nextType) return;
    setValue("params", {});
    const guessed = await guess.guessParams(datasource, nextType);
    if (guessed) setValue("params", { ...guessed }, { shouldDirty: true });
  };

  const onUploaded = (file: DatasetFile) => {
    setCurrentFile(file);
    setReplacing(false);
    requestFocus("summary");
    const next: Datasource = { type: "uploaded_file", file: { uid: file.uid } };
    setValue("datasource", next, { shouldDirty: true });
    void detect(next, titleFromFilename(file.filename));
  };
  const upload = useFileUpload(dataset_uid, onUploaded);

  const chooseFile = (file: File) => {
    if (file.size > maxUploadBytes) {
      upload.fail(file, t("resource_pages.editor.file_too_large", { filename: file.name, limit: formatBytes(maxUploadBytes) }));
      requestFocus("drop-zone");
      return;
    }
    upload.start(file);
  };
  const cancelUpload = () => {
    requestFocus("drop-zone");
    upload.cancel();
  };

  const fetchUrl = () => {
    if (!urlDraft.url.trim()) {
      setUrlError(t("resource_pages.editor.url_required"));
      return;
    }
    setUrlError(undefined);
    const next = httpDatasource(urlDraft, savedDatasource);
    setValue("datasource", next, { shouldDirty: true });
    void detect(next, titleFromUrl(next.type === "http" ? next.connection.url : ""));
  };

  const switchKind = (next: SourceKind) => {
    if (next === kind) return;
    upload.cancel();
    upload.reset();
    guess.reset();
    setKind(next);
    setReplacing(false);
    if (savedDatasource?.type === next) {
      setValue("datasource", savedDatasource);
      setCurrentFile(saved?.datasource.type === "uploaded_file" && isDatasetFile(saved.datasource.file) ? saved.datasource.file : null);
    } else {
      setValue("datasource", undefined);
      setCurrentFile(null);
    }
  };

  // The preview follows the configuration (debounced); while a guess runs the parameters are in flux.
  const detecting = detection.status === "running";
  const config: PreviewConfig | null = datasource && type && !detecting ? { datasource, type, params: cleanParams(params) } : null;
  const savedConfig = saved && savedDatasource ? { resource_uid: saved.uid, config: { datasource: savedDatasource, type: saved.type, params: cleanParams(savedParams) } } : undefined;
  const { query: preview, waiting } = useResourcePreview(dataset_uid, config, savedConfig);
  const previewDetail = preview.error instanceof ConsoleApiError ? preview.error.detail : {};

  const extractor = extractors.find((e) => e.type === type);
  const paramNames = new Set(extractor?.parameters.filter((p) => !p.hidden).map((p) => p.name) ?? []);
  const paramError = (name: string): string | undefined => {
    const own = (formState.errors.params as Record<string, { message?: string } | undefined> | undefined)?.[name]?.message;
    return own ?? previewDetail[`params.${name}`]?.[0];
  };

  const guessUrlError = detection.status === "error" ? Object.entries(detection.detail).find(([path]) => path.startsWith("datasource.connection"))?.[1]?.[0] : undefined;
  const urlStale = kind === "http" && datasource?.type === "http" && stableStringify(httpDatasource(urlDraft, savedDatasource)) !== stableStringify(datasource);

  const onSubmit = handleSubmit(
    async (resource) => {
      setFormError(null);
      const payload = { ...resource, params: cleanParams(resource.params) };
      const result =
        props.mode === "edit"
          ? await updateResourceAction({ dataset_uid, resource_uid: props.resource.uid, resource: payload })
          : await createResourceAction({ dataset_uid, resource: payload });
      if (result.ok) {
        queryClient.removeQueries({ queryKey: ["datasets", dataset_uid, "resources", "preview", { resource_uid: result.data.uid }] });
        toast(t("resource_pages.editor.saved"));
        router.push(`/datasets/${dataset_uid}/resources/${result.data.uid}`);
        router.refresh();
        return;
      }
      const { fields, url, details } = placeFieldErrors(result.error.fieldErrors, paramNames);
      fields.forEach(([path, message], index) => setError(path, { type: "server", message }, { shouldFocus: index === 0 }));
      if (url && kind === "http") setUrlError(url);
      else if (url) details.push(url);
      setFormError({ message: result.error.message, details });
      if (fields.length === 0) requestFocus("form-error");
    },
    (errors) => {
      setFormError({ message: errors.datasource ? t("resource_pages.editor.source_required") : t("resource_pages.editor.fix_errors"), details: [] });
      if (errors.datasource) requestFocus("form-error");
    },
  );

  const titleError = formState.errors.title?.message;
  const typeError = formState.errors.type?.message;
  const uploading = upload.state.status === "uploading";
  // Nothing to configure until there is a source; nor when it could not be read at all (no format to offer).
  const showConfig = !!datasource && !(kind === "uploaded_file" && (uploading || replacing) && !currentFile) && !(detection.status === "error" && !type);

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-5xl space-y-8" aria-busy={formState.isSubmitting}>
      {formError ? (
        <div ref={formErrorRef} tabIndex={-1} id={formErrorId} className="focus:outline-none">
          <FormErrorAlert message={formError.message} details={formError.details} />
        </div>
      ) : null}

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("resource_pages.editor.source_legend")}</legend>
        {props.mode === "create" ? (
          <div role="radiogroup" aria-label={t("resource_pages.editor.source_legend")} className="flex flex-wrap gap-x-6 gap-y-2">
            {(["uploaded_file", "http"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <input type="radio" name="source-kind" value={value} checked={kind === value} onChange={() => switchKind(value)} className="size-4 text-brand-600" />
                {value === "uploaded_file" ? t("resource_pages.editor.source_upload") : t("resource_pages.editor.source_url")}
              </label>
            ))}
          </div>
        ) : null}
        {kind === "uploaded_file" ? (
          <UploadSource
            state={upload.state}
            currentFile={currentFile}
            replacing={replacing}
            maxUploadBytes={maxUploadBytes}
            onFile={chooseFile}
            onCancel={cancelUpload}
            onReplace={() => {
              upload.reset();
              setReplacing(true);
              requestFocus("drop-zone");
            }}
            onKeep={() => {
              upload.reset();
              setReplacing(false);
              requestFocus("summary");
            }}
            dropZoneRef={dropZoneRef}
            summaryRef={summaryRef}
          />
        ) : (
          <UrlSource
            draft={urlDraft}
            onChange={(next) => {
              setUrlDraft(next);
              setUrlError(undefined);
              if (detection.status === "error") guess.reset();
            }}
            onFetch={fetchUrl}
            fetching={detecting}
            urlError={urlError ?? guessUrlError}
            stale={urlStale}
            keepsPassword={savedDatasource?.type === "http" && !!savedDatasource.connection.auth}
          />
        )}
        {detection.status === "running" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner className="text-brand-600" />
            {t("resource_pages.editor.detecting")}
          </p>
        ) : detection.status === "error" ? (
          <Alert tone="error">{t("resource_pages.editor.guess_failed", { message: detection.message })}</Alert>
        ) : detection.status === "none" ? (
          <Alert tone="warning">{t("resource_pages.editor.no_extractor_guessed")}</Alert>
        ) : null}
      </fieldset>

      {showConfig ? (
        <>
          <fieldset className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
            <legend className="px-1 text-sm font-semibold text-slate-900">{t("resource_pages.editor.config_legend")}</legend>
            <div className="grid gap-5 sm:grid-cols-2">
              <FormField id="resource-title" label={t("resource_pages.editor.title")} error={titleError} required requiredLabel={t("common.required")}>
                {(a11y) => <Input {...a11y} {...register("title")} />}
              </FormField>
              <FormField id="resource-type" label={t("resource_pages.editor.extractor")} error={typeError} required requiredLabel={t("common.required")}>
                {(a11y) => (
                  <Select {...a11y} {...register("type", { onChange: (event: { target: { value: string } }) => void onTypeChange(event.target.value) })} disabled={detecting}>
                    {!type ? <option value="">{t("common.none")}</option> : null}
                    {extractors.map((e) => (
                      <option key={e.type} value={e.type}>
                        {e.label}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            </div>
            {extractor && !detecting ? <ExtractorParamsFields parameters={extractor.parameters} register={register} values={params ?? {}} errorOf={paramError} /> : null}
          </fieldset>

          {type ? (
            <PreviewPanel
              data={preview.data}
              error={preview.error}
              loading={preview.isFetching || detecting}
              updating={waiting || detecting}
              shownUnderFields={(path) => /^params\./.test(path) && paramNames.has(path.slice("params.".length))}
            />
          ) : null}

          <div className="flex items-center gap-3">
            <Button type="submit" disabled={formState.isSubmitting || uploading || detecting}>
              {formState.isSubmitting ? t("common.saving") : t("resource_pages.editor.save")}
            </Button>
            <Button variant="secondary" asChild>
              <Link href={saved ? `/datasets/${dataset_uid}/resources/${saved.uid}` : `/datasets/${dataset_uid}/resources`}>{t("common.cancel")}</Link>
            </Button>
          </div>
        </>
      ) : null}
    </form>
  );
}

