/**
 * The one wrapper that gives every resource its `profile` input (provider/core/profile.ts):
 * each method of an implementation runs inside the scope of the resource's profile, and never
 * sees the input itself, so implementations need no change and `profile` is never sent to a
 * platform (their checks reject fields they do not know). The wrapper validates the name at
 * check, requires the profile to have settings, echoes it into outputs and says "replace" when
 * it changes. A resource without `profile` goes through untouched: same arguments, same results.
 * The SDK shims and the native plugin load implementations as `require(M).provider`, so each
 * platform's `withProfiles` applied to that export reaches both.
 */
import type {
  CheckFailure,
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { UNKNOWN } from "./diff";
import { PROFILE_INPUT, inProfile, profileNameRule } from "./profile";

type Props = Record<string, unknown>;

/** What a platform says about a profile name: undefined when it can serve it. */
export interface ProfileJudge {
  profileProblem(profile: string): string | undefined;
}

/** Marks wrapped providers, so a test can require every implementation to be one. */
export const PROFILED = Symbol.for("cloudfn.profiled");

/** The profile of some properties: a known string, or undefined (none, or not known yet). */
function profileOf(props: Props | undefined): string | undefined {
  const value = props?.[PROFILE_INPUT];
  return typeof value === "string" && value !== UNKNOWN ? value : undefined;
}

/** The properties without `profile`; the same object when there is none. */
function withoutProfile<T extends Props | undefined>(props: T): T {
  if (!props || !(PROFILE_INPUT in props)) return props;
  const { [PROFILE_INPUT]: _dropped, ...rest } = props;
  return rest as T;
}

/** `props` with the profile of `from` put back (nothing added when `from` has none). */
function withProfileOf<T extends Props | undefined>(props: T, from: Props | undefined): T {
  if (!props || from?.[PROFILE_INPUT] === undefined) return props;
  return { ...props, [PROFILE_INPUT]: from[PROFILE_INPUT] };
}

/** Check-time failures of the `profile` input: its type and name rule, then whether it has settings. */
export function profileFailures(news: Props, judge: ProfileJudge): CheckFailure[] {
  const value = news[PROFILE_INPUT];
  if (value === undefined || value === UNKNOWN) return [];
  const parsed = profileNameRule.safeParse(value);
  if (!parsed.success) return [{ property: PROFILE_INPUT, reason: parsed.error.issues[0].message }];
  const problem = judge.profileProblem(parsed.data);
  return problem ? [{ property: PROFILE_INPUT, reason: problem }] : [];
}

/** Whether any of the property sets mentions a profile; without one every call passes straight through. */
const mentionsProfile = (...sets: (Props | undefined)[]) => sets.some((p) => p !== undefined && PROFILE_INPUT in p);

/** Whether the two states name different profiles (absent and unset are the same). */
const profileChanged = (olds: Props, news: Props) => (olds[PROFILE_INPUT] ?? null) !== (news[PROFILE_INPUT] ?? null);

function wrapCheck(check: NonNullable<ResourceProvider["check"]>, judge: ProfileJudge) {
  return async (olds: Props, news: Props): Promise<CheckResult> => {
    if (!mentionsProfile(olds, news)) return check(olds, news);
    const failures = profileFailures(news, judge);
    const run = () => inProfile(profileOf(news), () => check(withoutProfile(olds), withoutProfile(news)));
    // A profile that cannot resolve may make the implementation's own check throw: report the cause.
    const fallback: CheckResult = { inputs: withoutProfile(news) };
    const result = failures.length ? await run().catch(() => fallback) : await run();
    return {
      ...result,
      inputs: withProfileOf(result.inputs as Props | undefined, news),
      ...(failures.length || result.failures ? { failures: [...failures, ...(result.failures ?? [])] } : {}),
    };
  };
}

function wrapDiff(diff: NonNullable<ResourceProvider["diff"]>) {
  return async (id: string, olds: Props, news: Props): Promise<DiffResult> => {
    if (!mentionsProfile(olds, news)) return diff(id, olds, news);
    const profile = profileOf(news) ?? profileOf(olds);
    const result = await inProfile(profile, () => diff(id, withoutProfile(olds), withoutProfile(news)));
    if (!profileChanged(olds, news)) return result;
    return { ...result, changes: true, replaces: [...(result.replaces ?? []), PROFILE_INPUT] };
  };
}

/** Every method of `impl` (and only those) run in the resource's profile scope. */
export function withProfiles<P extends ResourceProvider>(impl: P, judge: ProfileJudge): P {
  const wrapped: ResourceProvider = { ...impl };
  if (impl.check) wrapped.check = wrapCheck(impl.check.bind(impl), judge);
  if (impl.diff) wrapped.diff = wrapDiff(impl.diff.bind(impl));
  wrapped.create = async (inputs: Props): Promise<CreateResult> => {
    if (!mentionsProfile(inputs)) return impl.create(inputs);
    const result = await inProfile(profileOf(inputs), () => impl.create(withoutProfile(inputs)));
    return { ...result, outs: withProfileOf(result.outs as Props | undefined, inputs) };
  };
  if (impl.read) {
    const read = impl.read.bind(impl) as (id: string, props?: Props) => Promise<ReadResult<Props>>;
    wrapped.read = async (id: string, props?: Props): Promise<ReadResult> => {
      if (!mentionsProfile(props)) return read(id, props);
      const result = await inProfile(profileOf(props), () => read(id, withoutProfile(props)));
      const inputs = result.inputs && { inputs: withProfileOf(result.inputs, props) };
      return { ...result, props: withProfileOf(result.props, props), ...inputs };
    };
  }
  if (impl.update) {
    const update = impl.update.bind(impl);
    wrapped.update = async (id: string, olds: Props, news: Props): Promise<UpdateResult> => {
      if (!mentionsProfile(olds, news)) return update(id, olds, news);
      const result = await inProfile(profileOf(news), () => update(id, withoutProfile(olds), withoutProfile(news)));
      return { ...result, outs: withProfileOf(result.outs as Props | undefined, news) };
    };
  }
  if (impl.delete) {
    const remove = impl.delete.bind(impl);
    wrapped.delete = (id: string, props: Props) => inProfile(profileOf(props), () => remove(id, withoutProfile(props)));
  }
  Object.defineProperty(wrapped, PROFILED, { value: true });
  return wrapped as P;
}
