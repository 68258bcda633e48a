// The real `mobilise` command as a child process, the way npm scripts and Docker run it.
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mobilise ...args` with only the given environment (plus PATH), so no stray SLACK_* or PORT leaks in. */
export function mobilise(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr });
        // A number is the exit code; anything else (a timeout's kill, a failed spawn) is the test's failure.
        if (typeof err.code !== 'number' || err.killed) {
          return reject(new Error(`mobilise ${args.join(' ')} did not finish: ${err.message}\n${stderr}`));
        }
        resolve({ code: err.code, stdout, stderr });
      },
    );
  });
}
