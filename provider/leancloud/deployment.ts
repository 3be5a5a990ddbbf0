// Stacks written by release 0.1.0 serialized shims that require this path; keep it resolving.
export { provider } from "./engine-deployment";
