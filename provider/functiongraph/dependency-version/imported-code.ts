/**
 * After `pulumi import` (a read without prior state) the state knows the version's zip only by
 * the platform's `etag` (its MD5, docs/reference/functiongraph-api.md §5.1), not by our
 * `codeHash`, and the engine sends Diff archives without their contents. So check, seeing old
 * inputs that came from such a read (a name but no codeHash; or the etag it recorded, since an
 * `up` with nothing to do keeps the imported outputs), records the MD5 of the program's zip as the
 * hidden `__codeEtag`; diff then takes the program's codeHash as the old one when that MD5 is the
 * live etag. Versions from an OBS link (`codeUrl`) cannot be compared: the platform returns its
 * own copy's link, not the user's.
 */
import type { CheckResult } from "@pulumi/pulumi/dynamic";
import { buildPackage, md5Hex } from "./mapping";
import type { DependencyVersionInputs, DependencyVersionOutputs } from "./schema";

type WithEtag = DependencyVersionInputs & { __codeEtag?: string };

const fromImport = (olds: Partial<WithEtag>) =>
  olds.name !== undefined && (olds.codeHash === undefined || olds.__codeEtag !== undefined);

export async function withCodeEtag(
  olds: DependencyVersionInputs,
  checked: CheckResult<DependencyVersionInputs>,
): Promise<CheckResult<DependencyVersionInputs>> {
  const inputs = checked.inputs;
  if (checked.failures?.length || inputs?.code === undefined || !fromImport(olds)) return checked;
  const pkg = await buildPackage(inputs);
  return pkg ? { ...checked, inputs: { ...inputs, __codeEtag: md5Hex(pkg.zip) } as WithEtag } : checked;
}

export function withImportedCodeHash(
  olds: DependencyVersionOutputs,
  news: DependencyVersionInputs,
): DependencyVersionOutputs {
  const etag = (news as WithEtag).__codeEtag;
  if (olds.codeHash !== undefined || olds.codeUrl !== undefined || !olds.etag || etag !== olds.etag) return olds;
  return { ...olds, codeHash: news.codeHash };
}
