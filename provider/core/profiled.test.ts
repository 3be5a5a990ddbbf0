import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import { UNKNOWN } from "./diff";
import { activeProfile } from "./profile";
import { PROFILED, withProfiles } from "./profiled";

type Props = Record<string, unknown>;

/** An implementation that records each call's arguments and the profile active during it. */
function recorder() {
  const calls: { method: string; profile: string | undefined; args: unknown[] }[] = [];
  const note = (method: string, ...args: unknown[]) => calls.push({ method, profile: activeProfile(), args });
  const impl: ResourceProvider = {
    check: async (olds: Props, news: Props) => (note("check", olds, news), { inputs: { ...news, checked: true } }),
    diff: async (id: string, olds: Props, news: Props) => (note("diff", olds, news), { changes: false }),
    create: async (inputs: Props) => (note("create", inputs), { id: "id1", outs: { ...inputs, made: 1 } }),
    read: async (id: string, props?: Props) => (note("read", props), { id, props: { ...props }, inputs: { a: 1 } }),
    update: async (id: string, olds: Props, news: Props) => (note("update", olds, news), { outs: { ...news } }),
    delete: async (id: string, props: Props) => void note("delete", props),
  };
  return { calls, impl };
}

const judge = { profileProblem: (p: string) => (p === "ghost" ? `profile "${p}" has no settings` : undefined) };

describe("withProfiles", () => {
  it("passes a resource without profile straight through: same arguments, same results", async () => {
    const { calls, impl } = recorder();
    const p = withProfiles(impl, judge);
    const news = { a: 1 };
    expect(await p.check!({}, news)).toEqual({ inputs: { a: 1, checked: true } });
    expect(await p.create(news)).toEqual({ id: "id1", outs: { a: 1, made: 1 } });
    expect(calls.every((c) => c.profile === undefined)).toBe(true);
    expect(calls[1].args[0]).toBe(news);
    expect((p as unknown as Record<symbol, unknown>)[PROFILED]).toBe(true);
  });

  it("runs every method in the resource's profile and never shows the input to the implementation", async () => {
    const { calls, impl } = recorder();
    const p = withProfiles(impl, judge);
    const props = { a: 1, profile: "south" };
    expect(await p.check!({}, props)).toEqual({ inputs: { a: 1, checked: true, profile: "south" } });
    expect(await p.create(props)).toEqual({ id: "id1", outs: { a: 1, made: 1, profile: "south" } });
    expect(await p.read!("id1", props)).toEqual({
      id: "id1",
      props: { a: 1, profile: "south" },
      inputs: { a: 1, profile: "south" },
    });
    expect(await p.update!("id1", props, { ...props, a: 2 })).toEqual({ outs: { a: 2, profile: "south" } });
    await p.delete!("id1", props);
    expect(calls.map((c) => `${c.method}:${c.profile}`)).toEqual([
      "check:south",
      "create:south",
      "read:south",
      "update:south",
      "delete:south",
    ]);
    for (const c of calls) for (const arg of c.args) expect(arg).not.toHaveProperty("profile");
  });

  it("check fails a bad name or a profile without settings, naming `profile`", async () => {
    const { impl } = recorder();
    const p = withProfiles(impl, judge);
    const bad = await p.check!({}, { a: 1, profile: "9lives" });
    expect(bad.failures).toEqual([
      { property: "profile", reason: expect.stringMatching(/^profile must be 1-63 letters/) },
    ]);
    expect((await p.check!({}, { profile: 7 })).failures?.[0].reason).toBe("profile must be a string");
    const ghost = await p.check!({}, { a: 1, profile: "ghost" });
    expect(ghost.failures).toEqual([{ property: "profile", reason: 'profile "ghost" has no settings' }]);
    expect((await p.check!({}, { profile: UNKNOWN })).failures).toBeUndefined();
  });

  it("diff replaces when the profile changes (set, changed or removed), and not otherwise", async () => {
    const { calls, impl } = recorder();
    const p = withProfiles(impl, judge);
    const replaced = { changes: true, replaces: ["profile"] };
    expect(await p.diff!("id", { a: 1 }, { a: 1, profile: "south" })).toEqual(replaced);
    expect(await p.diff!("id", { a: 1, profile: "north" }, { a: 1, profile: "south" })).toEqual(replaced);
    expect(await p.diff!("id", { a: 1, profile: "north" }, { a: 1 })).toEqual(replaced);
    expect(await p.diff!("id", { a: 1, profile: "north" }, { a: 1, profile: "north" })).toEqual({ changes: false });
    expect(calls.map((c) => c.profile)).toEqual(["south", "south", "north", "north"]);
  });
});
