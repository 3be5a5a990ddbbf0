/**
 * The dependency-version wire contract (docs/reference/functiongraph-api.md §5, D1–D5): request body type,
 * response schemas (zod, validated on every response) and one function per operation.
 */
import { z } from "zod";
import { Page, collect, paginate } from "../../core/paginate";
import type { FunctionGraphClient } from "../client";

/** D1 body (the current, versioned API). */
export interface CreateDependencyVersionBody {
  depend_type: "zip" | "obs";
  runtime: string;
  name: string;
  description: string;
  depend_file?: string;
  depend_link?: string;
}

export const versionSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    name: z.string(),
    runtime: z.string(),
    dep_id: z.string().optional(),
    etag: z.string().optional(),
    size: z.number().optional(),
    owner: z.string().optional(),
    link: z.string().optional(),
    description: z.string().optional().nullable(),
    file_name: z.string().optional(),
    last_modified: z.union([z.number(), z.string()]).optional(),
  })
  .passthrough();
export type DependencyVersionInfo = z.infer<typeof versionSchema>;

const listSchema = <T extends z.ZodTypeAny>(item: T) =>
  z
    .object({ dependencies: z.array(item), next_marker: z.number().optional(), count: z.number().optional() })
    .passthrough();
const dependencyItemSchema = z.object({ id: z.string(), name: z.string() }).passthrough();

/** Page size of our list calls; the platform caps maxitems at 400. */
const PAGE = 100;

/** Marker-as-offset paging (§1.4): stop on an empty page, a missing/0 marker, a repeated one or when `count` is reached. */
function markerPages<T>(
  fg: FunctionGraphClient,
  path: string,
  schema: z.ZodType<{ dependencies: T[]; next_marker?: number; count?: number }>,
  op: string,
  extra = "",
): AsyncGenerator<T> {
  return paginate("0", async (marker): Promise<Page<T, string>> => {
    const page = await fg.call("GET", `${fg.fgsPath(path)}?marker=${marker}&maxitems=${PAGE}${extra}`, schema, op);
    const next = page.next_marker === undefined ? undefined : String(page.next_marker);
    // `count` is the total, so the last page is known without fetching an empty one.
    const done =
      page.dependencies.length === 0 ||
      next === undefined ||
      next === "0" ||
      next === marker ||
      (page.count !== undefined && Number(next) >= page.count);
    return { items: page.dependencies, next: done ? undefined : next };
  });
}

export const dependencyApi = {
  /** D1 without transport retries: a repeated POST would add a second version. */
  create: (fg: FunctionGraphClient, body: CreateDependencyVersionBody) =>
    fg.call("POST", fg.fgsPath("/dependencies/version"), versionSchema, "CreateDependencyVersion", body, {
      noRetry: true,
    }),
  show: (fg: FunctionGraphClient, depId: string, version: number) =>
    fg.call("GET", fg.fgsPath(`/dependencies/${depId}/version/${version}`), versionSchema, "ShowDependencyVersion"),
  delete: (fg: FunctionGraphClient, depId: string, version: number) =>
    fg.call("DELETE", fg.fgsPath(`/dependencies/${depId}/version/${version}`), z.unknown(), "DeleteDependencyVersion"),
  /** Every private dependency (D2), as `{id, name}` items. */
  listPrivate: (fg: FunctionGraphClient) =>
    markerPages(fg, "/dependencies", listSchema(dependencyItemSchema), "ListDependencies", "&dependency_type=private"),
  /** Every version of the dependency with this id (D3). */
  versionsOf: (fg: FunctionGraphClient, depId: string) =>
    collect(markerPages(fg, `/dependencies/${depId}/version`, listSchema(versionSchema), "ListDependencyVersion")),
  /** Every version of the dependency called `name` (D2 to find its id, then D3). */
  async versionsByName(fg: FunctionGraphClient, name: string): Promise<DependencyVersionInfo[]> {
    const deps = await collect(
      markerPages(
        fg,
        "/dependencies",
        listSchema(dependencyItemSchema),
        "ListDependencies",
        `&dependency_type=private&name=${encodeURIComponent(name)}`,
      ),
    );
    const dep = deps.find((d) => d.name === name);
    if (!dep) return [];
    return collect(
      markerPages(fg, `/dependencies/${dep.id}/version`, listSchema(versionSchema), "ListDependencyVersion"),
    );
  },
};
