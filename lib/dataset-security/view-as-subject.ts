// Whom "View as" simulates, and how the page's URL names them: `anonymous`, `user:<username>`,
// `group:<group_uid>`, `apikey:<ak_uid>`. Pure: the page parses, the picker writes.

export type ViewAsSubject =
  | { kind: "anonymous" }
  | { kind: "user"; username: string }
  | { kind: "group"; group_uid: string }
  | { kind: "apikey"; uid: string };

export const VIEW_AS_KINDS = ["anonymous", "user", "group", "apikey"] as const satisfies readonly ViewAsSubject["kind"][];

// Longer than any username, group uid or key uid the console creates; a crafted URL gets no further than this.
const MAX_NAME = 200;

/** null: nothing chosen yet, or not a subject. */
export function parseViewAsSubject(value: string | null | undefined): ViewAsSubject | null {
  const raw = value?.trim() ?? "";
  if (raw === "anonymous") return { kind: "anonymous" };
  const colon = raw.indexOf(":");
  if (colon < 0) return null;
  const kind = raw.slice(0, colon);
  const name = raw.slice(colon + 1).trim();
  if (!name || name.length > MAX_NAME) return null;
  switch (kind) {
    case "user":
      return { kind, username: name };
    case "group":
      return { kind, group_uid: name };
    case "apikey":
      return { kind, uid: name };
    default:
      return null;
  }
}

export function formatViewAsSubject(subject: ViewAsSubject): string {
  switch (subject.kind) {
    case "anonymous":
      return "anonymous";
    case "user":
      return `user:${subject.username}`;
    case "group":
      return `group:${subject.group_uid}`;
    case "apikey":
      return `apikey:${subject.uid}`;
  }
}
