import { describe, expect, it } from "vitest";
import type { DatasetMetadata } from "@/lib/datasets/schema";
import { applyRemoteValues } from "@/lib/metadata/remote-values";

const linked = (override: boolean): DatasetMetadata => ({
  default: { title: { value: "T" }, publisher: { value: override ? "Local" : "Remote", remote_value: "Remote", override_remote_value: override } },
});

describe("applyRemoteValues", () => {
  it("keeps the remote value unless the client overrides it", () => {
    expect(applyRemoteValues({ default: { title: { value: "T" }, publisher: { value: "Mine" } } }, linked(false)).default.publisher).toEqual({
      value: "Remote",
      remote_value: "Remote",
      override_remote_value: false,
    });
    expect(applyRemoteValues({ default: { title: { value: "T" }, publisher: { value: "Mine", override_remote_value: true } } }, linked(false)).default.publisher).toEqual({
      value: "Mine",
      remote_value: "Remote",
      override_remote_value: true,
    });
  });

  it("keeps an override while the client does not say otherwise, and resets omitted values", () => {
    expect(applyRemoteValues({ default: { title: { value: "T" }, publisher: { value: "Mine 2" } } }, linked(true)).default.publisher).toMatchObject({ value: "Mine 2", override_remote_value: true });
    expect(applyRemoteValues({ default: { title: { value: "T" } } }, linked(true)).default.publisher).toEqual({ value: "Remote", remote_value: "Remote", override_remote_value: false });
  });

  it("drops the flag and any remote_value on values that are not linked", () => {
    const out = applyRemoteValues({ default: { title: { value: "T", override_remote_value: true, remote_value: "x" } as never } }, null);
    expect(out.default.title).toEqual({ value: "T" });
  });
});
