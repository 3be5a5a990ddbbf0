/**
 * The version wire contract (docs/reference/functiongraph-api.md §0 (F11–F17), §2.1, F11, F12, F7): the publish
 * body, the version object (zod, validated on every response) and one function per operation.
 */
import { z } from "zod";
import { Page, collect, paginate } from "../../core/paginate";
import { FunctionGraphClient, unqualifiedUrn } from "../client";

/** F11 body. `digest` is the platform's optimistic guard: publish only if the code still has it. */
export interface PublishVersionBody {
  version?: string;
  description?: string;
  digest?: string;
}

export const versionInfoSchema = z
  .object({
    version: z.string(),
    func_urn: z.string().optional(),
    func_name: z.string().optional(),
    digest: z.string().optional().nullable(),
    version_description: z.string().optional().nullable(),
    description: z.string().optional().nullable(),
    code_size: z.number().optional().nullable(),
    last_modified: z.union([z.string(), z.number()]).optional().nullable(),
  })
  .passthrough();
export type VersionInfo = z.infer<typeof versionInfoSchema>;

const listSchema = z
  .object({
    versions: z.array(versionInfoSchema).nullable().optional(),
    next_marker: z.number().optional().nullable(),
    count: z.number().optional().nullable(),
  })
  .passthrough();

/** Page size of our list calls (the platform caps maxitems at 400). */
const PAGE = 100;
const base = (fg: FunctionGraphClient, urn: string) => fg.fgsPath(`/functions/${unqualifiedUrn(urn)}`);

/** F12 pages, marker-as-offset (§1.4): stop on an empty page, a 0 or repeated marker, or at `count`. */
function versionPages(fg: FunctionGraphClient, functionUrn: string): AsyncGenerator<VersionInfo> {
  return paginate("0", async (marker): Promise<Page<VersionInfo, string>> => {
    const url = `${base(fg, functionUrn)}/versions?marker=${marker}&maxitems=${PAGE}`;
    const page = await fg.call("GET", url, listSchema, "ListFunctionVersions");
    const items = page.versions ?? [];
    const next = page.next_marker == null ? undefined : String(page.next_marker);
    const done =
      items.length === 0 ||
      next === undefined ||
      next === "0" ||
      next === marker ||
      (page.count != null && Number(next) >= page.count);
    return { items, next: done ? undefined : next };
  });
}

export const versionApi = {
  /** F11 without transport retries: a repeated POST after a lost answer is reconciled, not repeated blindly. */
  publish: (fg: FunctionGraphClient, functionUrn: string, body: PublishVersionBody) =>
    fg.call("POST", `${base(fg, functionUrn)}/versions`, versionInfoSchema, "CreateFunctionVersion", body, {
      noRetry: true,
    }),
  /** Every published version (and `latest`, which some platform versions list). */
  list: (fg: FunctionGraphClient, functionUrn: string) => collect(versionPages(fg, functionUrn)),
  /** F7 on the version-qualified URN deletes that version only (§2.1). */
  delete: (fg: FunctionGraphClient, qualifiedUrn: string) =>
    fg.call("DELETE", fg.fgsPath(`/functions/${qualifiedUrn}`), z.unknown(), "DeleteFunction"),
};
