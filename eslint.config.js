// Lint: typescript-eslint for correctness, no-unsanitized plus syntax bans so that
// data can never reach an HTML sink (security checklist A2).
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
    // Extension pages reach data only through the background's messages.
    files: ['components/**', 'entrypoints/**'],
    ignores: ['entrypoints/background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/*'],
              message:
                'Extension pages ask the background (core/messages.ts); they never open storage/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The background maps hosts with core/hosts.ts; the site adapters belong to the content script.
    files: ['background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sites/*'],
              message: 'The background does not bundle the site adapters; use core/hosts.ts.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
