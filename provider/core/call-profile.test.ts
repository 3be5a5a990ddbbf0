/** The one way a call that is not a resource step (helper, CLI command) runs in a profile. */
import { callInProfile } from "./call-profile";
import { activeProfile } from "./profile";

const judge = { profileProblem: (p: string) => (p === "south" ? undefined : `profile "${p}" has no settings`) };

describe("callInProfile", () => {
  it("without a profile runs the work as is, in no profile, and never asks the judge", () => {
    const asked = jest.fn();
    expect(callInProfile(undefined, { profileProblem: asked }, () => activeProfile() ?? "none")).toBe("none");
    expect(asked).not.toHaveBeenCalled();
  });

  it("runs the work and what it awaits in the profile", async () => {
    const seen = await callInProfile("south", judge, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return activeProfile();
    });
    expect(seen).toBe("south");
    expect(activeProfile()).toBeUndefined();
  });

  it("fails before the work on a malformed name or a profile the platform cannot serve", () => {
    const work = jest.fn();
    expect(() => callInProfile("no way", judge, work)).toThrow(/profile must be 1-63 letters/);
    expect(() => callInProfile(42, judge, work)).toThrow("profile must be a string");
    expect(() => callInProfile("north", judge, work)).toThrow('profile "north" has no settings');
    expect(work).not.toHaveBeenCalled();
  });
});
