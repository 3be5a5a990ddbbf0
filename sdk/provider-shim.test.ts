import * as pulumi from "@pulumi/pulumi";
import { Function } from "./functiongraph/function";

type Formatter = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/** Which stacks a program's formatter (ts-node's, say) was asked to format, by top frame. */
function recordingFormatter(): { formatter: Formatter; topFrames: string[] } {
  const topFrames: string[] = [];
  const formatter: Formatter = (error, frames) => {
    topFrames.push(frames[0]?.getFunctionName() ?? "");
    return `${String(error)} (mapped)`;
  };
  return { formatter, topFrames };
}

describe("constructing a cloudfn resource", () => {
  const saved: unknown = Reflect.get(Error, "prepareStackTrace");
  beforeAll(() =>
    pulumi.runtime.setMocks({
      newResource: (args) => Promise.resolve({ id: `${args.name}-id`, state: args.inputs as Record<string, unknown> }),
      call: () => ({}),
    }),
  );
  afterEach(() => {
    Reflect.set(Error, "prepareStackTrace", saved);
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  });

  const construct = () =>
    new Function("r", { name: "r", runtime: "Node.js18.15", handler: "index.handler", codeUrl: "https://x/y.zip" });

  it("leaves the SDK's promise stamps out of the program's stack formatter, and puts the formatter back", () => {
    const { formatter, topFrames } = recordingFormatter();
    Error.prepareStackTrace = formatter;
    construct();
    expect(Reflect.get(Error, "prepareStackTrace")).toBe(formatter);
    expect(topFrames).not.toContain("debuggablePromise");
    // The resource's own source position still goes through the program's formatter.
    expect(topFrames.length).toBeGreaterThan(0);
    expect(new Error("later").stack).toBe("Error: later (mapped)");
  });

  it("formats the stamps as before when the leak report is asked for", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const { formatter, topFrames } = recordingFormatter();
    Error.prepareStackTrace = formatter;
    construct();
    expect(topFrames).toContain("debuggablePromise");
  });
});
