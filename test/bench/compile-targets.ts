// Compiles the bench's target process with the project's tsc, as production runs compiled JS (Dockerfile), not tsx.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const COMPILE_TIMEOUT_MS = 180_000;

export interface CompiledTargets {
  /** The compiled target-process.js, run with plain node. */
  entry: string;
  /** A throwaway working folder for the targets, so nothing they write with a relative path lands in the project. */
  workDir: string;
  remove(): Promise<void>;
}

/**
 * tsx would add its loader and compiler to every RSS reading (about 90 MB for the floor), so the targets run as
 * `npm run build` output does. No type check (--noCheck): a half-finished type elsewhere must not stop a measurement.
 */
export async function compileTargets(): Promise<CompiledTargets> {
  const dir = await mkdtemp(join(tmpdir(), 'mobilise-bench-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const out = join(dir, 'out');
    const config = {
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        outDir: out,
        rootDir: ROOT,
        noEmit: false,
        noCheck: true,
        sourceMap: false,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      include: [],
      files: [join(__dirname, 'target-process.ts')],
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')]);
    // Mobilise finds migrations/ beside the nearest package.json above its code, and packages in node_modules.
    await writeFile(join(out, 'package.json'), JSON.stringify({ name: 'mobilise-bench-build', private: true, type: 'commonjs' }));
    await symlink(join(ROOT, 'migrations'), join(out, 'migrations'), 'dir');
    await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
    return { entry: join(out, 'test', 'bench', 'target-process.js'), workDir: out, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), COMPILE_TIMEOUT_MS);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new Error(`tsc ${signal ?? `exited with ${code}`}: ${output}`));
    });
  });
}
