/**
 * The body of `POST …/version` as the lean CLI sends it (docs/reference/leancloud-api.md §8): JSON with exactly one
 * source (`zipUrl`, `gitTag` or `versionTag`) plus flags, or `multipart/form-data` with the zip
 * in the file field `zip` and every other parameter as a string field.
 */
import busboy from "busboy";
import { Readable } from "stream";
import { header, type RequestContext } from "../../core/http";
import { consoleErrors } from "../errors";

export interface DeployBody {
  zip?: Buffer;
  zipUrl?: string;
  gitTag?: string;
  versionTag?: string;
  comment?: string;
  overwriteFunctions: boolean;
  /** Emulator extension: the entry file to load (else the host's default order). */
  entry?: string;
}

const truthy = (v: unknown) => v === true || v === "true" || v === "1";
const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

function fromFields(fields: Record<string, unknown>, zip?: Buffer): DeployBody {
  return {
    zip,
    zipUrl: text(fields.zipUrl),
    gitTag: text(fields.gitTag),
    versionTag: text(fields.versionTag),
    comment: text(fields.comment),
    overwriteFunctions: truthy(fields.overwriteFunctions),
    entry: text(fields.entry),
  };
}

function parseMultipart(ctx: RequestContext): Promise<DeployBody> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let zip: Buffer | undefined;
    const bb = busboy({ headers: ctx.headers });
    bb.on("field", (name, value) => (fields[name] = value));
    bb.on("file", (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => name === "zip" && (zip = Buffer.concat(chunks)));
    });
    bb.on("close", () => resolve(fromFields(fields, zip)));
    bb.on("error", (err) => reject(consoleErrors.invalid(`malformed multipart body: ${(err as Error).message}`)));
    Readable.from([ctx.body]).pipe(bb);
  });
}

export async function parseDeployBody(ctx: RequestContext): Promise<DeployBody> {
  const type = header(ctx, "content-type") ?? "";
  const body = /^multipart\/form-data/i.test(type) ? await parseMultipart(ctx) : parseJson(ctx);
  const sources = [body.zip, body.zipUrl, body.gitTag, body.versionTag].filter((s) => s !== undefined);
  if (sources.length !== 1) throw consoleErrors.invalid("Give exactly one of zip, zipUrl, gitTag and versionTag.");
  if (body.gitTag !== undefined)
    throw consoleErrors.invalid(
      "Deploying from git (gitTag) is not supported by the emulator: upload a zip or give zipUrl.",
    );
  return body;
}

function parseJson(ctx: RequestContext): DeployBody {
  let parsed: unknown;
  try {
    parsed = ctx.body.length ? JSON.parse(ctx.body.toString("utf8")) : {};
  } catch (err) {
    throw consoleErrors.invalid((err as Error).message);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    throw consoleErrors.invalid("The body must be a JSON object.");
  return fromFields(parsed as Record<string, unknown>);
}
