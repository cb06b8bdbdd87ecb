// How a client starts the server: what its process gets on top of the client's own environment. The VS Code client
// uses it; bench/run.mjs starts the server with the same variables (launchEnvironment.json), as the client would.
import LAUNCH_ENVIRONMENT from './launchEnvironment.json';

/**
 * The variables to add to `current` (a client passes them with its own environment). Where Node uses glibc's malloc
 * (Linux), a fixed trim threshold lets freed memory go back to the system: by default glibc raises its threshold each
 * time a large block is freed, and the arenas of V8's compiler threads then keep 7–14 MB after a large plan's first
 * check (bench/README.md). Elsewhere the variable means nothing. A variable the user set is left as it is.
 */
export function serverEnvironment(current: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(LAUNCH_ENVIRONMENT)) if (current[name] === undefined) env[name] = value;
  return env;
}
