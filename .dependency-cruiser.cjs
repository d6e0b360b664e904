/**
 * Import rules, checked by `npm run lint` (and so by `npm test`). Kept true by the tool, not by review:
 * - no cycles anywhere;
 * - the server's platform never imports a business module;
 * - a business module imports another only through that module's `<name>.module.ts`, which re-exports what
 *   the module publishes (its services, their types, its SQL fragments);
 * - shared imports no other package; an SPA only shared and itself.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or split alone.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'platform-not-to-modules',
      severity: 'error',
      comment: 'platform/ is cross-cutting and holds no business rules: it must not know the business modules.',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'module-through-its-module-file',
      severity: 'error',
      comment: 'Another module is used only through what it publishes: import its <name>.module.ts, never its files.',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/([^/]+)/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/([^/]+)/\\1\\.module\\.ts$'],
      },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared runs in the browser and in Node: it imports no other package of ours.',
      from: { path: '^shared/src/' },
      to: { path: '^(server|web-[a-z]+|e2e|bench)/' },
    },
    {
      name: 'kit-only-shared',
      severity: 'error',
      comment: 'The web kit serves all three SPAs: it imports shared and nothing of any one app.',
      from: { path: '^web-kit/' },
      to: { path: '^(server|e2e|bench|web-(public|staff|supervision))/' },
    },
    {
      name: 'spa-only-shared-and-kit',
      severity: 'error',
      comment: 'An SPA imports shared (the typed client: it talks to the server only over HTTP), the kit and itself.',
      from: { path: '^(web-(?:public|staff|supervision))/' },
      to: { path: '^(server|e2e|bench|web-(public|staff|supervision))/', pathNot: '^$1/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'node', 'import', 'require', 'default'],
      extensions: ['.ts', '.js', '.vue', '.mjs', '.json'],
    },
  },
};
