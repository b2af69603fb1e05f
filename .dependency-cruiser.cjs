/**
 * Dependency (layer) rules for src/ and local/. Run with `npm run lint` (or `npm run lint:deps`).
 *
 * Layers, lowest to highest:
 *   src/platform/                         config, log, clock, health, liveness
 *   src/i18n/                             languages: catalogues, translators, locale tags
 *   src/aicc/                             the AICC client: transport, auth, one client per service
 *   src/store/                            persistence; stores AICC values and implements aicc's lease/cache
 *   src/slack/                            Slack plumbing: app, commands, rendering
 *   src/features/<name>/                  one folder per feature
 *   src/features/*.ts                     the feature registry (features/index.ts and its siblings)
 *   src/main.ts, src/bot.ts               the composition root
 *   local/                                local tooling (simulator, fake Slack, console); may use anything
 *
 * Every layer lists what it MAY import inside src/; anything else in src/ is forbidden, so a new
 * top-level folder under src/ is refused until it is given a place here.
 * Paths are regular expressions matched against paths relative to the repository root.
 */

const PLATFORM = '^src/platform/';
const I18N = '^src/i18n/';
const AICC = '^src/aicc/';
const STORE = '^src/store/';
const SLACK = '^src/slack/';
const FEATURE_FOLDER = '^src/features/([^/]+)/'; // $1 is the feature's name
const FEATURE_PUBLIC_FACE = '^src/features/[^/]+/index\\.ts$';
const FEATURE_REGISTRY = '^src/features/[^/]+\\.ts$'; // files at the root of src/features/
const FEATURES = '^src/features/';
const COMPOSITION_ROOT = '^src/(main|bot)\\.ts$';
const LOCAL = '^local/';

/** name, what the layer is, which modules belong to it, and which parts of src/ it may import. */
const layers = [
  {
    name: 'platform',
    comment: 'src/platform is the lowest layer: it imports nothing else in src/.',
    from: PLATFORM,
    mayImport: [PLATFORM],
  },
  {
    name: 'i18n',
    comment: 'src/i18n (catalogues and translators) may import src/platform only; every layer above may use it.',
    from: I18N,
    mayImport: [PLATFORM, I18N],
  },
  {
    name: 'aicc',
    comment: 'src/aicc may import src/platform and src/i18n only (not src/store, src/slack, features or the composition root).',
    from: AICC,
    mayImport: [PLATFORM, I18N, AICC],
  },
  {
    name: 'store',
    comment:
      'src/store may import src/platform and src/aicc (it keeps AICC values and implements the statistics ' +
      "guard's lease and cache interfaces); not src/slack, features or the composition root.",
    from: STORE,
    mayImport: [PLATFORM, I18N, AICC, STORE],
  },
  {
    name: 'slack',
    comment: 'src/slack may import platform, aicc and store; never features or the composition root.',
    from: SLACK,
    mayImport: [PLATFORM, I18N, AICC, STORE, SLACK],
  },
  {
    name: 'feature',
    comment:
      'A feature folder may import platform, aicc, store, slack and its own folder; another feature only ' +
      'through that feature\'s index.ts (see feature-public-face); never the registry files at the root of ' +
      'src/features or the composition root.',
    from: FEATURE_FOLDER,
    mayImport: [PLATFORM, I18N, AICC, STORE, SLACK, FEATURES],
  },
  {
    name: 'feature-registry',
    comment: 'The feature registry (src/features/*.ts) may import every feature and every lower layer, not the composition root.',
    from: FEATURE_REGISTRY,
    mayImport: [PLATFORM, I18N, AICC, STORE, SLACK, FEATURES],
  },
];

const layerRules = layers.map(({ name, comment, from, mayImport }) => ({
  name: `layer-${name}`,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: mayImport },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'This dependency is part of a cycle. Break it (move the shared part down a layer, or pass a ' +
        'function in) rather than allowing it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'feature-public-face',
      comment:
        'A feature imports another feature only through src/features/<other>/index.ts, its public face; ' +
        'never another feature\'s internals, and never the registry files at the root of src/features.',
      severity: 'error',
      from: { path: FEATURE_FOLDER },
      to: { path: FEATURES, pathNot: ['^src/features/$1/', FEATURE_PUBLIC_FACE] },
    },
    {
      name: 'not-to-composition-root',
      comment:
        'Nothing in src/ imports src/main.ts or src/bot.ts: they are the composition root (main.ts may import ' +
        'bot.ts). local/ may import anything in src/, these included.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: COMPOSITION_ROOT },
    },
    {
      name: 'no-static-import-of-local',
      comment:
        'The product never imports local tooling statically (type-only imports included); main.ts loads it ' +
        'with a dynamic import().',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: LOCAL, dynamic: false },
    },
    {
      name: 'local-only-from-main',
      comment: 'Only src/main.ts may load local/ (with a dynamic import()); no other file in src/ touches it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: LOCAL },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'This import does not resolve to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // `import type` and type-only specifiers count: a layer violation in types is still a violation.
    tsPreCompilationDeps: true,
    // Resolves nodenext `.js` specifiers to the `.ts` files.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
