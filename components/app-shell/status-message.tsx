import Link from "next/link";

/** Body of the 404 and 403 pages. */
export function StatusMessage({ title, body, linkLabel }: { title: string; body: string; linkLabel: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      <Link href="/datasets" className="mt-6 inline-block text-brand-700 underline">
        {linkLabel}
      </Link>
    </div>
  );
}
