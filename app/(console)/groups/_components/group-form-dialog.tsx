"use client";
// Creates a group, or edits one (title, description, permissions). The uid comes from the title at creation.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { PermissionCheckboxes } from "@/components/identity/permission-checkboxes";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { createGroupAction, updateGroupAction } from "@/lib/groups/actions";
import { groupCreateSchema, type GroupCreate } from "@/lib/groups/schema";
import { useI18n } from "@/lib/i18n/client";

type Values = { title: string; description: string; permissions: string[] };

export function GroupFormDialog({ grantable, group }: { grantable: string[]; group?: { uid: string } & Values }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, reset, formState } = useForm<Values, unknown, GroupCreate>({
    resolver: zodResolver(groupCreateSchema, { error: zodErrorMap(t) }) as unknown as Resolver<Values, unknown, GroupCreate>,
    defaultValues: group ? { title: group.title, description: group.description, permissions: group.permissions } : { title: "", description: "", permissions: [] },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = group
      ? await updateGroupAction({ group_uid: group.uid, group: { title: values.title, description: values.description, permissions: values.permissions } })
      : await createGroupAction(values);
    if (result.ok) {
      toast(t("identity.groups.saved_toast"));
      setOpen(false);
      if (result.data) {
        reset();
        router.push(`/groups/${encodeURIComponent(result.data.uid)}`);
      } else router.refresh();
      return;
    }
    for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = path.replace(/^group\./, "").split(".")[0];
      if (field === "title" || field === "description" || field === "permissions") setError(field, { type: "server", message: messages[0] });
    }
    setFormError(result.error.message);
  });

  return (
    <>
      <Button variant={group ? "secondary" : "primary"} onClick={() => setOpen(true)}>
        {group ? t("common.edit") : t("identity.groups.new")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} size="lg" closeLabel={t("common.cancel")} title={group ? group.title : t("identity.groups.new_title")}>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={formState.isSubmitting}>
          {formError ? <FormErrorAlert message={formError} details={[]} /> : null}
          <FormField id="group-title" label={t("identity.groups.title_label")} error={formState.errors.title?.message} required requiredLabel={t("common.required")}>
            {(a11y) => <Input {...a11y} {...register("title")} />}
          </FormField>
          <FormField id="group-description" label={t("identity.groups.description")} error={formState.errors.description?.message}>
            {(a11y) => <Textarea {...a11y} rows={3} {...register("description")} />}
          </FormField>
          <Controller
            control={control}
            name="permissions"
            render={({ field }) => (
              <PermissionCheckboxes id="group-permissions" legend={t("identity.permissions.title")} value={field.value} onChange={field.onChange} grantable={grantable} />
            )}
          />
          {formState.errors.permissions ? <p className="text-sm text-red-700">{formState.errors.permissions.message}</p> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t("common.saving") : group ? t("common.save") : t("identity.groups.create")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
