import { describe, expect, it } from "vitest";
import { DATASET_STATUSES } from "@/lib/datasets/schema";
import { msg, renderText } from "@/lib/errors/app-error";
import { immediateAllowed, isSettled, pickUpStatus, settleStatus, startAction } from "@/lib/publishing/status-machine";

describe("dataset status machine", () => {
  it("starts every action from the settled states only", () => {
    for (const status of DATASET_STATUSES) {
      const result = startAction("publish", { status, is_published: false });
      expect(result.ok).toBe(["idle", "error", "limit_reached"].includes(status));
    }
  });

  it("queues publish and publish_metadata for processing, unpublish for deleting", () => {
    expect(startAction("publish", { status: "idle", is_published: false })).toEqual({ ok: true, transition: { status: "queued", next: "processing" } });
    expect(startAction("publish_metadata", { status: "error", is_published: true })).toEqual({ ok: true, transition: { status: "queued", next: "processing" } });
    expect(startAction("unpublish", { status: "limit_reached", is_published: true })).toEqual({ ok: true, transition: { status: "queued", next: "deleting" } });
  });

  it("allows the immediate actions from the settled states only, the recovery ones on a published dataset", () => {
    for (const status of DATASET_STATUSES) {
      expect(immediateAllowed("save_version", { status, is_published: false }).ok).toBe(isSettled(status));
      expect(immediateAllowed("recover_realtime_records", { status, is_published: true }).ok).toBe(isSettled(status));
    }
    expect(immediateAllowed("scratch_recovery_data", { status: "idle", is_published: false })).toMatchObject({ ok: false, reason: "not_published" });
    expect(immediateAllowed("recover_realtime_records", { status: "queued", is_published: false })).toMatchObject({ ok: false, reason: "status" });
  });

  it("refuses to unpublish a dataset that is not published", () => {
    expect(startAction("unpublish", { status: "idle", is_published: false })).toMatchObject({ ok: false, reason: "not_published" });
  });

  it("refuses a second action while one is queued or running", () => {
    expect(startAction("publish", { status: "queued", is_published: true })).toMatchObject({ ok: false, reason: "status" });
    expect(startAction("unpublish", { status: "processing", is_published: true })).toMatchObject({ ok: false, reason: "status" });
  });

  it("picks up into processing or deleting and settles by outcome", () => {
    expect(pickUpStatus("publish")).toBe("processing");
    expect(pickUpStatus("publish_metadata")).toBe("processing");
    expect(pickUpStatus("unpublish")).toBe("deleting");
    expect(settleStatus("succeeded")).toBe("idle");
    expect(settleStatus("aborted")).toBe("idle");
    expect(settleStatus("failed")).toBe("error");
    expect(settleStatus("limit_reached")).toBe("limit_reached");
    expect(isSettled("aborting_processing")).toBe(false);
  });

  it("words refusals like the Automation API", () => {
    // the Automation API's own example message, which scripts may match on
    const text = renderText(msg("publishing.invalid_status", { current: "processing", allowed: ["idle", "error"].join("', '") }));
    expect(text).toBe("Invalid precondition, dataset status is 'processing' but must be one of 'idle', 'error'");
  });
});
