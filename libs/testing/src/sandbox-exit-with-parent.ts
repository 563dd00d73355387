/**
 * Loaded into the sandbox child by `startSandboxProcess` (`node --import`), before the sandbox's
 * own code. The IPC channel to the test worker closes whenever that worker ends — a failed hook,
 * a crash, even SIGKILL — so a sandbox never outlives the specs that started it.
 */
process.once('disconnect', () => process.exit(0));
