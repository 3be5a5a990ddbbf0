/**
 * Inline code (docs/reference/functiongraph-api.md §3.2) is either a zip or the raw source of one
 * file. The code cache writes raw source to `index.js`; when the function names another file
 * (its `code_filename`, else the file of its handler, e.g. `main.js` for `main.handler`), the
 * source is packed into a one-file zip under that name so the handler finds it. The executor is
 * left as it is: it only ever sees a package and a digest.
 */
import { createHash } from "crypto";
import JSZip from "jszip";
import { splitHandler } from "../../../platform/functiongraph/handler";
import type { FunctionRecord } from "../models/function";
import { isZip } from "../validation";

const DEFAULT_FILE = "index.js";

/** The file raw inline source is saved as. */
export function inlineFileName(fn: Pick<FunctionRecord, "code_filename" | "handler">): string {
  return fn.code_filename || `${splitHandler(fn.handler).file}.js`;
}

/** The package and digest the executor runs for this function's code. */
export async function runnableCode(fn: FunctionRecord): Promise<{ code: Buffer; digest: string }> {
  const code = Buffer.from(fn.code_base64, "base64");
  const file = inlineFileName(fn);
  if (fn.code_type !== "inline" || isZip(code) || file === DEFAULT_FILE) return { code, digest: fn.digest };
  const zip = new JSZip();
  zip.file(file, code, { date: new Date("2020-01-01T00:00:00Z") });
  const packed = await zip.generateAsync({ type: "nodebuffer" });
  return { code: packed, digest: createHash("sha512").update(`${fn.digest}:${file}`).digest("hex") };
}
