import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/** A form's error above its fields: the message, then what the server said of paths no field shows, as a list. */
export function FormErrorAlert({ message, details, children }: { message: string; details: string[]; children?: ReactNode }) {
  return (
    <Alert tone="error" title={message}>
      {details.length ? (
        <ul className="list-disc pl-5">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </Alert>
  );
}
