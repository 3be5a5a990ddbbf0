/** The LeanCloud resources (generated from their definitions) and helpers. */
export * from "./resources";
export * as rpc from "./rpc";
