import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// core and checker must run without Node (a web extension reuses them) and without LSP types.
const PURE_PACKAGE_RESTRICTIONS = {
  patterns: [
    { group: ['node:*'], message: 'core and checker take texts, not files: keep I/O at the edges.' },
    { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*'], message: 'LSP types belong in the language server.' },
    { group: ['./node/*', '../node/*', '**/node/*.js', 'tinyglobby'], message: 'Only the /node subpath reads files.' },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'process', 'url', 'util', 'crypto', 'worker_threads'].map((name) => ({
    name,
    message: 'core and checker take texts, not files: keep I/O at the edges.',
  })),
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Scripts and bin entries run on Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // A CommonJS bin (apps/cli/bin/policylint.cjs) requires, as CommonJS does.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // The named `z` is an object holding all of zod (every locale, JSON Schema conversion), so a bundle
      // keeps all of it; a namespace import lets esbuild drop what is unused (0.55 MB of the CLI bundle).
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier, ImportDefaultSpecifier)",
          message: "Import zod as a namespace: import * as z from 'zod'.",
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts', 'packages/checker/src/**/*.ts'],
    // The checker's `/node` subpath is its one Node edge (corpus files); nothing else may import it.
    ignores: ['packages/checker/src/node/**'],
    rules: {
      'no-restricted-imports': ['error', PURE_PACKAGE_RESTRICTIONS],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
);
