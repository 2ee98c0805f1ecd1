"use client";
// Uploads one file to POST /datasets/{uid}/resources/files/ with XMLHttpRequest, the only browser API that reports
// upload progress. One upload at a time; `cancel()` aborts it (the server then discards the partial file).
import { useCallback, useEffect, useRef, useState } from "react";
import { apiErrorFrom, CONSOLE_HEADERS } from "@/components/api/console-api";
import { uploadUrl, type DatasetFile } from "@/components/resources/resource-api";

export type UploadState =
  | { status: "idle" }
  | { status: "uploading"; file: File; loaded: number; total: number }
  | { status: "done"; file: File; result: DatasetFile }
  | { status: "cancelled"; file: File }
  | { status: "error"; file: File; message: string | null };

export function useFileUpload(dataset_uid: string, onUploaded: (file: DatasetFile) => void) {
  const [state, setState] = useState<UploadState>({ status: "idle" });
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);
  // Leaving the page mid-upload stops it.
  useEffect(() => () => xhrRef.current?.abort(), []);

  const start = useCallback(
    (file: File) => {
      xhrRef.current?.abort();
      const xhr = new XMLHttpRequest();
      xhrRef.current = xhr;
      setState({ status: "uploading", file, loaded: 0, total: file.size });
      xhr.upload.onprogress = (event) => {
        if (xhrRef.current !== xhr) return;
        // event.total counts the multipart envelope too: report the share of the file itself.
        const share = event.lengthComputable && event.total > 0 ? event.loaded / event.total : 0;
        setState({ status: "uploading", file, loaded: Math.min(file.size, Math.round(share * file.size)), total: file.size });
      };
      xhr.onload = () => {
        if (xhrRef.current !== xhr) return;
        xhrRef.current = null;
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
        if (xhr.status === 201 || xhr.status === 200) {
          const result = body as DatasetFile;
          setState({ status: "done", file, result });
          onUploadedRef.current(result);
        } else {
          setState({ status: "error", file, message: apiErrorFrom(xhr.status, body, xhr.statusText || `HTTP ${xhr.status}`).message });
        }
      };
      xhr.onerror = () => {
        if (xhrRef.current !== xhr) return;
        xhrRef.current = null;
        setState({ status: "error", file, message: null });
      };
      xhr.onabort = () => {
        if (xhrRef.current !== xhr) return;
        xhrRef.current = null;
        setState({ status: "cancelled", file });
      };
      xhr.open("POST", uploadUrl(dataset_uid));
      xhr.setRequestHeader("Accept", "application/json");
      for (const [name, value] of Object.entries(CONSOLE_HEADERS)) xhr.setRequestHeader(name, value);
      const form = new FormData();
      form.append("file", file, file.name);
      xhr.send(form);
    },
    [dataset_uid],
  );

  const cancel = useCallback(() => {
    xhrRef.current?.abort();
  }, []);

  /** A failure found before sending (e.g. over the size limit), shown like a server error. */
  const fail = useCallback((file: File, message: string) => setState({ status: "error", file, message }), []);
  const reset = useCallback(() => setState({ status: "idle" }), []);

  return { state, start, cancel, fail, reset };
}
