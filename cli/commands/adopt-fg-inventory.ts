/**
 * What `cloudfn adopt --platform functiongraph` finds: every function (with its triggers of all
 * types and its async-invoke configurations, one per qualifier), every private dependency
 * version and every workflow, through the providers' own client and API modules. Read-only.
 */
import { z } from "zod";
import { collect } from "../../provider/core/paginate";
import type { FunctionInfo } from "../../provider/functiongraph/api";
import { asyncConfigSchema, type AsyncConfigInfo } from "../../provider/functiongraph/api-async";
import { unqualifiedUrn, type FunctionGraphClient } from "../../provider/functiongraph/client";
import { dependencyApi } from "../../provider/functiongraph/dependency-version/api";
import type { DependencyVersionInfo } from "../../provider/functiongraph/dependency-version/api";
import type { TriggerInfo } from "../../provider/functiongraph/trigger/api";
import { workflowApi, type WorkflowDetail } from "../../provider/functiongraph/workflow/api";
import { versionApi, type VersionInfo } from "../../provider/functiongraph/version/api";
import { aliasApi, type AliasInfo } from "../../provider/functiongraph/alias/api";
import { LATEST } from "../../platform/functiongraph/versions";

export interface FgFunctionFound {
  info: FunctionInfo;
  /** Published versions (not `latest`) and aliases. */
  versions: VersionInfo[];
  aliases: AliasInfo[];
  /** Each with the qualifier it belongs to: "" for latest, a version name or `!alias`. */
  triggers: (TriggerInfo & { qualifier: string })[];
  /** Each with `func_urn`: the qualified URN it configures. */
  asyncConfigs: AsyncConfigInfo[];
}

export interface FgInventory {
  functions: FgFunctionFound[];
  dependencyVersions: DependencyVersionInfo[];
  workflows: WorkflowDetail[];
}

export interface InventoryFilter {
  /** Names (function, dependency, workflow) must start with it. */
  prefix: string;
  /** Functions only: this package. */
  package?: string;
}

const asyncConfigPage = z
  .object({
    async_invoke_configs: z.array(asyncConfigSchema),
    page_info: z
      .object({ next_marker: z.union([z.number(), z.string()]).optional().nullable() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** A4: the async-invoke configurations of every version and alias of a function, page by page. */
async function asyncConfigsOf(fg: FunctionGraphClient, urn: string): Promise<AsyncConfigInfo[]> {
  const found: AsyncConfigInfo[] = [];
  for (let marker = "0"; ;) {
    const page = await fg.call(
      "GET",
      fg.fgsPath(`/functions/${urn}/async-invoke-configs?marker=${marker}&limit=100`),
      asyncConfigPage,
      "ListFunctionAsyncInvokeConfig",
    );
    found.push(...page.async_invoke_configs);
    const next = String(page.page_info?.next_marker ?? "");
    if (page.async_invoke_configs.length === 0 || next === "" || next === "0" || next === marker) return found;
    marker = next;
  }
}

async function functionsOf(fg: FunctionGraphClient, filter: InventoryFilter): Promise<FgFunctionFound[]> {
  const found: FgFunctionFound[] = [];
  for await (const item of fg.listFunctions(filter.package)) {
    if (!item.func_name.startsWith(filter.prefix)) continue;
    const urn = unqualifiedUrn(item.func_urn);
    const info = await fg.getFunctionConfig(urn);
    const versions = (await versionApi.list(fg, urn)).filter((v) => v.version !== LATEST);
    const aliases = await aliasApi.list(fg, urn);
    // Triggers belong to one qualifier: list those of latest, of each version and of each alias.
    const qualifiers = ["", ...versions.map((v) => v.version), ...aliases.map((a) => `!${a.name}`)];
    const triggers = [];
    for (const q of qualifiers)
      for (const t of await fg.listTriggers(q ? `${urn}:${q}` : urn)) triggers.push({ ...t, qualifier: q });
    found.push({ info, versions, aliases, triggers, asyncConfigs: await asyncConfigsOf(fg, urn) });
  }
  return found;
}

async function dependencyVersionsOf(fg: FunctionGraphClient, prefix: string): Promise<DependencyVersionInfo[]> {
  const deps = (await collect(dependencyApi.listPrivate(fg))).filter((d) => d.name.startsWith(prefix));
  const versions = await Promise.all(deps.map((d) => dependencyApi.versionsOf(fg, d.id)));
  return versions.flat().sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
}

async function workflowsOf(fg: FunctionGraphClient, prefix: string): Promise<WorkflowDetail[]> {
  // ListWorkflow filters by "name contains"; the prefix rule is ours.
  const summaries = (await workflowApi.listByName(fg, prefix)).filter((w) => w.name.startsWith(prefix));
  return Promise.all(summaries.map((w) => workflowApi.show(fg, w.id)));
}

export async function fgInventory(fg: FunctionGraphClient, filter: InventoryFilter): Promise<FgInventory> {
  return {
    dependencyVersions: await dependencyVersionsOf(fg, filter.prefix),
    functions: await functionsOf(fg, filter),
    workflows: await workflowsOf(fg, filter.prefix),
  };
}
