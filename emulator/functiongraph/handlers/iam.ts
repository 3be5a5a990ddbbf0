/** IAM `POST /v3/auth/tokens` (KeystoneCreateUserTokenByPassword), password method only (docs/reference/functiongraph-api.md §9.1). */
import { z } from "zod";
import { json, parseJsonBody, queryValue, type RequestContext, type Reply } from "../../core/http";
import { issueToken } from "../auth";
import type { FgEnv } from "../env";
import { IamError } from "../errors";
import { TOKEN_TTL_MS } from "../limits";

const nameOrId = z.object({ name: z.string().optional(), id: z.string().optional() });
const tokenBody = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()),
      password: z.object({
        user: z.object({
          name: z.string().optional(),
          id: z.string().optional(),
          password: z.string(),
          domain: nameOrId.optional(),
        }),
      }),
    }),
    scope: z.object({ project: nameOrId.optional(), domain: nameOrId.optional() }).optional(),
  }),
});

const unauthorized = () => new IamError(401, "The request you have made requires authentication.");

export async function keystoneCreateUserTokenByPassword(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  let raw: unknown;
  try {
    raw = parseJsonBody(ctx);
  } catch {
    throw new IamError(400, "The request body is not valid JSON.");
  }
  const parsed = tokenBody.safeParse(raw);
  if (!parsed.success || !parsed.data.auth.identity.methods.includes("password")) {
    throw new IamError(400, "Invalid request body: only the password method is supported by the emulator.");
  }
  const { identity, scope } = parsed.data.auth;
  const { creds } = env;
  const user = identity.password.user;
  const domain = user.domain;
  const domainOk = domain !== undefined && (domain.name === creds.domainName || domain.id === creds.domainId);
  if (user.name !== creds.userName || user.password !== creds.password || !domainOk) throw unauthorized();
  // FunctionGraph needs a project-scoped token: by region name or by project id.
  const project = scope?.project;
  if (!project || !(project.name === creds.region || project.id === creds.projectId)) {
    throw new IamError(
      400,
      "A project-scoped token is required: scope.project.name must be the region or scope.project.id the project id.",
    );
  }
  const { token, record } = issueToken(env, creds.userName, TOKEN_TTL_MS);
  const domainRef = { id: creds.domainId, name: creds.domainName };
  const body = {
    token: {
      expires_at: record.expires_at,
      issued_at: record.issued_at,
      methods: ["password"],
      project: { id: creds.projectId, name: creds.region, domain: domainRef },
      roles: [{ id: "0", name: "te_admin" }],
      user: { id: `user-${creds.userName}`, name: creds.userName, domain: domainRef, password_expires_at: "" },
      ...(queryValue(ctx.query, "nocatalog") ? {} : { catalog: [] }),
    },
  };
  return json(201, body, { "X-Subject-Token": token });
}
