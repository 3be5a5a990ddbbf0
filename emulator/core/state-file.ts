/**
 * Reading a `--state` file: a file that is not JSON, or not the shape the emulator wrote, is
 * refused at start with the file's name and the first thing wrong, instead of a bare parse error
 * or a crash at some later request. The file itself is left exactly as it was.
 */
import { readFileSync } from "fs";
import { z, type ZodIssue, type ZodTypeAny } from "zod";

/** Per platform, per resource kind: the schema of one project's bucket of that kind. */
export type StateSchemas = Record<string, Record<string, ZodTypeAny>>;

export class StateFileError extends Error {
  constructor(file: string, what: string) {
    super(`state file ${file} is not valid: ${what}`);
    this.name = "StateFileError";
  }
}

const snapshotSchema = z.object({
  version: z.literal(1),
  platforms: z.record(z.record(z.record(z.unknown()))),
});

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `functiongraph["pid"].functions["default/hello"].memory_size`: where the issue is, readably. */
function where(path: (string | number)[]): string {
  // Project ids (index 1) and resource keys (index 3) are data, always quoted.
  const [platform, ...rest] = path[0] === "platforms" ? path.slice(1) : path;
  const step = (part: string | number, i: number) =>
    typeof part === "number"
      ? `[${part}]`
      : i !== 0 && i !== 2 && IDENTIFIER.test(part)
        ? `.${part}`
        : `[${JSON.stringify(part)}]`;
  return `${String(platform)}${rest.map(step).join("")}`;
}

function describe(issue: ZodIssue, prefix: (string | number)[] = []): string {
  const path = [...prefix, ...issue.path];
  return path.length ? `${where(path)}: ${issue.message.toLowerCase()}` : issue.message.toLowerCase();
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new StateFileError(file, `not JSON (${(err as Error).message})`);
  }
}

/** Checks what is known of each platform's resource kinds; unknown kinds pass as they are. */
function checkKinds(
  file: string,
  platforms: Record<string, Record<string, Record<string, unknown>>>,
  schemas: StateSchemas,
): void {
  for (const [platform, projects] of Object.entries(platforms))
    for (const [project, kinds] of Object.entries(projects))
      for (const [kind, bucket] of Object.entries(kinds)) {
        const schema = schemas[platform]?.[kind];
        const result = schema?.safeParse(bucket);
        if (result && !result.success)
          throw new StateFileError(file, describe(result.error.issues[0], ["platforms", platform, project, kind]));
      }
}

/** The snapshot held by the file, checked; throws StateFileError saying what is wrong. */
export function readStateFile(file: string, schemas: StateSchemas): unknown {
  const value = parseJson(file, readFileSync(file, "utf8"));
  const outer = snapshotSchema.safeParse(value);
  if (!outer.success) throw new StateFileError(file, describe(outer.error.issues[0]));
  checkKinds(file, outer.data.platforms, schemas);
  return value;
}
