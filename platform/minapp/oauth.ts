/**
 * MinApp OAuth paths of the two-step token flow (docs/reference/minapp-api.md §2): the provider
 * calls them, the emulator serves them.
 */

/** Step 1: client id and secret in, a 302 carrying the authorization code out. */
export const AUTHORIZE_PATH = "/api/oauth2/hydrogen/openapi/authorize/";

/** Step 2: the code exchanged for an access token. */
export const TOKEN_PATH = "/api/oauth2/access_token/";
