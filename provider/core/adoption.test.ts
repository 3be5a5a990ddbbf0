import {
  AdoptionConflictError,
  adoptionNotFound,
  claimForAdoption,
  clearAdoptionClaims,
  noteManaged,
  noteReplacement,
  releaseAdoption,
} from "./adoption";

beforeEach(clearAdoptionClaims);

describe("adoption claims of one deployment", () => {
  it("a key adopted twice fails the second time; a released key can be claimed again", () => {
    expect(claimForAdoption("k", "function k")).toBe(true);
    expect(() => claimForAdoption("k", "function k")).toThrow(AdoptionConflictError);
    expect(() => claimForAdoption("k", "function k")).toThrow(/function k is adopted by two resources/);
    releaseAdoption("k");
    expect(claimForAdoption("k", "function k")).toBe(true);
  });

  it("a key managed by the stack cannot be adopted; noting it never throws and keeps an adopt claim", () => {
    noteManaged("m", "function m");
    expect(() => claimForAdoption("m", "function m")).toThrow(/already managed by another resource of this stack/);
    claimForAdoption("a", "function a");
    expect(() => noteManaged("a", "function a")).not.toThrow();
    expect(() => claimForAdoption("a", "function a")).toThrow(/adopted by two resources/);
  });

  it("the replacement of a resource creates instead of adopting", () => {
    noteManaged("r", "function r");
    noteReplacement("r", "function r");
    expect(claimForAdoption("r", "function r")).toBe(false);
  });

  it("not found names the key and the way out", () => {
    expect(adoptionNotFound("function x", "urn:x").message).toBe(
      "cannot adopt function x: it does not exist (key urn:x); remove `adopt: true` to create it instead",
    );
  });
});
