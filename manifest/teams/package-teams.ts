// `npm run package:teams -- --app-id <guid> --domain <host>`: builds the zip a Teams admin uploads, checked offline first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TeamsManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { readPngHeader } from './png';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');

export const DEFAULT_OUT = path.join(ROOT, 'dist', 'teams', 'mobilise-teams.zip');

/** Input the admin can fix (a bad app id, a wrong icon, a schema error): one message naming it, and exit code 2. */
export class PackageError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const PLACEHOLDER = /\{\{[A-Z_]+\}\}/g;
const EXAMPLE_ID = '2f1c9a1e-5b7d-4c3a-9e8f-1a2b3c4d5e6f';

// Teams' sizes for the two icons; the outline must be see-through, so it needs an alpha channel.
const ICONS = {
  color: { width: 192, height: 192, needsAlpha: false },
  outline: { width: 32, height: 32, needsAlpha: true },
} as const;

export function checkAppId(appId: string | undefined): string {
  if (appId === undefined || appId.trim() === '') {
    throw new PackageError(
      'No app id: give --app-id <id> or set MICROSOFT_APP_ID to the Microsoft App ID of the bot\'s Azure Bot resource.',
    );
  }
  if (!GUID.test(appId.trim())) {
    throw new PackageError(`The app id "${appId}" is not a GUID. It should look like ${EXAMPLE_ID}: copy the Microsoft App ID from the bot's Azure Bot resource.`);
  }
  return appId.trim().toLowerCase();
}

export function checkDomain(domain: string | undefined): string {
  if (domain === undefined || domain.trim() === '') {
    throw new PackageError('No domain: give --domain <host> or set TEAMS_APP_DOMAIN to the host Mobilise is reached at, such as mobilise.example.nhs.uk.');
  }
  const host = domain.trim().toLowerCase();
  if (/[/:]/.test(host)) {
    throw new PackageError(`The domain "${domain}" should be a host name only, such as mobilise.example.nhs.uk, without https://, a port or a path.`);
  }
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((label) => HOST_LABEL.test(label))) {
    throw new PackageError(`The domain "${domain}" is not a host name. It should look like mobilise.example.nhs.uk.`);
  }
  return host;
}

const packageJsonSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be MAJOR.MINOR.PATCH (Teams accepts no pre-release suffix)'),
});

