import clsx from "clsx";

export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <span role={label ? "status" : undefined} className={clsx("inline-flex items-center gap-2", className)}>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
