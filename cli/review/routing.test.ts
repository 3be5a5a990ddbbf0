import { UNKNOWN } from "../../provider/core/diff";
import { renderMarkdown } from "./markdown";
import { buildReview, PreviewStep } from "./report";
import { routingChange, routingOf } from "./routing";

const TYPE = "cloudfn:functiongraph:Alias";
const RAW = "pulumi-nodejs:dynamic/cloudfn/functiongraph:Alias";
const URN = `urn:pulumi:dev::canary::${RAW}::live`;
const alias = (over: Record<string, unknown>) => ({ functionUrn: "urn:fss:x", name: "live", description: "", ...over });

describe("Alias routing in a review", () => {
  it.each([
    [{ version: "v1" }, "v1 100%"],
    [{ version: "v1", additionalVersionWeights: { v2: 10 } }, "v1 90% / v2 10%"],
    [{ version: "v1", additionalVersionWeights: { v3: 5, v2: 10 } }, "v1 85% / v2 10% / v3 5%"],
    [{ version: "v1", additionalVersionStrategy: { v2: { rules: [] } } }, "v1 / v2 by rules"],
    [{ version: UNKNOWN }, undefined],
  ])("%j reads %s", (inputs, text) => {
    expect(routingOf(alias(inputs))).toBe(text);
  });

  it("says who gets the traffic before → after, and nothing when routing stays", () => {
    const canary = alias({ version: "v1", additionalVersionWeights: { v2: 10 } });
    expect(routingChange(TYPE, canary, alias({ version: "v2" }))).toBe("live: v1 90% / v2 10% → v2 100%");
    expect(routingChange(TYPE, undefined, alias({ version: "v1" }))).toBe("live: v1 100%");
    expect(routingChange(TYPE, canary, {})).toBe("live: v1 90% / v2 10% → deleted");
    expect(routingChange(TYPE, canary, { ...canary, description: "x" })).toBeUndefined();
    expect(routingChange("cloudfn:functiongraph:Trigger", canary, alias({ version: "v2" }))).toBeUndefined();
  });

  it("prints the line in the Markdown section of the alias", () => {
    const step: PreviewStep = {
      op: "update",
      urn: URN,
      oldState: { type: RAW, inputs: alias({ version: "v1", additionalVersionWeights: { v2: 10 } }) },
      newState: { type: RAW, inputs: alias({ version: "v2" }) },
    };
    const review = buildReview({ steps: [step], changeSummary: { update: 1, same: 3 } });
    expect(review.resources[0].routing).toBe("live: v1 90% / v2 10% → v2 100%");
    expect(renderMarkdown(review)).toContain("Routing: `live: v1 90% / v2 10% → v2 100%`\n");
  });
});
