import "server-only";
// The operations shared by a dataset's processors and its field configurations: ordered lists of `pr_` objects
// that anyone who may view the dataset can read and only its editors can change. In proxy mode the principal's
// upstream holds them (lib/store/remote/stacks.ts), and checks the input itself.
import type { Principal } from "@/lib/auth/principal";
import { requireDatasetRight } from "@/lib/datasets/service";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import type { Upstream } from "@/lib/store/remote";
import type { RemoteStack } from "@/lib/store/remote/stacks";
import type { Page, StackItem, StackItemInput, StackStore } from "@/lib/store/types";

type Wire = { uid: string; type: string; label: string } & Record<string, unknown>;

export type StackService<W> = {
  list(principal: Principal, dataset_uid: string, page: { limit: number; offset: number }): Promise<Page<Wire>>;
  get(principal: Principal, dataset_uid: string, uid: string): Promise<Wire>;
  create(principal: Principal, dataset_uid: string, input: W): Promise<Wire>;
  update(principal: Principal, dataset_uid: string, uid: string, input: W): Promise<Wire>;
  remove(principal: Principal, dataset_uid: string, uid: string): Promise<void>;
  reorder(principal: Principal, dataset_uid: string, uids: string[]): Promise<Wire[]>;
};

/** `{uid, type, label, ...params}`: the wire shape of both (parameters are top-level properties). */
export function toWire(item: StackItem): Wire {
  return { ...item.params, uid: item.uid, type: item.type, label: item.label };
}

export function stackService<W extends Record<string, unknown>>(options: { store: () => StackStore; remote: (upstream: Upstream) => RemoteStack; validate: (input: W) => StackItemInput }): StackService<W> {
  const { store, remote, validate } = options;
  return {
    async list(principal, dataset_uid, page) {
      if (principal.upstream) return remote(principal.upstream).list(dataset_uid, page);
      await requireDatasetRight(principal, dataset_uid, "view");
      const result = await store().list(dataset_uid, page);
      return { total_count: result.total_count, results: result.results.map(toWire) };
    },
    async get(principal, dataset_uid, uid) {
      if (principal.upstream) return remote(principal.upstream).get(dataset_uid, uid);
      await requireDatasetRight(principal, dataset_uid, "view");
      const item = await store().get(dataset_uid, uid);
      if (!item) throw notFound();
      return toWire(item);
    },
    async create(principal, dataset_uid, input) {
      if (principal.upstream) return remote(principal.upstream).create(dataset_uid, input);
      await requireDatasetRight(principal, dataset_uid, "edit");
      return toWire(await store().append(dataset_uid, validate(input)));
    },
    async update(principal, dataset_uid, uid, input) {
      if (principal.upstream) return remote(principal.upstream).update(dataset_uid, uid, input);
      await requireDatasetRight(principal, dataset_uid, "edit");
      const item = await store().update(dataset_uid, uid, validate(input));
      if (!item) throw notFound();
      return toWire(item);
    },
    async remove(principal, dataset_uid, uid) {
      if (principal.upstream) return remote(principal.upstream).remove(dataset_uid, uid);
      await requireDatasetRight(principal, dataset_uid, "edit");
      if (!(await store().delete(dataset_uid, uid))) throw notFound();
    },
    async reorder(principal, dataset_uid, uids) {
      if (principal.upstream) return remote(principal.upstream).reorder(dataset_uid, uids);
      await requireDatasetRight(principal, dataset_uid, "edit");
      const items = await store().reorder(dataset_uid, uids);
      if (!items) {
        const message = msg("processing.reorder_mismatch");
        throw new AppError("validation_error", message, { fieldErrors: { uids: [message] } });
      }
      return items.map(toWire);
    },
  };
}
