/** The emulator's defaults are shared with the providers, so they live in platform/common/. */
export { EMULATOR_DEFAULTS } from "../platform/common/emulator-defaults";
