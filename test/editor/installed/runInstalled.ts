// Entry point for the run against the installed VSIX (no extensionDevelopmentPath on the extension itself).
import { runMochaIn } from '../suite/runSuite';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
