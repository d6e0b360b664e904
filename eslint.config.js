// ESLint flat config. Type-aware rules for the server and shared (their tsconfig projects), Vue rules
// for the SPAs, and Prettier owns layout (eslint-config-prettier switches the stylistic rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typed = ['server/src/**/*.ts', 'server/test/**/*.ts', 'shared/src/**/*.ts'];
const spas = ['web-kit', 'web-public', 'web-staff', 'web-supervision'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'e2e/artifacts/**',
      'bench/results/**',
      'shared/src/calendar/official-calendar.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: typed,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/prefer-optional-chain': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  ...vue.configs['flat/recommended'].map((c) => ({ ...c, files: spas.map((s) => `${s}/**/*.vue`) })),
  {
    files: spas.map((s) => `${s}/**/*.vue`),
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    // Browser journeys hand functions to page.evaluate: they run in the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, window: 'readonly', document: 'readonly' } },
  },
  {
    files: spas.map((s) => `${s}/src/**/*.{vue,ts}`),
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  prettier,
);
