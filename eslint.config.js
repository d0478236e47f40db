import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TURF_UMBRELLA = { name: '@turf/turf', message: "import the one function's package (e.g. '@turf/area') and add it to dependencies" };
// src/cli is a shell over the library (flags and output): nothing else in src imports it.
const CLI_SHELL = { group: ['**/cli/*', '**/cli/**'], message: 'the command line is a shell over the library: move what you need out of src/cli (e.g. into src/node)' };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-app/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    // The library ships only the Turf functions it uses: the umbrella package loads ~130 modules on every start.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [TURF_UMBRELLA], patterns: [CLI_SHELL] }],
    },
  },
  {
    // data builds layers from what io reads, so io must not import data (the old data ⇄ io cycle).
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [TURF_UMBRELLA],
        patterns: [CLI_SHELL, { group: ['../data/*', '../data/**'], message: 'io must not import data (data imports io); shared errors live in src/errors.ts, file formats in src/io/file-format.ts' }],
      }],
    },
  },
);
