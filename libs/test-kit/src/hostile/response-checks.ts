import { INJECTED_HEADER, XSS_MARKERS } from './hostile-values';
import type { RawResponse } from './raw-http';

/** What an answer must never contain: traces, internal messages, paths, SQL, the ORM and its errors. */
const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\n\s*at \S|\bat [\w$.<>]+ \(|\(\/[^)]*:\d+:\d+\)/],
  ['an error class', /\b(Type|Reference|Syntax|Range|Driver|Server|Validation|Zod)?Error: /],
  ['a file path', /\/(work|home|usr|app|src|opt)\/[\w.-]+\/|\.ts:\d+|\.js:\d+/],
  ['node_modules', /node_modules/],
  ['the ORM', /MikroORM|mikro-orm|knex/i],
  ['SQL', /\b(select .{1,80} from|insert into|update \w+ set|delete from)\b|syntax error at or near|violates .* constraint|relation "/i],
];

/** Why `response` is unacceptable whatever was asked, or none. */
export function problemsOf(response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}`);
  for (const [what, pattern] of LEAKS) {
    const found = pattern.exec(response.body);
    if (found) problems.push(`the body shows ${what}: …${response.body.slice(Math.max(0, found.index - 60), found.index + 80)}…`);
  }
  const contentType = String(response.headers['content-type'] ?? '');
  if (/html/i.test(contentType) || /^\s*</.test(response.body)) {
    for (const marker of XSS_MARKERS) {
      if (response.body.includes(marker)) problems.push(`the HTML shows ${marker} unescaped`);
    }
    if (/<img src=x onerror|<svg onload|<script>hubxss/i.test(response.body)) problems.push('the HTML shows a planted tag unescaped');
  }
  const names = response.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
  if (names.includes(INJECTED_HEADER.toLowerCase())) problems.push(`the answer carries the injected header ${INJECTED_HEADER}`);
  if (String(response.headers['set-cookie'] ?? '').includes('hub_injected')) problems.push('the answer sets the injected cookie');
  return problems;
}
