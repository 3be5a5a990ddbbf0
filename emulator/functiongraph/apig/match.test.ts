import { matchPath, methodMatches } from "./match";

describe("APIG path matching", () => {
  it("NORMAL needs the whole path; {name} takes one segment", () => {
    expect(matchPath("/users/{id}", "/users/42", false)).toEqual({ pathParameters: { id: "42" }, exact: true });
    expect(matchPath("/users/{id}", "/users/42/posts", false)).toBeUndefined();
    expect(matchPath("/users/{id}", "/users", false)).toBeUndefined();
    expect(matchPath("/", "/", false)).toEqual({ pathParameters: {}, exact: true });
  });

  it("SWA matches whole-segment prefixes, never exactly", () => {
    expect(matchPath("/static", "/static/a/b", true)).toEqual({ pathParameters: {}, exact: false });
    expect(matchPath("/static", "/statics", true)).toBeUndefined();
  });

  it("{name+} takes the rest of the path and needs at least one segment", () => {
    expect(matchPath("/files/{rest+}", "/files/a/b", false)?.pathParameters).toEqual({ rest: "a/b" });
    expect(matchPath("/files/{rest+}", "/files", false)).toBeUndefined();
  });

  it("ANY matches every method; a GET API also answers HEAD", () => {
    expect(["GET", "DELETE"].map((m) => methodMatches("ANY", m))).toEqual([true, true]);
    expect([methodMatches("GET", "HEAD"), methodMatches("POST", "GET")]).toEqual([true, false]);
  });
});
