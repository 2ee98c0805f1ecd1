// Streaming the XML parts of a workbook through saxes. XLSX parts never declare a DOCTYPE, so one is refused
// outright: no entity (billion laughs, external file) is ever defined, let alone expanded.
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { isAppError } from "@/lib/errors/app-error";
import { extractionError } from "@/lib/extractors/extraction-error";
import { entryChunks, type ZipArchive } from "@/lib/extractors/zip-reader";

export type XmlHandlers = {
  /** Local names (prefix dropped); attributes keep their qualified names. */
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

export type XmlPartOptions = {
  /** The part is read to its end (workbook, styles): its declared size must be within the cap. */
  readWhole?: boolean;
  /** Checked after each chunk: true ends the reading early. */
  done?: () => boolean;
};

export async function parseXmlPart(zip: ZipArchive, name: string, handlers: XmlHandlers, options: XmlPartOptions = {}): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on("error", (error) => {
    throw extractionError("extractors.xlsx_malformed", { entry: name, detail: error.message }, error);
  });
  parser.on("doctype", () => {
    throw extractionError("extractors.xlsx_doctype", { entry: name });
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }

  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of entryChunks(zip, name, options.readWhole)) {
      parser.write(decoder.write(chunk));
      if (options.done?.()) return;
    }
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw extractionError("extractors.xlsx_malformed", { entry: name, detail: error instanceof Error ? error.message : String(error) }, error);
  }
}

/** An attribute by local name (`r:id` and `id` alike). */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (Object.hasOwn(attributes, name)) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}
