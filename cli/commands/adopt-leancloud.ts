/**
 * `cloudfn adopt --platform leancloud`: what exists in a LeanCloud app (each LeanEngine group's
 * deployed versions and its variables, through the console API subset lean-cli uses) rendered as
 * a program that adopts it. The console never returns a version's code, so a deployment's
 * `adoptVersion` is printed commented out: uncommenting it states that the code folder is the
 * code of that version (then the first `up` deploys nothing); left commented, the first `up`
 * deploys the folder once. Secret variables are not returned by the API, so they cannot be listed.
 */
import type { Group } from "../../provider/leancloud/api";
import { LeanCloudClient } from "../../provider/leancloud/client";
import { resolveSettings } from "../../provider/leancloud/config";
import type { Io } from "../io";
import { identifier } from "./adopt-snippet";

const lit = (v: unknown): string => JSON.stringify(v);
const ENVIRONMENTS = ["production", "staging"] as const;

function deploymentBlock(g: Group, environment: (typeof ENVIRONMENTS)[number], tag: string): string {
  const name = `${g.groupName}-${environment}`;
  return [
    `// LeanEngine group ${lit(g.groupName)}, ${environment}: version ${tag}`,
    `export const ${identifier(name)} = new cloudfn.leancloud.EngineDeployment(${lit(name)}, {`,
    `    adopt: true,`,
    `    // Uncomment only if the folder below holds the code of version ${tag}: the platform never`,
    `    // returns a version's code, so without it the first \`up\` deploys the folder once.`,
    `    // adoptVersion: ${lit(tag)},`,
    `    group: ${lit(g.groupName)},`,
    `    environment: ${lit(environment)},`,
    `    code: new pulumi.asset.FileArchive(${lit(`./leanengine/${g.groupName}`)}),`,
    `});`,
  ].join("\n");
}

function variablesBlock(g: Group): string | undefined {
  const vars = Object.entries(g.environments ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
  if (vars.length === 0) return undefined;
  return [
    `// Variables of LeanEngine group ${lit(g.groupName)} (move sensitive ones to secretVariables from \`pulumi config --secret\`)`,
    `export const ${identifier(`${g.groupName}-variables`)} = new cloudfn.leancloud.EngineEnvironmentVariables(${lit(`${g.groupName}-variables`)}, {`,
    `    adopt: true,`,
    `    group: ${lit(g.groupName)},`,
    `    variables: ${JSON.stringify(Object.fromEntries(vars), null, 4).replace(/\n/g, "\n    ")},`,
    `});`,
  ].join("\n");
}

/** The program for a list of groups (pure). */
export function leancloudSnippet(groups: Group[]): string {
  const blocks = groups.flatMap((g) => {
    const deployed = ENVIRONMENTS.flatMap((e) => {
      const tag = g[e]?.version?.versionTag;
      return tag ? [deploymentBlock(g, e, tag)] : [];
    });
    const vars = variablesBlock(g);
    return vars ? [...deployed, vars] : deployed;
  });
  const header = ['import * as pulumi from "@pulumi/pulumi";', 'import * as cloudfn from "pulumi-cloudfn";', ""];
  return [...header, ...blocks.flatMap((b) => [b, ""])].join("\n");
}

export async function listLeanCloud(io: Io, prefix: string): Promise<string> {
  const lc = new LeanCloudClient(resolveSettings(io.env));
  const groups = (await lc.getGroups()).filter((g) => g.groupName.startsWith(prefix));
  io.err(`cloudfn adopt: ${groups.length} LeanEngine group(s)\n`);
  return leancloudSnippet(groups);
}
