/**
 * The one APIG app the emulator knows, for triggers whose `auth` is APP. The platform binds
 * apps to APIs in APIG, an API the emulator does not serve, so every APP-authenticated trigger
 * accepts this app: its AppCode in `X-Apig-AppCode` (simple authentication), or its key and
 * secret signing the request the way AK/SK does (SDK-HMAC-SHA256). These are the defaults;
 * `startEmulator({ apigApp })` and the CLI's `--apig-app-*` flags replace them.
 */
export interface ApigApp {
  key: string;
  secret: string;
  code: string;
}

export const EMULATOR_APIG_APP: Readonly<ApigApp> = {
  key: "cloudfnemulatorappkey0000000000",
  secret: "cloudfnemulatorappsecret00000000",
  code: "cloudfnemulatorappcode000000000000000000000000000000000000000000",
} as const;
