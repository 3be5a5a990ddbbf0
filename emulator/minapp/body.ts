/**
 * Request bodies of the MinApp API: JSON everywhere, plus multipart/form-data and urlencoded
 * forms on the token endpoint (the mincloud CLI sends multipart there, docs/reference/minapp-api.md §2).
 */
import busboy from "busboy";
import { Readable } from "stream";
import { header, type RequestContext } from "../core/http";
import { minappErrors } from "./errors";

export type JsonObject = Record<string, unknown>;

/** The body as a JSON object; 400 when it is missing, malformed or not an object. */
export function jsonObject(ctx: RequestContext): JsonObject {
  let value: unknown;
  try {
    value = ctx.body.length === 0 ? undefined : JSON.parse(ctx.body.toString("utf8"));
  } catch {
    throw minappErrors.invalid("request body is not valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw minappErrors.invalid("request body must be a JSON object");
  return value as JsonObject;
}

function multipartFields(ctx: RequestContext): Promise<JsonObject> {
  return new Promise((resolve, reject) => {
    const fields: JsonObject = {};
    let parser;
    try {
      parser = busboy({ headers: ctx.headers });
    } catch (err) {
      reject(minappErrors.invalid(`malformed multipart body: ${(err as Error).message}`));
      return;
    }
    parser.on("field", (name: string, value: string) => (fields[name] = value));
    parser.on("file", (_name: string, stream: Readable) => stream.resume());
    parser.on("error", (err: Error) => reject(minappErrors.invalid(`malformed multipart body: ${err.message}`)));
    parser.on("close", () => resolve(fields));
    Readable.from([ctx.body]).pipe(parser);
  });
}

/** Fields of a JSON, multipart/form-data or x-www-form-urlencoded body. */
export async function formOrJson(ctx: RequestContext): Promise<JsonObject> {
  const type = (header(ctx, "content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return multipartFields(ctx);
  if (type.startsWith("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(ctx.body.toString("utf8")));
  return jsonObject(ctx);
}
