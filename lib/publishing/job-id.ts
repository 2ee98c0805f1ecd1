// The Management API v2 identifies a job by 40 hex characters (API-CONTRACT.md §1.5, §4.2). Random rather than
// derived from the job's uid: it is stored with the job and looked up directly (decision 0012).
import { randomBytes } from "node:crypto";

export const JOB_ID_PATTERN = /^[0-9a-f]{40}$/;

export function newJobId(): string {
  return randomBytes(20).toString("hex");
}
