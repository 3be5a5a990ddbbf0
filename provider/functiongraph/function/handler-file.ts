/**
 * A handler whose file is not in the code fails only at the first invoke, far from its cause;
 * the code manifest computed at check lists the archive's files, so preview can say it instead.
 */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import type { CodeManifest } from "../../core/code-manifest";
import { handlerSourceFile } from "../../../platform/functiongraph/handler";

/** Top-level entries of the manifest: files as they are, folders with a trailing `/`. */
export function topLevelEntries(manifest: CodeManifest): string[] {
  const names = manifest.files.map((f) => {
    const slash = f.path.indexOf("/");
    return slash < 0 ? f.path : f.path.slice(0, slash + 1);
  });
  return [...new Set(names)].sort();
}

/**
 * The failure when the handler's file is missing from the code, for the runtimes whose file
 * name is known (Node.js, Python). A manifest cut short (omitted files) proves nothing.
 */
export function missingHandlerFile(
  handler: string,
  runtime: string,
  manifest: CodeManifest | undefined,
): CheckFailure | undefined {
  const source = handlerSourceFile(handler, runtime);
  if (!source || !manifest || manifest.omitted) return undefined;
  if (manifest.files.some((f) => f.path === source.path)) return undefined;
  const entries = topLevelEntries(manifest);
  const listing = entries.length > 0 ? `files at the top level: ${entries.join(", ")}` : "the archive is empty";
  return {
    property: "handler",
    reason: `handler ${JSON.stringify(handler)}: the code has no ${source.path} (${source.family}) — ${listing}`,
  };
}
