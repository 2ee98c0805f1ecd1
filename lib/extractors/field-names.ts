// Field names as the Automation API wants them: lower-case ASCII `[a-z0-9_]`, unique within a dataset.

// Letters that Unicode decomposition does not reduce to ASCII.
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", þ: "th", ð: "d", ı: "i" };

export function slugifyFieldName(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[œæßøđłþðı]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export const generatedName = (index: number): string => `column_${index + 1}`;

/** Unique names, in order: a name already taken gets `_2`, `_3`…; an empty one becomes `column_<position>`. */
export class FieldNamer {
  private readonly taken = new Set<string>();

  name(label: string, index: number): string {
    const base = slugifyFieldName(label) || generatedName(index);
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
