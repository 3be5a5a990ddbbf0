/**
 * Integration tests start emulators whose functions run in child processes (node runtimes,
 * LeanEngine instances, the mincloud CLI). On a busy shared machine one start alone can pass
 * jest's 5 s default, so every integration test gets a generous limit unless its file sets one.
 */
jest.setTimeout(60_000);
