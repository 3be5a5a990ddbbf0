/**
 * Inputs and outputs of `cloudfn:leancloud:Invocation` as the provider sees them. Every property
 * is declared in ./definition.ts; this module holds the types.
 */
export interface InvocationInputs {
  name: string;
  /** A JSON object/array, or its JSON text. */
  params?: unknown;
  rpc: boolean;
  environment: "production" | "staging";
  triggers?: unknown[];
  useMasterKey: boolean;
  sessionToken?: string;
}

export interface InvocationOutputs extends Omit<InvocationInputs, "sessionToken"> {
  /** Decoded result (typed RPC values as plain JSON); absent when the function returned nothing. */
  result?: unknown;
  /** The `result` exactly as LeanCloud sent it. */
  rawResult?: unknown;
}

/** A change of any of these calls the function again (an update, never a replacement). */
export const INVOKE_ON_CHANGE = ["name", "params", "rpc", "environment", "triggers"] as const;
