"use client";
// Last resort when the root layout itself fails: no translations or styles can be assumed here.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", color: "#0f172a" }}>
        <h1 style={{ fontSize: "1.25rem" }}>Something went wrong · Une erreur est survenue</h1>
        {error.digest ? <p>Reference: {error.digest}</p> : null}
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          Try again · Réessayer
        </button>
      </body>
    </html>
  );
}
