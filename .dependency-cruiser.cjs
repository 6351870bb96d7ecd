// The direction of dependencies, checked in CI (npm run lint:deps): cli → runtime → services → src, and roles
// never import each other. bench (the harness of `gochat bench`) and infra (of `gochat infra`) sit beside the CLI and
// use src; nothing below them imports them. Tests may compose anything.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'roles-are-independent',
      comment: 'a role talks to another only through contracts (proto, Kafka topics), never by importing it',
      severity: 'error',
      from: { path: '^services/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'src-is-the-bottom-layer',
      comment: 'src/ (core, config, contracts, ports, drivers, messaging, rpc, observability, client) imports no layer above it',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(services|runtime|cli|bench|infra|test)/' },
    },
    {
      name: 'roles-import-only-src',
      severity: 'error',
      from: { path: '^services/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(runtime|cli|bench|infra|test)/' },
    },
    {
      name: 'runtime-composes-roles-only',
      severity: 'error',
      from: { path: '^runtime/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(cli|bench|test)/' },
    },
    {
      name: 'tools-beside-the-system',
      comment: 'infra ships in the package and serves the CLI: it never imports the CLI, roles or tests',
      severity: 'error',
      from: { path: '^infra/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(cli|services|runtime|test)/' },
    },
    {
      name: 'shipped-code-never-imports-tests',
      severity: 'error',
      comment: 'bench/probes/ are development scripts that start systems through the test helpers',
      from: { path: '^(src|services|runtime|cli|bench|infra)/', pathNot: '(\\.test\\.ts$|^bench/probes/)' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^infra/kafka/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.d.ts'] },
  },
}
