// Lint: typescript-eslint for correctness, no-unsanitized plus syntax bans so that
// data can never reach an HTML sink.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const htmlSinks = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'Set text with textContent; innerHTML is banned.',
  },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'outerHTML is banned.' },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML is banned.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'dangerouslySetInnerHTML is banned.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write/]",
    message: 'document.write is banned.',
  },
];

/** Tests may lean on product code and on harness/, never the other way round. */
const outOfTests = {
  regex: '(^|/)tests(/|$)',
  message: 'Only tests import from tests/; move what is shared (e.g. into harness/).',
};
/** Extension pages reach data only through the background's messages. */
const outOfStorage = {
  group: ['**/storage/*'],
  message: 'Extension pages ask the background (core/messages.ts); they never open storage/.',
};
/** The background maps hosts with core/hosts.ts; the site adapters belong to the content script. */
const outOfSites = {
  group: ['**/sites/*'],
  message: 'The background does not bundle the site adapters; use core/hosts.ts.',
};
const restrictImports = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'demo-output', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Small rooms: a file over 400 lines or a function over 80 has more than one job.
    files: ['**/*.{ts,tsx,js}'],
    ignores: ['tests/**', '**/*.generated.js'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // Which way imports may point. In a flat config a later block's rule replaces an earlier one's
  // for the files both match, so each block repeats the rule that holds everywhere.
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['tests/**'],
    rules: { 'no-restricted-imports': restrictImports(outOfTests) },
  },
  {
    files: ['components/**', 'entrypoints/**'],
    ignores: ['entrypoints/background.ts'],
    rules: { 'no-restricted-imports': restrictImports(outOfTests, outOfStorage) },
  },
  {
    files: ['background/**'],
    rules: { 'no-restricted-imports': restrictImports(outOfTests, outOfSites) },
  },
  prettier,
);
