import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/security.md reviews every third-party package policylint ships, at its locked version. This
// keeps that table in step with package-lock.json and with what esbuild put into the bundles, so a
// changed dependency makes the review visibly stale. Offline: no npm, no registry.

const ROOT = join(import.meta.dirname, '..');

interface LockedPackage {
  version: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };

/** `name@version` of the package in a lockfile folder such as `node_modules/a/node_modules/@b/c`. */
function lockedName(folder: string): string {
  const name = folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `${name}@${lock.packages[folder]!.version}`;
}

/** What `npm audit --omit=dev` sends: the third-party packages outside every devDependencies tree. */
const production = new Set(
  Object.entries(lock.packages)
    .filter(([folder, entry]) => folder.includes('node_modules/') && !entry.link && !entry.dev && !entry.devOptional)
    .map(([folder]) => lockedName(folder)),
);

/** The source maps of each shipped bundle, under the names docs/security.md gives the bundles. */
const cliMaps = readdirSync(join(ROOT, 'apps/cli/dist')).filter((file) => file.endsWith('.map')).map((file) => `apps/cli/dist/${file}`);
const BUNDLES: Record<string, string[]> = {
  CLI: cliMaps,
  server: ['apps/vscode/dist/server.js.map'],
  extension: ['apps/vscode/dist/extension.js.map'],
};

/**
 * Sources that a package's own source map names by a URL rather than a path: esbuild carries them over
 * from the map the package ships (vscode-uri is built with webpack, path-browserify inlined).
 */
const SOURCE_URL_PACKAGES: Record<string, string> = { 'webpack://LIB/': 'node_modules/vscode-uri' };

/** The lockfile folder of the third-party package a source map source comes from, or undefined for our own code. */
function sourceFolder(map: string, source: string): string | undefined {
  const url = Object.keys(SOURCE_URL_PACKAGES).find((prefix) => source.startsWith(prefix));
  if (url !== undefined) return SOURCE_URL_PACKAGES[url];
  const path = relative(ROOT, resolve(ROOT, dirname(map), source)).replaceAll('\\', '/');
  const folder = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/.exec(path)?.[0];
  if (folder === undefined && !/^(?:apps|packages)\//.test(path)) throw new Error(`${map}: cannot tell which package ${source} comes from`);
  return folder;
}

/** The third-party packages esbuild inlined into a bundle, read from the sources of its maps. */
function bundledPackages(maps: readonly string[]): Set<string> {
  const packages = new Set<string>();
  for (const map of maps) {
    const { sources } = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as { sources: string[] };
    for (const source of sources) {
      const folder = sourceFolder(map, source);
      if (folder !== undefined) packages.add(lockedName(folder));
    }
  }
  return packages;
}
const bundled = Object.entries(BUNDLES).map(([bundle, maps]) => [bundle, bundledPackages(maps)] as const);

/** The rows of the table in the "Dependency audit" section: package, version, ships in, `--omit=dev`. */
function documentedRows(): Map<string, { shipsIn: string; omitDev: string }> {
  const page = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
  const section = page.split('\n## Dependency audit\n')[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(
    rows.map((line) => {
      const [name, version, shipsIn, omitDev] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return [`${name!.replaceAll('`', '')}@${version}`, { shipsIn: shipsIn!, omitDev: omitDev! }];
    }),
  );
}

describe('docs/security.md › Dependency audit against the lockfile and the built bundles', () => {
  const documented = documentedRows();

  it('reviews every package npm audit --omit=dev sends and every package a bundle carries, at its locked version', () => {
    const shipped = new Set([...production, ...bundled.flatMap(([, packages]) => [...packages])]);
    expect(production.size).toBeGreaterThan(10);
    expect([...documented.keys()].sort()).toEqual([...shipped].sort());
  });

  it('says which bundles carry each package', () => {
    for (const [pkg, row] of documented) {
      const carriers = bundled.filter(([, packages]) => packages.has(pkg)).map(([bundle]) => bundle);
      expect(row.shipsIn, pkg).toBe(carriers.join(', ') || '—');
    }
  });

  it('says which packages npm audit --omit=dev leaves out', () => {
    for (const [pkg, row] of documented) expect(row.omitDev, pkg).toBe(production.has(pkg) ? 'yes' : 'no');
    expect([...documented.values()].filter((row) => row.omitDev === 'no').length).toBeGreaterThan(0);
  });
});
