// The direction of dependencies, checked in CI (npm run lint:deps): cli → runtime → services → src, and roles
// never import each other. bench (the harness of `gochat bench`) and infra (of `gochat infra`) sit beside the CLI and
// use src; nothing below them imports them, and they never import the CLI. Tests may compose anything. No circles.
//
// Inside src/, bottom to top:
//   domain      the domain types (Message, …) and their rules: plain TypeScript that imports nothing
//   foundation  core, config, contracts, ports, observability, presentation: types, errors, names, port interfaces,
//               the codecs between the domain types and the wire formats (contracts/codecs)
//   mechanisms  rpc, messaging, auth, presence, client: built on the foundation and the ports alone
//   drivers     the ports' implementations (memory, SQLite, MySQL, Redis, Kafka)
//   ops         operator tools on the drivers (Kafka admin, offset resets, topic reads), for the CLI and bench only
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a circle makes two modules one: move what both need into a file of its own',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
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
      name: 'domain-imports-nothing',
      comment: 'the domain types are what every wire format converts to: they depend on none of them',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(?!src/domain/)', dependencyTypesNot: ['npm', 'core'] },
    },
    {
      name: 'src-foundation-is-the-bottom',
      comment:
        'core/role.ts, the contract between the runtime and a role, names the rpc APIs a role is given (type-only)',
      severity: 'error',
      from: {
        path: '^src/(core|config|contracts|ports|observability|presentation)/',
        pathNot: '(\\.test\\.ts$|^src/core/role\\.ts$)',
      },
      to: { path: '^src/(rpc|messaging|auth|presence|client|drivers|ops)/' },
    },
    {
      name: 'src-mechanisms-use-ports-not-drivers',
      severity: 'error',
      from: { path: '^src/(rpc|messaging|auth|presence|client)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(drivers|ops)/' },
    },
    {
      name: 'drivers-never-import-tools',
      comment: 'drivers implement the ports; operator tooling sits above them in src/ops',
      severity: 'error',
      from: { path: '^src/drivers/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(ops|rpc|messaging|auth|presence|client)/' },
    },
    {
      name: 'ops-tools-serve-cli-and-bench',
      comment: 'src/ops is operator tooling: the running system (roles, runtime) never depends on it',
      severity: 'error',
      from: { path: '^(services|runtime|infra)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/ops/' },
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
      name: 'bench-never-imports-the-cli',
      comment: 'bench is the harness behind `gochat bench`: the CLI imports it, never the other way round',
      severity: 'error',
      from: { path: '^bench/', pathNot: '\\.test\\.ts$' },
      to: { path: '^cli/' },
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
