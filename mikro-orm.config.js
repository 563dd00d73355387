// The MikroORM CLI (`npx mikro-orm …`) finds this file by its default name. The CLI runs plain
// Node, so tsx compiles the TypeScript config and what it imports (entities, migrations; the
// `@hub/*` paths of tsconfig.base.json) as they load.
require('tsx/cjs/api').register();
module.exports = require('./libs/migrations/src/mikro-orm.config.ts');
