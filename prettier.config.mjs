/**
 * Prettier for every TypeScript, JavaScript, JSON and YAML file (`npm run format`; CI runs
 * `npm run format:check`). What it leaves alone is in .prettierignore.
 * @type {import('prettier').Config}
 */
export default {
  singleQuote: true,
  // The code was written to about 160 columns; a narrower width would rewrap most files for nothing.
  printWidth: 160,
  trailingComma: 'all',
  // `a ? b : c ? d : e` chains read as a list of cases, as the code already wrote them.
  experimentalTernaries: true,
  // The admin's html`…` templates are markup whose whitespace the pages and their tests depend on:
  // formatted by hand, not re-indented by Prettier's HTML printer.
  embeddedLanguageFormatting: 'off',
};
