import { canonicalRequest, canonicalQuery, parseAuthorization, sign, signature, stringToSign } from "./signer";

// Worked examples from docs/reference/functiongraph-api.md §9.4 (official signing guide and Node SDK output).
describe("SDK-HMAC-SHA256 signer", () => {
  it("reproduces the official signing-guide example byte for byte", () => {
    const req = {
      method: "GET",
      path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      query: { limit: "2", marker: "13551d6b-755d-4757-b956-536f674975c0" },
      headers: {
        "Content-Type": "application/json",
        "X-Sdk-Date": "20191115T033655Z",
        host: "service.region.example.com",
      },
    };
    const canonical = canonicalRequest(req, ["content-type", "host", "x-sdk-date"]);
    expect(canonical).toBe(
      "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n" +
        "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n" +
        "content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    const headers = sign(req, {
      accessKey: "QTWAOYTTINDUT2QVKYUC",
      secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
    });
    expect(headers.Authorization).toBe(
      "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, " +
        "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });

  const pid = "0123456789abcdef0123456789abcdef";
  const fgHeaders = {
    "content-type": "application/json",
    host: "functiongraph.cn-north-4.myhuaweicloud.com",
    "x-project-id": pid,
    "x-sdk-date": "20240102T030405Z",
  };
  const fgSigned = ["content-type", "host", "x-project-id", "x-sdk-date"];
  const sk = "ExampleSecretKey0000000000000000000000000";

  it("signs a sync invoke with a raw URN in the path (example b1)", () => {
    const req = {
      method: "POST",
      path: `/v2/${pid}/fgs/functions/urn:fss:cn-north-4:${pid}:function:default:hello:latest/invocations`,
      headers: fgHeaders,
      body: '{"k":"v"}',
    };
    const canonical = canonicalRequest(req, fgSigned);
    expect(canonical.split("\n")[1]).toBe(
      `/v2/${pid}/fgs/functions/urn%3Afss%3Acn-north-4%3A${pid}%3Afunction%3Adefault%3Ahello%3Alatest/invocations/`,
    );
    expect(signature(sk, stringToSign(canonical, "20240102T030405Z"))).toBe(
      "b1a4b837888c41b75a1be5afef1b4dec6d5f49695dbe876506c09dc5dc716321",
    );
  });

  it("canonicalizes a pre-escaped URN path the same as a raw one", () => {
    const raw = canonicalRequest(
      { method: "GET", path: "/v2/p/fgs/functions/urn:fss:x/config", headers: fgHeaders },
      fgSigned,
    );
    const esc = canonicalRequest(
      { method: "GET", path: "/v2/p/fgs/functions/urn%3Afss%3Ax/config", headers: fgHeaders },
      fgSigned,
    );
    expect(esc).toBe(raw);
  });

  it("signs a list with a sorted, %20-encoded query (example b2)", () => {
    const query = { maxitems: "2", marker: "0", package_name: "my app" };
    expect(canonicalQuery(query)).toBe("marker=0&maxitems=2&package_name=my%20app");
    const canonical = canonicalRequest(
      { method: "GET", path: `/v2/${pid}/fgs/functions`, query, headers: fgHeaders },
      fgSigned,
    );
    expect(signature(sk, stringToSign(canonical, "20240102T030405Z"))).toBe(
      "3ff1343d5771d52110a2d66f36822b60b5cfc140a32ac0f66ab11faf158d5cac",
    );
  });

  it("parses the Authorization header it produces and rejects other shapes", () => {
    const h = sign(
      { method: "GET", path: "/x", headers: { host: "h" } },
      { accessKey: "AK", secretKey: "SK", now: new Date(0) },
    );
    expect(parseAuthorization(h.Authorization)).toEqual({
      accessKey: "AK",
      signedHeaders: ["host", "x-sdk-date"],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(h["X-Sdk-Date"]).toBe("19700101T000000Z");
    expect(parseAuthorization("Bearer abc")).toBeUndefined();
  });
});
