// `npm run lint:docker`: every docker/*.Dockerfile through dockerfile-utils (the Docker
// language server's validator: syntax, arguments, flags; warnings count as failures), then
// the rules this project's images keep: apt retries and clean-up in every apt-using stage,
// a non-root user, a HEALTHCHECK when a port is exposed, version/revision labels, no secrets.
import { readdirSync, readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';

const dir = 'docker';
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.Dockerfile'))
  .map((name) => `${dir}/${name}`);
if (files.length === 0) {
  console.error(`no *.Dockerfile in ${dir}/`);
  process.exit(1);
}

/** Instructions with their continuation lines joined, comments dropped. */
function instructions(text) {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

function policyProblems(text) {
  const problems = [];
  const stages = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') stages.push({ from: instruction.args, items: [] });
    else stages.at(-1)?.items.push(instruction);
  }
  for (const stage of stages) {
    const runs = stage.items
      .filter((item) => item.keyword === 'RUN')
      .map((item) => item.args)
      .join('\n');
    if (!/apt-get/.test(runs)) continue;
    if (!/Acquire::Retries/.test(runs)) problems.push(`stage "${stage.from}" uses apt-get without Acquire::Retries`);
    // apt 2.6 (bookworm) hangs for good when a delayed retry is all that is left to fetch.
    if (!/Acquire::Retries::Delay "false"/.test(runs)) problems.push(`stage "${stage.from}" lets apt delay its retries (set Acquire::Retries::Delay "false")`);
    if (!/rm -rf \/var\/lib\/apt\/lists\/\*/.test(runs)) problems.push(`stage "${stage.from}" leaves the apt lists (rm -rf /var/lib/apt/lists/*)`);
    for (const install of runs.match(/apt-get install[^;&|]*/g) ?? []) {
      if (!install.includes('--no-install-recommends')) problems.push(`stage "${stage.from}": "${install.trim()}" lacks --no-install-recommends`);
    }
  }
  const final = stages.at(-1)?.items ?? [];
  const user = final.filter((item) => item.keyword === 'USER').at(-1)?.args;
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push(`the final stage runs as ${user ?? 'root (no USER)'}`);
  if (final.some((item) => item.keyword === 'EXPOSE') && !final.some((item) => item.keyword === 'HEALTHCHECK')) {
    problems.push('a port is exposed but there is no HEALTHCHECK');
  }
  const labels = final
    .filter((item) => item.keyword === 'LABEL')
    .map((item) => item.args)
    .join(' ');
  for (const label of ['org.opencontainers.image.version', 'org.opencontainers.image.revision']) {
    if (!labels.includes(label)) problems.push(`the final stage has no ${label} label`);
  }
  for (const item of stages.flatMap((stage) => stage.items)) {
    if ((item.keyword === 'ENV' || item.keyword === 'ARG') && /(PASSWORD|SECRET|TOKEN)\w*\s*=/i.test(item.args)) {
      problems.push(`${item.keyword} ${item.args.split('=')[0]} bakes a secret into the image`);
    }
  }
  return problems;
}

let failed = false;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const diagnostics = validate(text).map((d) => `${file}:${d.range.start.line + 1}: ${d.message}`);
  const problems = [...diagnostics, ...policyProblems(text).map((problem) => `${file}: ${problem}`)];
  for (const problem of problems) console.error(problem);
  failed ||= problems.length > 0;
  if (problems.length === 0) console.log(`${file}: ok`);
}
process.exit(failed ? 1 : 0);