function packageVersion(): string {
  const parsed = packageJsonSchema.safeParse(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  if (!parsed.success) throw new PackageError(`package.json's version ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return parsed.data.version;
}

/** The manifest template with the app id, domain and version put in. */
export function fillManifest(template: string, values: { appId: string; domain: string; version: string }): unknown {
  const text = template.replaceAll('{{APP_ID}}', values.appId).replaceAll('{{DOMAIN}}', values.domain);
  const left = [...new Set(text.match(PLACEHOLDER) ?? [])];
  if (left.length > 0) throw new PackageError(`manifest.json has placeholders this script does not fill: ${left.join(', ')}.`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (err) {
    throw new PackageError(`manifest.json is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new PackageError('manifest.json must hold a JSON object.');
  return { ...manifest, version: values.version };
}

const versionSchema = z.object({ manifestVersion: z.string().regex(/^(\d+\.\d+|devPreview)$/), $schema: z.string() }).loose();

/** Where @microsoft/app-manifest keeps its copy of the Teams schema for one manifest version. */
function bundledSchemaFile(manifestVersion: string): string {
  const build = path.dirname(require.resolve('@microsoft/app-manifest'));
  return path.join(build, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Checks a filled-in manifest against the official schema for its manifestVersion, as bundled in
 * @microsoft/app-manifest, without touching the network. Returns one line per problem; none means valid.
 */
export async function schemaProblems(manifest: unknown): Promise<string[]> {
  const head = versionSchema.safeParse(manifest);
  if (!head.success) return ['manifestVersion and $schema must be set, e.g. "1.30" and its schema URL'];
  const { manifestVersion, $schema } = head.data;
  const url = `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
  const urlPattern = new RegExp(`^https://developer\\.microsoft\\.com/(?:[a-z]{2}-[a-z]{2}/)?json-schemas/teams/v${manifestVersion.replace('.', '\\.')}/MicrosoftTeams\\.schema\\.json$`);
  if (!urlPattern.test($schema)) return [`$schema is "${$schema}" but manifestVersion ${manifestVersion} needs ${url}`];
  // fetchSchema reads the bundled copy when it has one and only goes online when it has not, so insist on the copy.
  if (!existsSync(bundledSchemaFile(manifestVersion))) {
    return [`manifestVersion ${manifestVersion} has no schema bundled in @microsoft/app-manifest, so it cannot be checked offline`];
  }
  // Loaded on use: it requires an ES-module-only package, which Node loads but Jest's module system cannot.
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  const schema = await AppManifestUtils.fetchSchema(url);
  // The schema check is what proves the shape, so the type here is only to satisfy the library's signature.
  return AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, schema);
}

const iconsSchema = z.object({ icons: z.object({ color: z.string(), outline: z.string() }) }).loose();

function readIcon(dir: string, kind: keyof typeof ICONS, file: string): Uint8Array {
  if (path.basename(file) !== file) throw new PackageError(`icons.${kind} is "${file}": give the name of a file beside manifest.json, not a path.`);
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new PackageError(`The ${kind} icon ${file} is missing from ${dir}.`);
  const bytes = readFileSync(full);
  const header = readPngHeader(bytes);
  const want = ICONS[kind];
  if (!header) throw new PackageError(`The ${kind} icon ${file} is not a PNG file.`);
  if (header.width !== want.width || header.height !== want.height) {
    throw new PackageError(`The ${kind} icon ${file} is ${header.width}x${header.height} pixels; Teams needs ${want.width}x${want.height}.`);
  }
  if (want.needsAlpha && header.colourType !== 4 && header.colourType !== 6) {
    throw new PackageError(`The ${kind} icon ${file} has no transparency; Teams needs it white on a transparent background.`);
  }
  return bytes;
}

export interface PackageOptions {
  appId: string | undefined;
  domain: string | undefined;
  /** The folder holding manifest.json and the icons: manifest/teams unless you keep your own copy elsewhere. */
  sourceDir?: string;
  outFile?: string;
}

/** Checks everything, then writes the zip (manifest.json and the two icons at its root). Nothing is written if a check fails. */
export async function buildTeamsPackage(options: PackageOptions): Promise<{ outFile: string; manifest: unknown }> {
  const appId = checkAppId(options.appId);
  const domain = checkDomain(options.domain);
  const sourceDir = options.sourceDir ?? HERE;
  const outFile = path.resolve(options.outFile ?? DEFAULT_OUT);

  const manifestFile = path.join(sourceDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new PackageError(`There is no manifest.json in ${sourceDir}.`);
  const manifest = fillManifest(readFileSync(manifestFile, 'utf8'), { appId, domain, version: packageVersion() });
  const named = iconsSchema.safeParse(manifest);
  if (!named.success) throw new PackageError('manifest.json must name its icons in icons.color and icons.outline.');
  const { icons } = named.data;
  const color = readIcon(sourceDir, 'color', icons.color);
  const outline = readIcon(sourceDir, 'outline', icons.outline);
  const problems = await schemaProblems(manifest);
  if (problems.length > 0) {
    throw new PackageError(`manifest.json does not match the Teams manifest schema:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  const zip = zipSync({
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    [icons.color]: color,
    [icons.outline]: outline,
  });
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  return { outFile, manifest };
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The command: --app-id, --domain, --source, --out; the first two fall back to MICROSOFT_APP_ID and TEAMS_APP_DOMAIN. Returns the exit code. */
export async function run(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    const { values } = parseOptions(argv);
    const { outFile } = await buildTeamsPackage({
      appId: values['app-id'] ?? env.MICROSOFT_APP_ID,
      domain: values.domain ?? env.TEAMS_APP_DOMAIN,
      sourceDir: values.source,
      outFile: values.out,
    });
    const shown = path.relative(process.cwd(), outFile);
    io.out(`Wrote ${shown.startsWith('..') || path.isAbsolute(shown) ? outFile : shown}. Upload it in the Teams admin centre, or in Teams with "Upload a custom app".`);
    return 0;
  } catch (err) {
    if (err instanceof PackageError) {
      io.err(err.message);
      return 2;
    }
    io.err(`package:teams failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { 'app-id': { type: 'string' }, domain: { type: 'string' }, source: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new PackageError(`${err instanceof Error ? err.message : String(err)}. Usage: npm run package:teams -- --app-id <guid> --domain <host> [--source <folder>] [--out <file.zip>]`);
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => {
    process.exitCode = code;
  });
}
