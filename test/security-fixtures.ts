/** A small plan kept outside the workspace in the tests: a draft that cites it resolves only when it is in the corpus. */
export const SECRET_TITLE = '关于机密事项的实施方案';
export const SECRET_PLAN = `${SECRET_TITLE}\n一、总体要求\n1.机密措施。内容甲。\n2.保密措施。内容乙。\n`;

/** Packages the CLI and the server use: a copy in the workspace's node_modules/ must never be loaded. */
const PACKAGES = ['picocolors', 'tinyglobby', 'zod', 'commander', 'vscode-languageserver', '@policylint/checker', '@policylint/core'];

/**
 * Files that would write `marker` if anything loaded them: configuration files in every script
 * form a linter might try (policylint reads only policylint.config.json), and look-alike packages in
 * a node_modules/ beside the draft.
 */
export function executableBait(marker: string): Record<string, string> {
  const code = (what: string): string => `import('node:fs').then((fs) => fs.writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(what)}));\n`;
  const files: Record<string, string> = {};
  for (const name of ['policylint.config.js', 'policylint.config.mjs', 'policylint.config.cjs', 'policylint.config.ts', '.policylintrc.js']) files[name] = code(name);
  for (const name of PACKAGES) {
    files[`node_modules/${name}/package.json`] = JSON.stringify({ name, version: '99.0.0', main: 'index.js', exports: { '.': './index.js' } });
    files[`node_modules/${name}/index.js`] = code(`node_modules/${name}`);
  }
  return files;
}
