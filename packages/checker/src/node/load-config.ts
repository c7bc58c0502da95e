import { readFileSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { parseConfig, resolveConfig, type ResolvedConfig } from '../config.js';
import { localized, type Localized } from '../finding.js';
import { RULES } from '../rules/index.js';
import { fileInfo } from './file-info.js';

/**
 * A configuration file that cannot be used: `path: key: what is wrong`, a line per problem, in each
 * locale (`message` is the English one).
 */
export class ConfigError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE = 'policylint.config.json';

/** A configuration and the file it came from (undefined for the defaults). */
export interface LoadedConfig {
  config: ResolvedConfig;
  path: string | undefined;
}

/**
 * Finds and loads the configuration for files in one run: `--config` for all of them, or else the
 * nearest `policylint.config.json` walking up from each file's folder. Each file is read once.
 */
export class ConfigLoader {
  private readonly byPath = new Map<string, Promise<LoadedConfig>>();
  private readonly byDir = new Map<string, Promise<string | undefined>>();

  constructor(private readonly explicitPath: string | undefined) {}

  async forFile(file: string): Promise<LoadedConfig> {
    const path = this.explicitPath ?? (await this.findUp(dirname(file)));
    if (path === undefined) return { config: resolveConfig(), path: undefined };
    let loaded = this.byPath.get(path);
    if (loaded === undefined) {
      loaded = loadConfigFile(path);
      this.byPath.set(path, loaded);
    }
    return loaded;
  }

  private findUp(dir: string): Promise<string | undefined> {
    let found = this.byDir.get(dir);
    if (found === undefined) {
      found = (async () => {
        const candidate = join(dir, CONFIG_FILE);
        // A regular file only: a FIFO of that name in a checked-out repository would make the run wait
        // for ever. (One named with --config is read as it is, as `--config <(…)` needs.)
        if (fileInfo(candidate)?.isFile() === true) return candidate;
        return dir === parsePath(dir).root ? undefined : this.findUp(dirname(dir));
      })();
      this.byDir.set(dir, found);
    }
    return found;
  }
}

/** Reads and validates one configuration file; any problem is a one-line `path: key: what is wrong`. */
export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(localized(`${path}：无法读取（${code}）`, `${path}: cannot read (${code})`));
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (error) {
    const why = (error as Error).message;
    throw new ConfigError(localized(`${path}：不是有效的 JSON（${why}）`, `${path}: invalid JSON: ${why}`));
  }
  const parsed = parseConfig(json, RULES.map((rule) => rule.id));
  if (!parsed.ok) {
    const lines = (separator: string, locale: keyof Localized) => parsed.issues.map((issue) => `${path}${separator}${issue.key}${separator}${issue.message[locale]}`).join('\n');
    throw new ConfigError(localized(lines('：', 'zh-CN'), lines(': ', 'en')));
  }
  return { config: parsed.config, path };
}
