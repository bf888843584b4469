export { BudgetsPage, budgetsPlugin } from './plugin.esm.js';
//# sourceMappingURL=index.esm.js.map
